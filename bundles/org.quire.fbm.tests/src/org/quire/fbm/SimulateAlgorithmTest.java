package org.quire.fbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quire.api.SimpleRunContext;
import org.quire.api.params.ParameterException;
import org.quire.api.params.ParameterSchema;
import org.quire.api.result.Result;
import org.quire.api.result.Table;
import org.quire.fbm.math.FbmType;
import org.quire.fbm.math.MarkovApproximation;

/** {@code fbm.simulate} called directly: variances, determinism across thread counts and parameter errors. */
class SimulateAlgorithmTest {

    private final SimulateAlgorithm algorithm = new SimulateAlgorithm();

    private SimulateAlgorithm.Params params(Map<String, String> values) {
        return (SimulateAlgorithm.Params) ParameterSchema.of(SimulateAlgorithm.Params.class).bind(values);
    }

    @Test
    void descriptorHasTheIssueId() {
        assertThat(algorithm.descriptor().id()).isEqualTo("fbm.simulate");
    }

    /** 4000 normalised paths: Var B(1) = 1 within 5 relative standard errors (√(2/4000) = 2.2%). */
    @Test
    void normalisedExactPathsHaveVarianceTToTheTwoH() {
        Result r = algorithm.run(params(Map.of("method", "exact", "hurst", "0.3", "n", "256", "paths", "4000",
                "normalised", "true", "horizon", "2")), List.of(), new SimpleRunContext(1, 2));
        double exact = Math.pow(2, 0.6);
        assertThat(r.metrics().get("exactVarianceAtHorizon")).isCloseTo(exact, within(1e-12));
        assertThat(r.metrics().get("varianceAtHorizon")).isCloseTo(exact, within(0.11 * exact));
    }

    @Test
    void unnormalisedCholeskyPathsHaveTheMandelbrotVanNessVariance() {
        Result r = algorithm.run(params(Map.of("method", "cholesky", "hurst", "0.7", "n", "64", "paths", "4000")),
                List.of(), new SimpleRunContext(2, 1));
        double exact = MarkovApproximation.exactVariance(FbmType.TYPE_I, 0.7, 1);
        assertThat(r.metrics().get("exactVarianceAtHorizon")).isCloseTo(exact, within(1e-12));
        assertThat(r.metrics().get("varianceAtHorizon")).isCloseTo(exact, within(0.11 * exact));
    }

    @Test
    void mafbmReportsItsWeightsErrorAndStepper() {
        Result r = algorithm.run(params(Map.of("method", "mafbm", "type", "II", "hurst", "0.7", "n", "128", "paths", "4000")),
                List.of(), new SimpleRunContext(3, 2));
        assertThat(r.metrics().get("relativeError")).isCloseTo(1.3412e-4, within(1e-7));
        assertThat(r.values().get("stepper")).isEqualTo("exact");
        double closed = r.metrics().get("approximationVarianceAtHorizon");
        assertThat(closed).isCloseTo(0.8453, within(1e-3));
        assertThat(r.metrics().get("varianceAtHorizon")).isCloseTo(closed, within(0.11 * closed));
        assertThat(r.charts()).extracting(c -> c.name()).containsExactly("pathsChart", "varianceChart");
    }

    @Test
    void fouPathsStartAtZeroAndStayBounded() {
        Result r = algorithm.run(params(Map.of("method", "fou", "hurst", "0.6", "n", "500", "paths", "200", "theta", "2",
                "horizon", "10", "normalised", "true")), List.of(), new SimpleRunContext(4, 2));
        // stationary fOU variance is σ²Γ(2H+1)θ^{−2H}/2 = 0.2398 for H = 0.6, θ = 2, σ = 1 (Cheridito et al. 2003)
        double stationary = 0.5 * org.hipparchus.special.Gamma.gamma(2.2) * Math.pow(2, -1.2);
        assertThat(r.metrics().get("varianceAtHorizon")).isCloseTo(stationary, within(0.25 * stationary));
        Table paths = r.tables().get(0);
        assertThat(paths.columns().get(1).number(0)).isZero();
    }

    @Test
    void sameSeedSameNumbersWithOneAndTwoThreads() {
        for (String method : new String[] {"exact", "mafbm", "fou"}) {
            SimulateAlgorithm.Params p = params(Map.of("method", method, "n", "300", "paths", "37"));
            Result one = algorithm.run(p, List.of(), new SimpleRunContext(9, 1));
            Result two = algorithm.run(p, List.of(), new SimpleRunContext(9, 2));
            Table a = one.tables().get(0);
            Table b = two.tables().get(0);
            for (int c = 0; c < a.columns().size(); c++) {
                assertThat(a.columns().get(c).numbers()).containsExactly(b.columns().get(c).numbers());
            }
            assertThat(one.metrics()).isEqualTo(two.metrics());
        }
    }

    @Test
    void cancellationStopsTheRun() {
        SimpleRunContext cancelled = new SimpleRunContext(1, 2);
        cancelled.cancel();
        assertThatThrownBy(() -> algorithm.run(params(Map.of("n", "1000", "paths", "50")), List.of(), cancelled))
                .isInstanceOf(org.quire.api.CancelledException.class);
    }

    @Test
    void badParametersNameTheField() {
        assertThatThrownBy(() -> algorithm.run(new SimulateAlgorithm.Params("exact", 1.2, 10, 1, 1, "I", 5, 20, 0, "exact",
                false, 1, 1), List.of(), new SimpleRunContext(1, 1))).isInstanceOf(ParameterException.class)
                .hasMessageContaining("hurst").hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> algorithm.run(params(Map.of("method", "cholesky", "n", "5000")), List.of(),
                new SimpleRunContext(1, 1))).isInstanceOf(ParameterException.class).hasMessageContaining("4096");
        assertThatThrownBy(() -> algorithm.run(params(Map.of("method", "exact", "type", "II")), List.of(),
                new SimpleRunContext(1, 1))).isInstanceOf(ParameterException.class).hasMessageContaining("mafbm");
        assertThatThrownBy(() -> algorithm.run(params(Map.of("method", "mafbm", "stepper", "euler", "n", "10")),
                List.of(), new SimpleRunContext(1, 1))).isInstanceOf(ParameterException.class).hasMessageContaining("0.5");
    }
}
