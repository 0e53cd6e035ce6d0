package org.quire.lmdp.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quire.lmdp.model.Generators;
import org.quire.lmdp.model.Lmdp;

/** Exact planners against each other, brute force, closed forms and the spec's §5 properties. */
class PlannerTest {
    private static final double EXACT = 1e-9;

    static double beliefTree(Lmdp l) {
        return new BeliefTreePlanner(l, BeliefTreePlanner.exact(l)).plan().value();
    }

    static double alpha(Lmdp l) {
        return new AlphaVectorPlanner(l).value();
    }

    static Stream<Arguments> families() {
        return Stream.of(
                Arguments.of("random M2 S3 A2 H4", Generators.random(2, 3, 2, 4, 2, 0.5, 1)),
                Arguments.of("random M2 S3 A3 H3 dense", Generators.random(2, 3, 3, 3, 3, 0.7, 2)),
                Arguments.of("random M3 S2 A2 H3", Generators.random(3, 2, 2, 3, 2, 0.6, 3)),
                Arguments.of("random M3 S3 A2 H3", Generators.random(3, 3, 2, 3, 2, 0.5, 4)),
                Arguments.of("random M3 S3 A2 H7 dense", Generators.random(3, 3, 2, 7, 3, 0.5, 1)),
                Arguments.of("random M4 S3 A2 H4", Generators.random(4, 3, 2, 4, 2, 0.6, 8)),
                Arguments.of("hard M2 n2 A2 H4", Generators.hard(2, 2, 2, 4, 0.5, 0.2, 5)),
                Arguments.of("hard M3 n1 A3 H4", Generators.hard(3, 1, 3, 4, 0.4, 0.3, 6)),
                Arguments.of("lock M2 A2 L2 p0.7 H5", Generators.lock(2, 2, 2, 0.7, 5)),
                Arguments.of("lock M3 A3 L2 p1 H6", Generators.lock(3, 3, 2, 1.0, 6)),
                Arguments.of("lock M4 A3 L2 p0.7 H5 (contexts 0, 3 alike)", Generators.lock(4, 3, 2, 0.7, 5)),
                Arguments.of("lock with sink M3 A3 L2 p0.8 H6", lockWithSink(3, 3, 2, 0.8, 6)),
                Arguments.of("random M2 S3 A2 H5 + twin of 1", Transform.withTwin(Generators.random(2, 3, 2, 5, 2, 0.6, 9), 1, 0.3)),
                Arguments.of("tiger 0.8 H5", Generators.tiger(0.8, 5)),
                Arguments.of("bandit M3 A3 H4", Generators.bandit(3, 3, 4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void exactPlannersAgreeAndSandwich(String name, Lmdp l) {
        double tree = beliefTree(l);
        assertThat(alpha(l)).as(name + ": alpha vectors vs belief tree").isCloseTo(tree, within(EXACT));
        double known = ReferenceValues.contextKnownValue(l);
        double memoryless = l.horizon() * l.states() <= 16 ? new MemorylessSearch(l, 50_000_000).solve()
                : Double.NEGATIVE_INFINITY;
        assertThat(memoryless).as(name + ": memoryless <= optimal").isLessThanOrEqualTo(tree + EXACT);
        assertThat(tree).as(name + ": optimal <= context known").isLessThanOrEqualTo(known + EXACT);
        assertThat(BruteForce.expectimax(l)).as(name + ": history expectimax").isCloseTo(tree, within(EXACT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void policyEvaluationOfTheExactPlanEqualsItsValue(String name, Lmdp l) {
        Plan plan = new BeliefTreePlanner(l, BeliefTreePlanner.exact(l)).plan();
        assertThat(PolicyEvaluation.value(l, plan)).isCloseTo(plan.value(), within(EXACT));
    }

    @Test
    void bruteForceOverAllHistoryPoliciesOnTinyCases() {
        // every combination with S <= 2, A = 2, M <= 2 and H <= 2 (H = 3 for S = 1) on three seeds
        for (long seed = 0; seed < 3; seed++) {
            for (int mm = 1; mm <= 2; mm++) {
                for (int ss = 1; ss <= 2; ss++) {
                    int hmax = ss == 1 ? 3 : 2;
                    for (int hh = 1; hh <= hmax; hh++) {
                        Lmdp l = Generators.random(mm, ss, 2, hh, ss, 0.8, seed * 31 + mm * 7 + ss * 3 + hh);
                        double brute = BruteForce.enumeratePolicies(l);
                        assertThat(beliefTree(l)).as("M=%d S=%d H=%d seed %d", mm, ss, hh, seed)
                                .isCloseTo(brute, within(1e-12));
                        assertThat(alpha(l)).isCloseTo(brute, within(1e-12));
                    }
                }
            }
        }
    }

    @Test
    void memorylessBranchAndBoundEqualsEnumeration() {
        for (long seed = 0; seed < 6; seed++) {
            Lmdp l = Generators.random(2, 2, 2, 3, 2, 0.6, 100 + seed);
            assertThat(new MemorylessSearch(l, 1_000_000).solve()).isCloseTo(BruteForce.bestMarkov(l), within(1e-12));
        }
        Lmdp tiger = Generators.tiger(0.8, 3);
        assertThat(new MemorylessSearch(tiger, 1_000_000).solve()).isCloseTo(BruteForce.bestMarkov(tiger), within(1e-12));
    }

    @Test
    void memorylessSearchReportsItsBudget() {
        Lmdp l = Generators.random(2, 3, 3, 5, 2, 0.6, 7);
        assertThatThrownBy(() -> new MemorylessSearch(l, 10).solve()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exceeded 10 nodes");
    }

    @Test
    void singleContextEqualsValueIteration() {
        for (long seed = 0; seed < 5; seed++) {
            Lmdp l = Generators.random(1, 4, 3, 5, 3, 0.5, seed);
            double vi = 0;
            double[] v0 = ReferenceValues.valueIteration(l, 0)[0];
            for (int s = 0; s < 4; s++) {
                vi += l.initial(0, s) * v0[s];
            }
            assertThat(beliefTree(l)).isCloseTo(vi, within(EXACT));
            assertThat(alpha(l)).isCloseTo(vi, within(EXACT));
            assertThat(new MemorylessSearch(l, 10_000_000).solve()).isCloseTo(vi, within(EXACT));
        }
    }

    @Test
    void degenerateWeightsGiveThatContextsValue() {
        Lmdp l = Generators.random(2, 3, 2, 4, 2, 0.6, 11);
        for (int j = 0; j < 2; j++) {
            Lmdp e = Transform.withWeights(l, j == 0 ? 1 : 0, j == 0 ? 0 : 1);
            double vj = ReferenceValues.contextValue(l, j);
            assertThat(beliefTree(e)).isCloseTo(vj, within(EXACT));
            assertThat(alpha(e)).isCloseTo(vj, within(EXACT));
            assertThat(beliefTree(Transform.single(l, j))).isCloseTo(vj, within(EXACT));
        }
    }

    @Test
    void valuesInvariantUnderRelabelling() {
        Lmdp l = Generators.random(3, 3, 2, 4, 2, 0.6, 21);
        double v = beliefTree(l);
        Lmdp p = Transform.permute(l, new int[] {2, 0, 1}, new int[] {1, 2, 0}, new int[] {1, 0});
        assertThat(beliefTree(p)).isCloseTo(v, within(EXACT));
        assertThat(alpha(p)).isCloseTo(v, within(EXACT));
        assertThat(ReferenceValues.contextKnownValue(p)).isCloseTo(ReferenceValues.contextKnownValue(l), within(EXACT));
        assertThat(new MemorylessSearch(p, 10_000_000).solve())
                .isCloseTo(new MemorylessSearch(l, 10_000_000).solve(), within(EXACT));
        Lmdp u = Transform.withUnreachableState(l);
        assertThat(beliefTree(u)).isCloseTo(v, within(EXACT));
        assertThat(alpha(u)).isCloseTo(v, within(EXACT));
    }

    /** Tiger: V*(H) = Pr(majority of H−1 listens is right), ties broken by a fair guess. */
    static double tigerClosedForm(double acc, int horizon) {
        int n = horizon - 1;
        double v = 0;
        for (int k = 0; k <= n; k++) {
            double p = binomial(n, k) * Math.pow(acc, k) * Math.pow(1 - acc, n - k);
            if (2 * k > n) {
                v += p;
            } else if (2 * k == n) {
                v += 0.5 * p;
            }
        }
        return v;
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    @Test
    void tigerMatchesClosedForm() {
        for (double acc : new double[] {0.8, 0.65}) {
            for (int h = 1; h <= 8; h++) {
                Lmdp t = Generators.tiger(acc, h);
                double expected = tigerClosedForm(acc, h);
                assertThat(beliefTree(t)).as("acc %s H %d", acc, h).isCloseTo(expected, within(EXACT));
                if (h <= 6) {
                    assertThat(alpha(t)).isCloseTo(expected, within(EXACT));
                }
                assertThat(ReferenceValues.contextKnownValue(t)).isCloseTo(1.0, within(EXACT));
            }
        }
        // hand values: H = 2 -> acc, H = 4 -> acc^3 + 3 acc^2 (1 - acc)
        assertThat(beliefTree(Generators.tiger(0.8, 2))).isCloseTo(0.8, within(EXACT));
        assertThat(beliefTree(Generators.tiger(0.8, 4))).isCloseTo(0.512 + 3 * 0.64 * 0.2, within(EXACT));
    }

    @Test
    void deterministicLockMatchesClosedForm() {
        // L = 3, two contexts with secret actions 0 and 1: nothing before H = L + 1, a fair guess at H = L + 1,
        // certainty once one wasted step fits (H >= L + 2)
        for (int h = 1; h <= 7; h++) {
            Lmdp l = Generators.lock(2, 2, 3, 1.0, h);
            double expected = h < 4 ? 0 : h == 4 ? 0.5 : 1.0;
            assertThat(beliefTree(l)).as("H %d", h).isCloseTo(expected, within(EXACT));
            assertThat(alpha(l)).isCloseTo(expected, within(EXACT));
            assertThat(ReferenceValues.contextKnownValue(l)).isCloseTo(h < 4 ? 0 : 1, within(EXACT));
        }
    }

    @Test
    void contextBanditMatchesClosedForm() {
        for (int mm = 1; mm <= 3; mm++) {
            for (int h = 1; h <= 5; h++) {
                Lmdp b = Generators.bandit(mm, 3, h);
                double expected = 0;
                for (int t = 0; t < mm; t++) {
                    expected += Math.max(0, h - t) / (double) h / mm;
                }
                assertThat(beliefTree(b)).as("M %d H %d", mm, h).isCloseTo(expected, within(EXACT));
                assertThat(alpha(b)).isCloseTo(expected, within(EXACT));
            }
        }
    }

    /** Step 0 pays 0 in context 0 and 0.1 in context 1 whatever the action; then action m pays 0.5 in context m. */
    static Lmdp rewardRevealsContext() {
        Lmdp.Builder b = Lmdp.builder(2, 3, 2, 2);
        for (int m = 0; m < 2; m++) {
            b.weight(m, 0.5).initial(m, 0, 1.0);
            for (int a = 0; a < 2; a++) {
                b.transition(m, 0, a, 1, 1.0).reward(m, 0, a, m == 0 ? 0.0 : 0.1);
                b.transition(m, 1, a, 2, 1.0).reward(m, 1, a, a == m ? 0.5 : 0.0);
                b.transition(m, 2, a, 2, 1.0);
            }
        }
        return b.build();
    }

    @Test
    void beliefUpdateUsesObservedRewards() {
        Lmdp l = rewardRevealsContext();
        double known = ReferenceValues.contextKnownValue(l);
        assertThat(known).isCloseTo(0.55, within(1e-15));
        Plan plan = new BeliefTreePlanner(l, BeliefTreePlanner.exact(l)).plan();
        assertThat(plan.value()).isCloseTo(known, within(EXACT));
        assertThat(alpha(l)).isCloseTo(known, within(EXACT));
        assertThat(PolicyEvaluation.value(l, plan)).isCloseTo(known, within(EXACT));
        assertThat(plan.updateBelief(new double[] {0.5, 0.5}, 0, 0, 0.1, 1)).containsExactly(0.0, 1.0);
        assertThat(plan.updateBelief(new double[] {0.5, 0.5}, 0, 1, 0.0, 1)).containsExactly(1.0, 0.0);
        // the best memoryless policy cannot use the reward: 0.5 * 0.5 + the 0.05 paid at step 0
        assertThat(new MemorylessSearch(l, 1000).solve()).isCloseTo(0.3, within(EXACT));
    }

    @Test
    void contextsAreAlikeFromAStateWhenTheirDynamicsAgreeOnEverythingReachable() {
        // lock M4 A3 L2: states 0, 1 on the chain, 2 pays and leads to the sink 3; contexts 0 and 3 share the secret
        ContextClasses lock = new ContextClasses(Generators.lock(4, 3, 2, 0.7, 5));
        assertThat(lock.from(0)).containsExactly(0, 1, 2, 0);
        assertThat(lock.from(1)).containsExactly(0, 1, 2, 0);
        assertThat(lock.from(2)).containsExactly(0, 0, 0, 0);
        assertThat(lock.from(3)).containsExactly(0, 0, 0, 0);
        ContextClasses tiger = new ContextClasses(Generators.tiger(0.8, 3));
        assertThat(tiger.from(0)).containsExactly(0, 1);
        assertThat(tiger.from(3)).as("done is absorbing and pays nothing in both").containsExactly(0, 0);
        Lmdp twins = Transform.withTwin(Generators.random(3, 3, 2, 4, 2, 0.6, 2), 1, 0.5);
        assertThat(new ContextClasses(twins).from(0)).containsExactly(0, 1, 2, 1);
    }

    /**
     * The settled (h, s) tables below beliefs the model can no longer split against the plain belief memo: the same
     * values and the same greedy actions at every node a policy evaluation visits, for the exact backup and for a
     * context-dependent one, where a table must weigh twin contexts by the belief (a per-context maximum would be
     * larger).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void settledTablesChangeNoValueOrAction(String name, Lmdp l) {
        ContextBackup exact = BeliefTreePlanner.exact(l);
        ContextBackup biased = (h, m, s, a, v) -> exact.backup(h, m, s, a, v) + 0.01 * ((m + a) % 3);
        for (ContextBackup backup : List.of(exact, biased)) {
            BeliefTreePlanner settled = new BeliefTreePlanner(l, backup);
            BeliefTreePlanner plain = new BeliefTreePlanner(l, backup).settling(false);
            Plan fast = settled.plan();
            Plan reference = plain.plan();
            assertThat(fast.value()).as(name).isCloseTo(reference.value(), within(1e-12));
            if (backup == exact) {
                // alike contexts share one table per context whatever the belief on them: never more nodes
                assertThat(settled.nodeCount()).as(name).isLessThanOrEqualTo(plain.nodeCount());
            } else {
                assertThat(settled.nodeCount()).as(name + ": the same nodes, stored elsewhere").isEqualTo(plain.nodeCount());
            }
            Plan checked = new Plan() {
                @Override
                public double value() {
                    return fast.value();
                }

                @Override
                public int action(int h, int s, double[] belief) {
                    int a = fast.action(h, s, belief);
                    assertThat(a).as("%s: action at h=%d s=%d", name, h, s).isEqualTo(reference.action(h, s, belief));
                    return a;
                }

                @Override
                public double[] updateBelief(double[] belief, int s, int a, double reward, int next) {
                    return fast.updateBelief(belief, s, a, reward, next);
                }

                @Override
                public double[] initialBelief(int s) {
                    return fast.initialBelief(s);
                }
            };
            assertThat(PolicyEvaluation.value(l, checked)).isCloseTo(PolicyEvaluation.value(l, reference), within(1e-12));
        }
    }

    /**
     * A lock whose wrong actions fall into a sink (the bench's lock): L chain states, each with a secret action
     * (m + s) mod A in context m that advances with probability p (else stays), the goal L pays 1 and leads to the sink
     * L + 1, which is absorbing and pays nothing.
     */
    static Lmdp lockWithSink(int contexts, int actions, int length, double p, int horizon) {
        Lmdp.Builder b = Lmdp.builder(contexts, length + 2, actions, horizon);
        for (int m = 0; m < contexts; m++) {
            b.weight(m, 1.0 / contexts).initial(m, 0, 1.0);
            for (int a = 0; a < actions; a++) {
                for (int s = 0; s < length; s++) {
                    if (a == (m + s) % actions) {
                        b.transition(m, s, a, s + 1, p).transition(m, s, a, s, 1 - p);
                    } else {
                        b.transition(m, s, a, length + 1, 1.0);
                    }
                }
                b.transition(m, length, a, length + 1, 1.0).reward(m, length, a, 1.0);
                b.transition(m, length + 1, a, length + 1, 1.0);
            }
        }
        return b.build();
    }

    @Test
    void underTheExactBackupBeliefsOnAlikeContextsShareOneTable() {
        // every belief that reaches the goal or the sink meets contexts the model can no longer tell apart there
        Lmdp lock = lockWithSink(3, 3, 4, 0.8, 10);
        BeliefTreePlanner shared = new BeliefTreePlanner(lock, BeliefTreePlanner.exact(lock));
        BeliefTreePlanner plain = new BeliefTreePlanner(lock, BeliefTreePlanner.exact(lock)).settling(false);
        assertThat(shared.plan().value()).isCloseTo(plain.plan().value(), within(1e-15));
        assertThat(shared.nodeCount()).isLessThan(plain.nodeCount());
        assertThat(BeliefTreePlanner.exact(lock).alikeContextsAgree(lock)).isTrue();
        assertThat(BeliefTreePlanner.exact(lock).alikeContextsAgree(lockWithSink(3, 3, 4, 0.8, 10)))
                .as("only for the model the backup was built from").isFalse();
    }

    @Test
    void settledTablesHoldTheNodesWhereTheContextIsKnown() {
        Lmdp bandit = Generators.bandit(3, 3, 6);
        BeliefTreePlanner settled = new BeliefTreePlanner(bandit, BeliefTreePlanner.exact(bandit));
        BeliefTreePlanner plain = new BeliefTreePlanner(bandit, BeliefTreePlanner.exact(bandit)).settling(false);
        assertThat(settled.plan().value()).isEqualTo(plain.plan().value());
        // the first rewarded pull reveals the context: every node after it is in a settled table
        assertThat(settled.settledNodeCount()).isPositive().isLessThan(settled.nodeCount());
        assertThat(plain.settledNodeCount()).isZero();
    }

    @Test
    void alphaVectorCapIsReported() {
        Lmdp l = Generators.tiger(0.8, 6);
        assertThat(new AlphaVectorPlanner(l).vectorCount()).isGreaterThan(3 * 6);
        assertThatThrownBy(() -> new AlphaVectorPlanner(l, 3).value()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("above the cap of 3");
        assertThatThrownBy(() -> new BeliefTreePlanner(l, BeliefTreePlanner.exact(l)).maxNodes(10).plan())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exceeds 10 nodes");
    }

    @Test
    void pruningKeepsTheUpperSurface() {
        List<double[]> set = List.of(new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 1},
                new double[] {0.3, 0.3, 0.3}, new double[] {0.4, 0.4, 0.4}, new double[] {0.2, 0.2, 0.2},
                new double[] {1, 0, 0});
        List<double[]> kept = VectorPruning.prune(set);
        assertThat(kept).hasSize(4); // the three corners and (0.4, 0.4, 0.4), which wins at the centre
        List<double[]> two = List.of(new double[] {1, 0}, new double[] {0, 1}, new double[] {0.5, 0.5},
                new double[] {0.6, 0.6}, new double[] {0.9, 0.05});
        assertThat(VectorPruning.prune(two)).extracting(v -> v[0]).containsExactly(1.0, 0.0, 0.6);
    }
}
