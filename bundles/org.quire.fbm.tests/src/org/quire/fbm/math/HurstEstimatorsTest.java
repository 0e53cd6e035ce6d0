package org.quire.fbm.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * Hurst estimators on exact fGn (Davies–Harte, n = 2^14), mean over 4 seeds. Tolerances from the spec's §3 study
 * and the estimators' known spreads: Whittle 0.02 (single-path sd ≈ 0.005), DFA 0.03, aggregated variance 0.05;
 * R/S is biased towards ½ and only checked coarsely.
 */
class HurstEstimatorsTest {

    private static final int LENGTH = 1 << 14;
    private static final int SEEDS = 4;

    @Test
    void whittleWithinTwoHundredthsAtThreeAndSevenTenths() {
        assertMean("whittle", 0.3, 0.02);
        assertMean("whittle", 0.7, 0.02);
    }

    @Test
    void dfaWithinThreeHundredths() {
        assertMean("dfa", 0.3, 0.03);
        assertMean("dfa", 0.7, 0.03);
    }

    @Test
    void aggregatedVarianceWithinFiveHundredths() {
        assertMean("aggvar", 0.3, 0.05);
        assertMean("aggvar", 0.7, 0.05);
    }

    @Test
    void rescaledRangeIsCoarseAndBiasedTowardsOneHalf() {
        assertMean("rs", 0.7, 0.05);
        double low = mean("rs", 0.3);
        assertThat(low).isBetween(0.3, 0.45);
    }

    /** White noise (H = ½) has the flat density 1/2π exactly. */
    @Test
    void spectralDensityOfWhiteNoiseIsFlat() {
        for (double l : new double[] {0.01, 0.5, 1, 2, 3.1}) {
            assertThat(WhittleEstimator.spectralDensity(0.5, l)).isCloseTo(1 / (2 * Math.PI), within(1e-5 / (2 * Math.PI)));
        }
    }

    /** Against the aliasing sum over |k| ≤ 10^5 with a midpoint-integral tail (independent evaluation), 1e-5 relative. */
    @Test
    void spectralDensityMatchesALongAliasingSum() {
        for (double h : new double[] {0.2, 0.3, 0.7, 0.9}) {
            for (double l : new double[] {0.01, 0.5, 2, 3.1}) {
                int kMax = 100_000;
                double d = 2 * h + 1;
                double s = Math.pow(l, -d);
                for (int k = 1; k <= kMax; k++) {
                    s += Math.pow(2 * Math.PI * k + l, -d) + Math.pow(2 * Math.PI * k - l, -d);
                }
                s += (Math.pow(2 * Math.PI * (kMax + 0.5) + l, 1 - d) + Math.pow(2 * Math.PI * (kMax + 0.5) - l, 1 - d))
                        / (2 * Math.PI * (d - 1));
                double reference = Math.sin(Math.PI * h) * Gamma.gamma(2 * h + 1) / Math.PI * (1 - Math.cos(l)) * s;
                assertThat(WhittleEstimator.spectralDensity(h, l)).as("H=%s lambda=%s", h, l)
                        .isCloseTo(reference, within(1e-5 * reference));
            }
        }
    }

    @Test
    void periodogramSatisfiesParseval() {
        double[] x = FgnGenerator.of(1001, 0.6, FgnGenerator.Method.DAVIES_HARTE).sample(new SplittableRandom(1));
        double[] periodogram = WhittleEstimator.periodogram(x);
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        // n odd: Σ_t (x − x̄)² = (1/n) Σ_{j=1}^{n−1} |X_j|² = 2·2π Σ_{j=1}^{(n−1)/2} I_j
        double sum = 0;
        for (double v : periodogram) {
            sum += v;
        }
        assertThat(4 * Math.PI * sum).isCloseTo(ss, within(1e-9 * ss));
    }

    @Test
    void incrementsOfAPath() {
        assertThat(HurstEstimators.increments(new double[] {1, 3, 2})).containsExactly(2, -1);
    }

    @Test
    void rejectsShortOrNonFiniteSeries() {
        assertThatThrownBy(() -> HurstEstimators.estimate("whittle", new double[10])).hasMessageContaining("at least 32");
        double[] x = new double[100];
        x[50] = Double.NaN;
        assertThatThrownBy(() -> HurstEstimators.estimate("dfa", x)).hasMessageContaining("increment 51");
        assertThatThrownBy(() -> HurstEstimators.estimate("wavelet", new double[100])).hasMessageContaining("whittle");
    }

    private static void assertMean(String method, double h, double tolerance) {
        assertThat(mean(method, h)).as("%s at H=%s", method, h).isCloseTo(h, within(tolerance));
    }

    private static double mean(String method, double h) {
        FgnGenerator gen = FgnGenerator.of(LENGTH, h, FgnGenerator.Method.DAVIES_HARTE);
        double s = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            s += HurstEstimators.estimate(method, gen.sample(new SplittableRandom(100 + seed))).hurst();
        }
        return s / SEEDS;
    }
}
