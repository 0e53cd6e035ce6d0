package org.quire.lmdp.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.quire.lmdp.model.Lmdp;

/** The optimistic backups against hand calculations and brute-force maximisation over their confidence sets. */
class BackupTest {

    /** One context, S = 3, A = 1, H = 2; reward 0.1 at state 0; counts from given moves out of (0, 0). */
    private static Lmdp known() {
        Lmdp.Builder b = Lmdp.builder(1, 3, 1, 2).weight(0, 1).initial(0, 0, 1).reward(0, 0, 0, 0.1);
        for (int s = 0; s < 3; s++) {
            b.transition(0, s, 0, s, 1);
        }
        return b.build();
    }

    private static EmpiricalModel counts(int... movesTo) {
        ContextCounts c = new ContextCounts(1, 3, 1);
        for (int next : movesTo) {
            c.add(0, 0, 0, next);
        }
        return c.snapshot();
    }

    private static int[] repeat(int n0, int n1, int n2) {
        int[] out = new int[n0 + n1 + n2];
        for (int i = 0; i < out.length; i++) {
            out[i] = i < n0 ? 0 : i < n0 + n1 ? 1 : 2;
        }
        return out;
    }

    @Test
    void valueOptimisticAddsBernsteinBonusOnEmpiricalVariance() {
        // P̂ = (0.5, 0.5, 0), v = (1, 0, 0.3), n = 100, ι = 2: mean 0.5, variance 0.25,
        // β = sqrt(0.25·2/100) + 2/100 = 0.0707107 + 0.02; α = 0.1 + 0.5 + β
        EmpiricalModel e = counts(repeat(50, 50, 0));
        ValueOptimisticBackup b = new ValueOptimisticBackup(e, known(), 2, 1, 1);
        assertThat(b.backup(0, 0, 0, 0, new double[] {1, 0, 0.3}))
                .isCloseTo(0.1 + 0.5 + Math.sqrt(0.005) + 0.02, within(1e-14));
        // c1 = 0 leaves only the 1/n term; a deterministic next value has zero variance
        ValueOptimisticBackup noVar = new ValueOptimisticBackup(e, known(), 2, 0, 1);
        assertThat(noVar.backup(0, 0, 0, 0, new double[] {0.4, 0.4, 0})).isCloseTo(0.1 + 0.4 + 0.02, within(1e-14));
    }

    @Test
    void unvisitedPairsAndLargeBonusesAreTruncatedAtOne() {
        EmpiricalModel none = counts();
        assertThat(new ValueOptimisticBackup(none, known(), 2, 1, 1).backup(0, 0, 0, 0, new double[3])).isEqualTo(1.0);
        assertThat(new ModelOptimisticBackup(none, known(), 2, 1, 1).backup(0, 0, 0, 0, new double[3])).isEqualTo(1.0);
        EmpiricalModel few = counts(0, 1);
        assertThat(new ValueOptimisticBackup(few, known(), 20, 1, 1).backup(0, 0, 0, 0, new double[] {1, 1, 1}))
                .isEqualTo(1.0);
    }

    @Test
    void hoeffdingBonusShrinksWithTheRemainingHorizon() {
        EmpiricalModel e = counts(repeat(25, 75, 0));
        HoeffdingBackup b = new HoeffdingBackup(e, known(), 4);
        double[] v = {0.8, 0.2, 0};
        double mean = 0.25 * 0.8 + 0.75 * 0.2;
        assertThat(b.backup(0, 0, 0, 0, v)).isCloseTo(0.1 + mean + 1.0 * Math.sqrt(4.0 / 100), within(1e-14));
        assertThat(b.backup(1, 0, 0, 0, v)).isCloseTo(0.1 + mean + 0.5 * Math.sqrt(4.0 / 100), within(1e-14));
    }

    @Test
    void modelOptimisticMaximumMatchesBruteForceOverTheBernsteinSet() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int trial = 0; trial < 40; trial++) {
            int n0 = 1 + rnd.nextInt(30);
            int n1 = rnd.nextInt(30);
            int n2 = rnd.nextInt(5);
            int n = n0 + n1 + n2;
            double[] p = {(double) n0 / n, (double) n1 / n, (double) n2 / n};
            double[] v = {rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()};
            double iota = 0.5 + rnd.nextDouble();
            double[] lower = new double[3];
            double[] upper = new double[3];
            for (int x = 0; x < 3; x++) {
                double r = Math.sqrt(2 * p[x] * iota / n) + iota / n;
                lower[x] = Math.max(0, p[x] - r);
                upper[x] = Math.min(1, p[x] + r);
            }
            double brute = bruteForce(lower, upper, v);
            EmpiricalModel e = counts(repeat(n0, n1, n2));
            double got = new ModelOptimisticBackup(e, known(), iota, 1, 1).backup(1, 0, 0, 0, v);
            assertThat(got).as("trial %d", trial).isCloseTo(Math.min(1, 0.1 + brute), within(2e-3));
            assertThat(got).isGreaterThanOrEqualTo(Math.min(1, 0.1 + brute) - 1e-12);
        }
    }

    @Test
    void l1MaximumMatchesBruteForceOverTheL1Ball() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 40; trial++) {
            double[] p = {rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()};
            double sum = p[0] + p[1] + p[2];
            for (int x = 0; x < 3; x++) {
                p[x] /= sum;
            }
            double[] v = {rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()};
            double radius = rnd.nextDouble();
            double best = Double.NEGATIVE_INFINITY;
            int grid = 2000;
            for (int i = 0; i <= grid; i++) {
                for (int j = 0; i + j <= grid; j++) {
                    double q0 = (double) i / grid;
                    double q1 = (double) j / grid;
                    double q2 = 1 - q0 - q1;
                    if (Math.abs(q0 - p[0]) + Math.abs(q1 - p[1]) + Math.abs(q2 - p[2]) <= radius) {
                        best = Math.max(best, q0 * v[0] + q1 * v[1] + q2 * v[2]);
                    }
                }
            }
            double got = L1OptimisticBackup.maximise(p, radius, v);
            assertThat(got).as("trial %d", trial).isCloseTo(best, within(2e-3)).isGreaterThanOrEqualTo(best - 1e-12);
        }
    }

    /** max q·v over a 3-entry box intersected with the simplex, on a grid of step 1e-3 (lower bound of the maximum). */
    private static double bruteForce(double[] lower, double[] upper, double[] v) {
        double best = Double.NEGATIVE_INFINITY;
        int grid = 1500;
        for (int i = 0; i <= grid; i++) {
            double q0 = lower[0] + (upper[0] - lower[0]) * i / grid;
            for (int j = 0; j <= grid; j++) {
                double q1 = lower[1] + (upper[1] - lower[1]) * j / grid;
                double q2 = 1 - q0 - q1;
                if (q2 >= lower[2] - 1e-15 && q2 <= upper[2] + 1e-15) {
                    best = Math.max(best, q0 * v[0] + q1 * v[1] + q2 * v[2]);
                }
            }
        }
        return best;
    }

    @Test
    void countsSignalPowersOfTwoOnly() {
        ContextCounts c = new ContextCounts(2, 2, 2);
        StringBuilder signals = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            if (c.add(1, 0, 1, i % 2)) {
                signals.append(i).append(' ');
            }
        }
        assertThat(signals.toString().trim()).isEqualTo("1 2 4 8 16");
        assertThat(c.visits(1, 0, 1)).isEqualTo(20);
        assertThat(c.moves(1, 0, 1, 1)).isEqualTo(10);
        assertThat(c.visits(0, 0, 1)).isZero();
    }

    @Test
    void planningModelIsSmoothedEmpiricalWithKnownRewards() {
        EmpiricalModel e = counts(repeat(3, 1, 0));
        Lmdp model = e.planningModel(known(), 1e-3);
        assertThat(model.transition(0, 0, 0, 0)).isCloseTo(0.999 * 0.75 + 1e-3 / 3, within(1e-15));
        assertThat(model.transition(0, 0, 0, 2)).isCloseTo(1e-3 / 3, within(1e-15));
        assertThat(model.transition(0, 1, 0, 2)).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(model.reward(0, 0, 0)).isEqualTo(0.1);
        assertThat(e.count(0, 0, 0)).isEqualTo(4);
    }
}
