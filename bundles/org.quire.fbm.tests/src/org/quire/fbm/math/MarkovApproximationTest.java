package org.quire.fbm.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The closed-form optimal weights against the spec's §5 tables (from the official code, K = 5, γmax = 20, T = 1)
 * and against 60-digit mpmath references of the true minimum where double precision limits the tables.
 */
class MarkovApproximationTest {

    private static final GammaGrid DEFAULT_GRID = GammaGrid.symmetric(5, 20);

    @Test
    void symmetricGridMatchesTheOfficialCode() {
        assertThat(DEFAULT_GRID.gammas()).containsExactly(new double[] {0.05, 0.2236068, 1, 4.472136, 20}, within(1e-6));
        assertThat(GammaGrid.ratio(3, 4).gammas()).containsExactly(new double[] {0.25, 1, 4}, within(1e-15));
        assertThatThrownBy(() -> GammaGrid.of(1, 0.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("increase");
    }

    @Test
    void exactVarianceConstantsOfTheSpec() {
        assertThat(MarkovApproximation.exactVariance(FbmType.TYPE_I, 0.3, 1)).isCloseTo(1.383376, within(1e-6));
        assertThat(MarkovApproximation.exactVariance(FbmType.TYPE_I, 0.7, 1)).isCloseTo(0.995088, within(1e-6));
        assertThat(MarkovApproximation.exactVariance(FbmType.TYPE_II, 0.3, 1)).isCloseTo(1.2296, within(1e-4));
        assertThat(MarkovApproximation.exactVariance(FbmType.TYPE_II, 0.7, 1)).isCloseTo(0.8473, within(1e-4));
        assertThat(MarkovApproximation.exactVariance(FbmType.TYPE_I, 0.3, 2))
                .isCloseTo(1.383376 * Math.pow(2, 0.6), within(1e-5));
    }

    /** Components within 1e-3 relative or half a unit of the printed fourth decimal. */
    @Test
    void referenceOmegaTable() {
        assertOmega(FbmType.TYPE_I, 0.3, 0.8044, -0.1115, 0.4874, 0.0845, 1.1873);
        assertOmega(FbmType.TYPE_I, 0.7, 2.2620, -1.4206, 0.0198, -0.3107, -0.1770);
        assertOmega(FbmType.TYPE_II, 0.7, -0.9348, 3.2680, -1.7713, 0.1156, -0.3155);
    }

    @Test
    void referenceVarianceTableToOneInAThousand() {
        assertVariance(FbmType.TYPE_I, 0.3, 1.3770);
        assertVariance(FbmType.TYPE_I, 0.7, 0.8837);
        assertVariance(FbmType.TYPE_II, 0.3, 1.2374);
        assertVariance(FbmType.TYPE_II, 0.7, 0.8453);
    }

    /** The spec's relative-error tables (fixed grid 1/20..20, T = 1) to their printed precision (half a unit of the last digit). */
    @Test
    void relativeErrorTablesToPrintedPrecision() {
        assertError(FbmType.TYPE_I, 0.3, 2, 3.7e-2);
        assertError(FbmType.TYPE_I, 0.3, 5, 1.7e-2);
        assertError(FbmType.TYPE_I, 0.3, 20, 9.3e-3);
        assertError(FbmType.TYPE_I, 0.7, 2, 2.0e-1);
        assertError(FbmType.TYPE_I, 0.7, 5, 9.8e-2);
        assertError(FbmType.TYPE_I, 0.7, 20, 5.1e-2);
        assertError(FbmType.TYPE_II, 0.3, 2, 1.1e-2);
        assertError(FbmType.TYPE_II, 0.3, 5, 7.8e-3);
        assertError(FbmType.TYPE_II, 0.7, 2, 1.2e-2);
        assertError(FbmType.TYPE_II, 0.7, 3, 1.5e-4);
        assertError(FbmType.TYPE_II, 0.7, 5, 1.3e-4);
    }

    /**
     * Type II at K = 20 has cond(A) ~ 1e14: the spec's 4.1e-3 and 3.2e-5 are double-precision artefacts of its solver.
     * The true minima (mpmath, 60 digits) are 3.2852e-3 and 1.7771e-5; a double-precision ω cannot do better than the
     * true minimum and must stay within 15% of the spec's printed values.
     */
    @Test
    void illConditionedTypeTwoAtKTwentyLiesBetweenTheTrueMinimumAndTheSpecTable() {
        double e03 = MarkovApproximation.optimal(FbmType.TYPE_II, 0.3, 1, GammaGrid.symmetric(20, 20)).relativeError();
        double e07 = MarkovApproximation.optimal(FbmType.TYPE_II, 0.7, 1, GammaGrid.symmetric(20, 20)).relativeError();
        assertThat(e03).isBetween(3.2852e-3 * (1 - 1e-4), 4.1e-3 * 1.15);
        assertThat(e07).isBetween(1.7771e-5 * (1 - 1e-4), 3.2e-5 * 1.15);
    }

    /** Widening grid, ratio 4: the spec's values, and the type I ones at K = 20, 30 against mpmath (60 digits). */
    @Test
    void wideningGridErrorsGoToZero() {
        assertError(FbmType.TYPE_II, 0.7, GammaGrid.ratio(3, 4), 1.1e-3, 0.05e-3);
        assertError(FbmType.TYPE_II, 0.7, GammaGrid.ratio(10, 4), 1.8e-6, 0.05e-6);
        assertError(FbmType.TYPE_II, 0.7, GammaGrid.ratio(20, 4), 1e-8, 0.5e-8);
        assertError(FbmType.TYPE_I, 0.3, GammaGrid.ratio(3, 4), 4.6e-2, 0.05e-2);
        assertError(FbmType.TYPE_I, 0.3, GammaGrid.ratio(10, 4), 2.3e-3, 0.05e-3);
        assertError(FbmType.TYPE_I, 0.3, GammaGrid.ratio(20, 4), 3.5915e-5, 1e-3 * 3.5915e-5);
        assertError(FbmType.TYPE_I, 0.3, GammaGrid.ratio(30, 4), 1.4465e-6, 1e-3 * 1.4465e-6);
    }

    /** Up to the double-precision floor (~5e-9 absolute, reached by type II beyond K ≈ 18). */
    @Test
    void errorIsMonotoneNonIncreasingInKOnWideningGrids() {
        for (FbmType type : FbmType.values()) {
            for (double h : new double[] {0.1, 0.3, 0.5, 0.7, 0.9}) {
                double previous = Double.POSITIVE_INFINITY;
                for (int k = 1; k <= 20; k++) {
                    double e = MarkovApproximation.optimal(type, h, 1, GammaGrid.ratio(k, 4)).relativeError();
                    assertThat(e).as("%s H=%s K=%d", type, h, k).isFinite().isLessThanOrEqualTo(previous + 5e-9);
                    previous = e;
                }
            }
        }
    }

    @Test
    void typeOneStaysFiniteForHugeGammaMaxTimesT() {
        for (double h : new double[] {0.1, 0.3, 0.7, 0.9}) {
            MarkovApproximation m = MarkovApproximation.optimal(FbmType.TYPE_I, h, 10, GammaGrid.ratio(30, 4));
            assertThat(m.grid().max() * m.horizon()).isGreaterThan(1e9);
            assertThat(m.relativeError()).isFinite().isBetween(0.0, 1.0);
            for (double w : m.omega()) {
                assertThat(w).isFinite();
            }
            assertThat(m.variance(10)).isFinite().isPositive();
        }
    }

    @Test
    void optimalWeightsBeatPerturbedWeights() {
        SplittableRandom random = new SplittableRandom(7);
        for (FbmType type : FbmType.values()) {
            MarkovApproximation best = MarkovApproximation.optimal(type, 0.3, 2, DEFAULT_GRID);
            for (int trial = 0; trial < 20; trial++) {
                double[] w = best.omega();
                for (int i = 0; i < w.length; i++) {
                    w[i] += 1e-3 * random.nextGaussian();
                }
                double perturbed = MarkovApproximation.withWeights(type, 0.3, 2, DEFAULT_GRID, w).relativeError();
                assertThat(perturbed).isGreaterThan(best.relativeError());
            }
        }
    }

    /** H = ½, γ = {0}, ω = {1} is exactly BM; the type II optimum at H = ½ has Var B̂(t) ≈ t, increments ≈ dt. */
    @Test
    void brownianLimitAtOneHalf() {
        MarkovApproximation white = MarkovApproximation.withWeights(FbmType.TYPE_II, 0.5, 1, GammaGrid.of(0), new double[] {1});
        MarkovApproximation whiteI = MarkovApproximation.withWeights(FbmType.TYPE_I, 0.5, 1, GammaGrid.of(0), new double[] {1});
        for (double t : new double[] {0.1, 0.5, 1, 3}) {
            assertThat(white.variance(t)).isCloseTo(t, within(1e-15));
            assertThat(whiteI.variance(t)).isCloseTo(t, within(1e-15));
        }
        MarkovApproximation opt = MarkovApproximation.optimal(FbmType.TYPE_II, 0.5, 1, DEFAULT_GRID);
        assertThat(opt.relativeError()).isLessThan(1e-8);
        assertThat(opt.variance(1)).isCloseTo(1, within(1e-4));
        assertThat(opt.variance(1e-3)).isCloseTo(1e-3, within(1e-6));
        assertThat(MarkovApproximation.exactVariance(FbmType.TYPE_I, 0.5, 2)).isCloseTo(2, within(1e-14));
        assertThat(MarkovApproximation.exactVariance(FbmType.TYPE_II, 0.5, 2)).isCloseTo(2, within(1e-14));
    }

    /** dω/dH from one factorisation against re-solving at H ± 1e-4 (central difference). */
    @Test
    void omegaDerivativeMatchesFiniteDifferences() {
        for (FbmType type : FbmType.values()) {
            double[] d = MarkovApproximation.optimal(type, 0.4, 1, DEFAULT_GRID).omegaDerivative();
            double[] up = MarkovApproximation.optimal(type, 0.4001, 1, DEFAULT_GRID).omega();
            double[] down = MarkovApproximation.optimal(type, 0.3999, 1, DEFAULT_GRID).omega();
            for (int i = 0; i < d.length; i++) {
                double fd = (up[i] - down[i]) / 2e-4;
                assertThat(d[i]).as("%s dω_%d/dH", type, i).isCloseTo(fd, within(1e-4 * Math.max(1, Math.abs(fd))));
            }
        }
    }

    @Test
    void rejectsHurstOutsideTheOpenUnitInterval() {
        assertThatThrownBy(() -> MarkovApproximation.optimal(FbmType.TYPE_I, 1.0, 1, DEFAULT_GRID))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hurst");
        assertThatThrownBy(() -> MarkovApproximation.optimal(FbmType.TYPE_I, 0.5, -1, DEFAULT_GRID))
                .hasMessageContaining("horizon");
    }

    private static void assertOmega(FbmType type, double h, double... expected) {
        double[] w = MarkovApproximation.optimal(type, h, 1, DEFAULT_GRID).omega();
        for (int i = 0; i < expected.length; i++) {
            assertThat(w[i]).as("%s H=%s omega_%d", type, h, i + 1)
                    .isCloseTo(expected[i], within(Math.max(1e-3 * Math.abs(expected[i]), 5e-5)));
        }
    }

    private static void assertVariance(FbmType type, double h, double expected) {
        double v = MarkovApproximation.optimal(type, h, 1, DEFAULT_GRID).variance(1);
        assertThat(v).as("%s H=%s Var(1)", type, h).isCloseTo(expected, within(1e-3 * expected));
    }

    private static void assertError(FbmType type, double h, int k, double printed) {
        double unit = Math.pow(10, Math.floor(Math.log10(printed)) - 1);
        assertError(type, h, GammaGrid.symmetric(k, 20), printed, unit / 2);
    }

    private static void assertError(FbmType type, double h, GammaGrid grid, double printed, double tolerance) {
        double e = MarkovApproximation.optimal(type, h, 1, grid).relativeError();
        assertThat(e).as("%s H=%s %s", type, h, grid).isCloseTo(printed, within(tolerance));
    }
}
