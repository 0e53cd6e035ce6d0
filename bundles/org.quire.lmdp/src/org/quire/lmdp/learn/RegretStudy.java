package org.quire.lmdp.learn;

import java.util.ArrayList;
import java.util.List;

import org.quire.api.Progress;
import org.quire.compute.Parallel;
import org.quire.compute.RandomStreams;
import org.quire.lmdp.model.Lmdp;
import org.quire.lmdp.plan.BeliefTreePlanner;

/**
 * A regret study: every learner runs K episodes in each of n runs. Run r draws its context sequence from stream
 * {@code child(r).splittable(0)} of the seed (common random numbers: the same contexts for every learner), and
 * learner L its start states and transitions from {@code child(r).child(1 + L.ordinal()).splittable(0)}. The
 * (run, learner) tasks run in parallel with {@link Parallel}; results are collected by index, so they are
 * bit-identical for any thread count. Stateless.
 */
public final class RegretStudy {
    /** z for the two-sided 95% normal band. */
    static final double Z95 = 1.959963984540054;

    private RegretStudy() {
    }

    /**
     * The result of a study.
     *
     * @param optimalValue V* of the truth
     * @param checkpoints  1-based episode indices of the curves
     * @param curves       one per learner, in the requested order
     */
    public record Outcome(double optimalValue, int[] checkpoints, List<LearnerCurve> curves) {
    }

    /**
     * Runs the study.
     *
     * @param truth    the true LMDP
     * @param learners which learners (at least one)
     * @param settings K and constants
     * @param runs     number of runs (seeds) n &ge; 1
     * @param seed     base seed
     * @param threads  worker threads &ge; 1
     * @param progress total K·n·|learners| units; cancellation checked every {@value RegretRun#BLOCK} episodes
     */
    public static Outcome run(Lmdp truth, List<LearnerKind> learners, LearnSettings settings, int runs, long seed,
            int threads, Progress progress) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        }
        if (learners.isEmpty()) {
            throw new IllegalArgumentException("no learners");
        }
        double optimal = new BeliefTreePlanner(truth, BeliefTreePlanner.exact(truth)).plan().value();
        int[] checkpoints = Checkpoints.of(settings.episodes());
        int nl = learners.size();
        RandomStreams streams = new RandomStreams(seed);
        progress.begin("regret study: " + runs + " runs x " + nl + " learners x " + settings.episodes() + " episodes",
                (long) runs * nl * settings.episodes());
        List<RunCurve> results = Parallel.mapToObj(threads, runs * nl, task -> {
            int r = task / nl;
            LearnerKind kind = learners.get(task % nl);
            RandomStreams run = streams.child(r);
            int[] contexts = Environment.contexts(truth, settings.episodes(), run.splittable(0));
            Environment env = new Environment(truth, run.child(1L + kind.ordinal()).splittable(0));
            return RegretRun.run(truth, optimal, kind.create(truth, settings), contexts, env, checkpoints, progress);
        });
        List<LearnerCurve> curves = new ArrayList<>();
        for (int l = 0; l < nl; l++) {
            List<RunCurve> mine = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                mine.add(results.get(r * nl + l));
            }
            curves.add(aggregate(learners.get(l), mine, checkpoints, settings.episodes()));
        }
        return new Outcome(optimal, checkpoints, List.copyOf(curves));
    }

    static LearnerCurve aggregate(LearnerKind kind, List<RunCurve> runs, int[] checkpoints, int episodes) {
        int c = checkpoints.length;
        int n = runs.size();
        double[] mean = new double[c];
        double[] low = new double[c];
        double[] high = new double[c];
        for (int i = 0; i < c; i++) {
            double s = 0;
            for (RunCurve r : runs) {
                s += r.cumulative()[i];
            }
            double mu = s / n;
            double ss = 0;
            for (RunCurve r : runs) {
                double d = r.cumulative()[i] - mu;
                ss += d * d;
            }
            double half = n > 1 ? Z95 * Math.sqrt(ss / (n - 1) / n) : 0;
            mean[i] = mu;
            low[i] = mu - half;
            high[i] = mu + half;
        }
        double slope = LogLogSlope.fit(checkpoints, mean, episodes / 2.0);
        return new LearnerCurve(kind, mean, low, high, slope, List.copyOf(runs));
    }
}
