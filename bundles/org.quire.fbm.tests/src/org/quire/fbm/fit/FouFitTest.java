package org.quire.fbm.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.quire.api.Progress;
import org.quire.fbm.math.FbmType;
import org.quire.fbm.math.HurstEstimators;

/**
 * The parametric fit on exact fBM (the acceptance: 16 paths of 256 steps, H within 0.05 of the truth and of
 * Whittle), the σ normalisation, and thread-count independence.
 */
class FouFitTest {

    private static final FouFitSettings DEFAULTS = new FouFitSettings(FbmType.TYPE_I, 16, 64, 200, 0.05, true, 0.1);

    static double[][] exactPaths(double hurst, int paths, int steps, long seed) {
        CholeskyFbm generator = new CholeskyFbm(hurst, steps + 1);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] v = new double[paths][];
        for (int p = 0; p < paths; p++) {
            v[p] = generator.path(random);
        }
        return v;
    }

    private static double whittle(double[][] paths) {
        double sum = 0;
        for (double[] p : paths) {
            sum += HurstEstimators.estimate("whittle", HurstEstimators.increments(p)).hurst();
        }
        return sum / paths.length;
    }

    private static void checkRecovery(double hurst, long seed) {
        double[][] paths = exactPaths(hurst, 16, 256, seed);
        FouFitResult r = new FouFit(PathData.equallySpaced(paths), DEFAULTS).fit(2, Progress.none());
        double w = whittle(paths);
        System.out.printf(java.util.Locale.ROOT, "fbm.fit acceptance: true H %.2f, fitted %.4f, Whittle %.4f, sigma %.4f%n",
                hurst, r.hurst(), w, r.sigma());
        assertThat(r.hurst()).as("fitted H vs truth").isCloseTo(hurst, within(0.05));
        assertThat(r.hurst()).as("fitted H vs Whittle").isCloseTo(w, within(0.05));
        // the data are standard fBM: the normalised σ is 1 up to sampling error and the MA approximation
        assertThat(r.sigma()).isCloseTo(1.0, within(0.1));
        assertThat(r.traceElbo()[r.traceElbo().length - 1]).isGreaterThan(r.traceElbo()[0]);
        assertThat(r.elbo() / r.observations()).isCloseTo(r.traceElbo()[r.traceElbo().length - 1], within(1e-12));
    }

    @Test
    void recoversTheHurstIndexOfRoughExactFbm() {
        checkRecovery(0.3, 42);
    }

    @Test
    void recoversTheHurstIndexOfSmoothExactFbm() {
        checkRecovery(0.7, 43);
    }

    @Test
    void sameNumbersWithOneAndTwoThreads() {
        double[][] paths = exactPaths(0.4, 3, 64, 7);
        FouFitSettings s = new FouFitSettings(FbmType.TYPE_II, 6, 8, 15, 0.05, true, 0.1);
        FouFitResult one = new FouFit(PathData.equallySpaced(paths), s).fit(1, Progress.none());
        FouFitResult two = new FouFit(PathData.equallySpaced(paths), s).fit(2, Progress.none());
        assertThat(two.traceElbo()).containsExactly(one.traceElbo());
        assertThat(two.hurst()).isEqualTo(one.hurst());
        assertThat(two.theta()).isEqualTo(one.theta());
        assertThat(two.posteriorSd()[0]).containsExactly(one.posteriorSd()[0]);
    }

    @Test
    void posteriorBandsCoverTheDataWhenTheNoiseIsSmall() {
        double[][] paths = exactPaths(0.6, 2, 64, 9);
        FouFitResult r = new FouFit(PathData.equallySpaced(paths), new FouFitSettings(FbmType.TYPE_I, 8, 16, 30, 0.05,
                false, 0.01)).fit(1, Progress.none());
        for (int i = 0; i < paths[0].length; i++) {
            // the smoothed X is within a few posterior sd of its observation, and no wider than the noise
            assertThat(r.posteriorMean()[0][i]).isCloseTo(paths[0][i], within(4 * r.posteriorSd()[0][i] + 1e-12));
            assertThat(r.posteriorSd()[0][i]).isLessThanOrEqualTo(r.noise() * (1 + 1e-9)).isPositive();
        }
    }
}
