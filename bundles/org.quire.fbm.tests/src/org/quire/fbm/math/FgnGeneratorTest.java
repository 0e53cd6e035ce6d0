package org.quire.fbm.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exact fGn: the sample autocovariance against ½(|k+1|^{2H} − 2|k|^{2H} + |k−1|^{2H}) and Var B(j) = j^{2H}.
 * Monte Carlo: N = 20 000 paths of n = 64 (9, 100), autocovariances averaged over positions; standard error ≤ 0.002
 * (≤ 0.005 at n = 9),
 * tolerance 0.01 (≥ 5 standard errors); Var B(j) relative standard error √(2/N) = 1%, tolerance 5%.
 */
class FgnGeneratorTest {

    private static final int N = 20_000;
    private static final int LENGTH = 64;

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.5, 0.8})
    void daviesHarteHasTheExactAutocovariance(double h) {
        checkCovariance(FgnGenerator.of(LENGTH, h, FgnGenerator.Method.DAVIES_HARTE), h);
    }

    /** JTransforms scales its inverse differently for sizes that are not powers of two; the noise must not change. */
    @ParameterizedTest
    @ValueSource(ints = {9, 100})
    void daviesHarteIsExactForSizesThatAreNotPowersOfTwo(int n) {
        checkCovariance(FgnGenerator.of(n, 0.7, FgnGenerator.Method.DAVIES_HARTE), 0.7);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.7})
    void choleskyHasTheExactAutocovariance(double h) {
        checkCovariance(FgnGenerator.of(LENGTH, h, FgnGenerator.Method.CHOLESKY), h);
    }

    private static void checkCovariance(FgnGenerator gen, double h) {
        SplittableRandom random = new SplittableRandom(11);
        double[] acov = new double[6];
        int length = gen.length();
        double[] varB = new double[length + 1];
        for (int p = 0; p < N; p++) {
            double[] x = gen.sample(random);
            for (int k = 0; k < acov.length; k++) {
                double s = 0;
                for (int i = 0; i + k < length; i++) {
                    s += x[i] * x[i + k];
                }
                acov[k] += s / (length - k);
            }
            double b = 0;
            for (int j = 1; j <= length; j++) {
                b += x[j - 1];
                varB[j] += b * b;
            }
        }
        for (int k = 0; k < acov.length; k++) {
            assertThat(acov[k] / N).as("%s H=%s lag %d", gen.method(), h, k)
                    .isCloseTo(FgnGenerator.autocovariance(h, k), within(length < 64 ? 0.025 : 0.01));
        }
        for (int j : new int[] {1, 8, length}) {
            double exact = Math.pow(j, 2 * h);
            assertThat(varB[j] / N).as("Var B(%d)", j).isCloseTo(exact, within(0.05 * exact));
        }
    }

    @Test
    void autocovarianceOfWhiteNoiseAndKnownValues() {
        assertThat(FgnGenerator.autocovariance(0.5, 0)).isEqualTo(1.0);
        assertThat(FgnGenerator.autocovariance(0.5, 3)).isCloseTo(0, within(1e-15));
        assertThat(FgnGenerator.autocovariance(0.7, 1)).isCloseTo(0.5 * (Math.pow(2, 1.4) - 2), within(1e-15));
    }

    @Test
    void circulantEmbeddingIsNonNegativeForEveryH() {
        for (double h = 0.05; h < 0.99; h += 0.05) {
            assertThat(FgnGenerator.of(1 << 12, h, FgnGenerator.Method.DAVIES_HARTE).negativeEigenvalue())
                    .as("H=%s", h).isGreaterThan(-1e-12);
        }
    }

    @Test
    void sameSeedSameNumbersAndStreamsDiffer() {
        FgnGenerator gen = FgnGenerator.of(1000, 0.7, FgnGenerator.Method.DAVIES_HARTE);
        assertThat(gen.sample(new SplittableRandom(5))).containsExactly(gen.sample(new SplittableRandom(5)));
        assertThat(gen.sample(new SplittableRandom(5))).isNotEqualTo(gen.sample(new SplittableRandom(6)));
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> FgnGenerator.of(10, 1.0, FgnGenerator.Method.DAVIES_HARTE)).hasMessageContaining("hurst");
        assertThatThrownBy(() -> FgnGenerator.of(FgnGenerator.MAX_CHOLESKY + 1, 0.5, FgnGenerator.Method.CHOLESKY))
                .hasMessageContaining("Cholesky");
    }
}
