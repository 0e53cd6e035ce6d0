package org.quire.lmdp.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quire.api.Progress;
import org.quire.lmdp.model.Lmdp;

/** Regret properties of the learners (spec §5, properties 6–10) on small instances with known optimal values. */
class RegretStudyTest {

    private static final double ACC = 0.8;

    private static RegretStudy.Outcome study(Lmdp truth, String learners, int episodes, int runs, int threads) {
        return RegretStudy.run(truth, LearnerKind.parseList(learners), LearnSettings.defaults(episodes), runs, 42, threads,
                Progress.none());
    }

    private static LearnerCurve curve(RegretStudy.Outcome o, LearnerKind kind) {
        return o.curves().stream().filter(c -> c.learner() == kind).findFirst().orElseThrow();
    }

    @Test
    void optimisticLearnersHaveSublinearRegretOnRandomInstances() {
        for (long seed : new long[] {7, 11, 19}) {
            Lmdp truth = LearnInstances.random(2, 2, 2, 3, seed);
            RegretStudy.Outcome o = study(truth, "value,model", 5000, 4, 2);
            for (LearnerCurve c : o.curves()) {
                assertThat(c.slope()).as("%s on random(seed %d)", c.learner().id(), seed).isLessThan(0.75);
                assertThat(c.finalRegret()).as("average regret of %s", c.learner().id()).isLessThan(0.1 * 5000);
            }
        }
    }

    @Test
    void optimisticLearnersHaveSublinearRegretOnTiger() {
        Lmdp truth = LearnInstances.tiger(ACC, 4);
        RegretStudy.Outcome o = study(truth, "value,model", 5000, 3, 2);
        for (LearnerCurve c : o.curves()) {
            assertThat(c.slope()).as("%s on tiger", c.learner().id()).isLessThan(0.75);
        }
    }

    @Test
    void memorylessBaselineHasLinearRegretWhereMemoryMatters() {
        Lmdp truth = LearnInstances.tiger(ACC, 4);
        RegretStudy.Outcome o = study(truth, "memoryless", 4000, 2, 2);
        // three listens and a majority vote versus the best memoryless policy (open against the last observation)
        double optimal = ACC * ACC * ACC + 3 * ACC * ACC * (1 - ACC);
        assertThat(o.optimalValue()).isCloseTo(optimal, within(1e-12));
        LearnerCurve c = curve(o, LearnerKind.MEMORYLESS);
        assertThat(c.slope()).isGreaterThan(0.9);
        for (RunCurve r : c.runs()) {
            assertThat(r.finalGap()).isGreaterThanOrEqualTo(optimal - ACC - 1e-12);
        }
    }

    @Test
    void oracleHasZeroRegret() {
        // the evaluator's forward recursion reproduces the planner's V* to rounding; the gap then counts as exactly 0
        for (Lmdp truth : List.of(LearnInstances.tiger(ACC, 4), LearnInstances.random(2, 2, 2, 3, 7),
                LearnInstances.rewardRevealed())) {
            org.quire.lmdp.plan.Plan plan = new OracleLearner(truth).policy();
            assertThat(org.quire.lmdp.plan.PolicyEvaluation.value(truth, plan)).isCloseTo(plan.value(), within(1e-12));
        }
        for (Lmdp truth : List.of(LearnInstances.tiger(ACC, 4), LearnInstances.random(2, 2, 2, 3, 7),
                LearnInstances.rewardRevealed())) {
            LearnerCurve c = curve(study(truth, "oracle", 500, 2, 1), LearnerKind.ORACLE);
            for (RunCurve r : c.runs()) {
                assertThat(r.replans()).isZero();
                for (double x : r.cumulative()) {
                    assertThat(x).isEqualTo(0.0);
                }
            }
        }
    }

    @Test
    void replansAreBoundedByTheDoublingSchedule() {
        Lmdp truth = LearnInstances.tiger(ACC, 4);
        int episodes = 2000;
        RegretStudy.Outcome o = study(truth, "value,model,lucrl,hoeffding,memoryless", episodes, 2, 2);
        long bound = (long) truth.contexts() * truth.states() * truth.actions()
                * (long) Math.ceil(Math.log((double) episodes * truth.horizon()) / Math.log(2));
        for (LearnerCurve c : o.curves()) {
            assertThat(c.maxReplans()).as(c.learner().id()).isPositive().isLessThanOrEqualTo((int) bound);
        }
    }

    @Test
    void beliefUsesObservedRewardsSoLearnersIdentifyTheContext() {
        Lmdp truth = LearnInstances.rewardRevealed();
        RegretStudy.Outcome o = study(truth, "value,model,memoryless", 2000, 2, 2);
        assertThat(o.optimalValue()).isCloseTo(0.9, within(1e-12));
        for (LearnerKind kind : List.of(LearnerKind.VALUE, LearnerKind.MODEL)) {
            LearnerCurve c = curve(o, kind);
            assertThat(c.slope()).as(kind.id()).isLessThan(0.75);
            for (RunCurve r : c.runs()) {
                assertThat(r.finalGap()).as(kind.id()).isCloseTo(0, within(1e-12));
            }
        }
        // without memory the reward cannot be used: best is 0.1 + 0.4
        for (RunCurve r : curve(o, LearnerKind.MEMORYLESS).runs()) {
            assertThat(r.finalGap()).isGreaterThanOrEqualTo(0.4 - 1e-12);
        }
    }

    @Test
    void aLearnerWhoseBeliefIgnoresRewardsFailsOnTheSameInstance() {
        // the prototype's bug (spec §2): beliefs tracked under a model whose rewards do not depend on the context,
        // while the backups still use the true per-context rewards; the probe reward then never moves the belief
        Lmdp truth = LearnInstances.rewardRevealed();
        Lmdp.Builder blind = Lmdp.builder(2, 3, 2, 2);
        for (int m = 0; m < 2; m++) {
            blind.weight(m, 0.5).initial(m, 0, 1);
            for (int s = 0; s < 3; s++) {
                for (int a = 0; a < 2; a++) {
                    blind.transition(m, s, a, s == 2 ? 2 : s + 1, 1)
                            .reward(m, s, a, 0.5 * (truth.reward(0, s, a) + truth.reward(1, s, a)));
                }
            }
        }
        int episodes = 2000;
        double iota = OptimisticBackup.iota(2, 3, 2, episodes, 2, 0.05);
        int[] checkpoints = Checkpoints.of(episodes);
        double optimal = new OracleLearner(truth).policy().value();
        org.quire.compute.RandomStreams run = new org.quire.compute.RandomStreams(42).child(0);
        OptimisticLearner learner = new OptimisticLearner(blind.build(),
                (e, k) -> new ValueOptimisticBackup(e, truth, iota, 1, 1), EmpiricalModel.SMOOTHING);
        RunCurve curve = RegretRun.run(truth, optimal, learner, Environment.contexts(truth, episodes, run.splittable(0)),
                new Environment(truth, run.child(1).splittable(0)), checkpoints, Progress.none());
        assertThat(curve.finalGap()).isGreaterThanOrEqualTo(0.4 - 1e-12);
        assertThat(LogLogSlope.fit(checkpoints, curve.cumulative(), episodes / 2.0)).isGreaterThan(0.9);
    }

    @Test
    void resultsAreBitIdenticalForOneAndTwoThreads() {
        Lmdp truth = LearnInstances.random(2, 2, 2, 3, 11);
        RegretStudy.Outcome one = study(truth, "", 1000, 3, 1);
        RegretStudy.Outcome two = study(truth, "", 1000, 3, 2);
        assertThat(two.optimalValue()).isEqualTo(one.optimalValue());
        for (int l = 0; l < one.curves().size(); l++) {
            LearnerCurve a = one.curves().get(l);
            LearnerCurve b = two.curves().get(l);
            assertThat(b.mean()).isEqualTo(a.mean());
            assertThat(b.low()).isEqualTo(a.low());
            assertThat(b.high()).isEqualTo(a.high());
            for (int r = 0; r < a.runs().size(); r++) {
                assertThat(b.runs().get(r).cumulative()).isEqualTo(a.runs().get(r).cumulative());
                assertThat(b.runs().get(r).realised()).isEqualTo(a.runs().get(r).realised());
            }
        }
    }

    @Test
    void learnersShareTheContextSequenceOfARun() {
        Lmdp truth = LearnInstances.rewardRevealed();
        org.quire.compute.RandomStreams run = new org.quire.compute.RandomStreams(42).child(0);
        int[] first = Environment.contexts(truth, 1000, run.splittable(0));
        int[] again = Environment.contexts(truth, 1000, run.splittable(0));
        assertThat(again).isEqualTo(first);
        long ones = java.util.Arrays.stream(first).filter(m -> m == 1).count();
        // Binomial(1000, 0.5): within 5 standard deviations (±79)
        assertThat(ones).isBetween(421L, 579L);
    }

    @Test
    void logLogSlopeRecoversPowerLaws() {
        int[] k = Checkpoints.of(10_000);
        double[] sqrt = new double[k.length];
        double[] linear = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            sqrt[i] = 3 * Math.sqrt(k[i]);
            linear[i] = 0.1 * k[i];
        }
        assertThat(LogLogSlope.fit(k, sqrt, 5000)).isCloseTo(0.5, within(1e-12));
        assertThat(LogLogSlope.fit(k, linear, 5000)).isCloseTo(1.0, within(1e-12));
        assertThat(k[0]).isEqualTo(1);
        assertThat(k[k.length - 1]).isEqualTo(10_000);
    }
}
