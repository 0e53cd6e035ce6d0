package org.quire.fbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quire.api.SimpleRunContext;
import org.quire.api.params.ParameterSchema;
import org.quire.api.result.Result;
import org.quire.api.result.Table;

/** {@code fbm.weights} called directly: the spec's ω and variance tables and the warnings. */
class WeightsAlgorithmTest {

    private final WeightsAlgorithm algorithm = new WeightsAlgorithm();

    private Result run(SimpleRunContext ctx, String... keyValues) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return algorithm.run((WeightsAlgorithm.Params) ParameterSchema.of(WeightsAlgorithm.Params.class).bind(m), List.of(), ctx);
    }

    @Test
    void reproducesTheReferenceWeightsAndVariance() {
        SimpleRunContext ctx = new SimpleRunContext(1, 1);
        Result r = run(ctx, "type", "I", "hurst", "0.7", "horizon", "1", "k", "5", "gammaMax", "20");
        double[] omega = (double[]) r.values().get("omega");
        double[] expected = {2.2620, -1.4206, 0.0198, -0.3107, -0.1770};
        for (int i = 0; i < 5; i++) {
            assertThat(omega[i]).isCloseTo(expected[i], within(Math.max(1e-3 * Math.abs(expected[i]), 5e-5)));
        }
        assertThat(r.metrics().get("approximationVarianceAtHorizon")).isCloseTo(0.8837, within(1e-3 * 0.8837));
        assertThat(r.metrics().get("exactVarianceAtHorizon")).isCloseTo(0.9951, within(1e-4));
        assertThat(r.metrics().get("relativeError")).isCloseTo(9.8e-2, within(5e-4));
        Table errors = r.tables().stream().filter(t -> t.name().equals("errorVsK")).findFirst().orElseThrow();
        assertThat(errors.rowCount()).isEqualTo(20);
        assertThat(errors.columns().get(1).number(4)).isEqualTo(r.metrics().get("relativeError"));
        assertThat(ctx.warnings()).isEmpty();
        assertThat(r.charts()).extracting(c -> c.name()).containsExactly("omegaChart", "errorVsKChart", "varianceChart");
    }

    @Test
    void normalisedWeightsGiveUnitVarianceScale() {
        Result r = run(new SimpleRunContext(1, 1), "type", "II", "hurst", "0.3", "normalised", "true");
        assertThat(r.metrics().get("exactVarianceAtHorizon")).isCloseTo(1, within(1e-12));
        assertThat(r.metrics().get("approximationVarianceAtHorizon")).isCloseTo(1.2374 / 1.2296, within(2e-3));
    }

    @Test
    void warnsWhereTheApproximationIsKnownToBePoor() {
        SimpleRunContext small = new SimpleRunContext(1, 1);
        run(small, "hurst", "0.05", "kMax", "3");
        assertThat(small.warnings()).anyMatch(w -> w.contains("0.1"));
        SimpleRunContext rough = new SimpleRunContext(1, 1);
        run(rough, "type", "I", "hurst", "0.95", "kMax", "3");
        assertThat(rough.warnings()).anyMatch(w -> w.contains("type I"));
        SimpleRunContext threshold = new SimpleRunContext(1, 1);
        run(threshold, "type", "II", "hurst", "0.3", "kMax", "3", "errorThreshold", "1e-3");
        assertThat(threshold.warnings()).singleElement().asString().contains("exceeds the threshold");
    }

    @Test
    void badParametersNameTheField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> algorithm.run(new WeightsAlgorithm.Params("I", 0.0, 1, 5,
                "gammaMax", 20, 4, 20, 0.1, false), List.of(), new SimpleRunContext(1, 1)))
                .isInstanceOf(org.quire.api.params.ParameterException.class).hasMessageContaining("hurst")
                .hasMessageContaining("(0, 1)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> algorithm.run(new WeightsAlgorithm.Params("III", 0.5, 1, 5,
                "gammaMax", 20, 4, 20, 0.1, false), List.of(), new SimpleRunContext(1, 1)))
                .isInstanceOf(org.quire.api.params.ParameterException.class).hasMessageContaining("type");
    }

    @Test
    void ratioGridErrorDecreasesWithK() {
        Result r = run(new SimpleRunContext(1, 1), "type", "II", "hurst", "0.7", "grid", "ratio", "ratio", "4", "kMax", "10");
        double[] e = r.tables().stream().filter(t -> t.name().equals("errorVsK")).findFirst().orElseThrow()
                .columns().get(1).numbers();
        assertThat(e[2]).isCloseTo(1.1e-3, within(0.05e-3));
        assertThat(e[9]).isCloseTo(1.8e-6, within(0.05e-6));
        for (int i = 1; i < e.length; i++) {
            assertThat(e[i]).isLessThanOrEqualTo(e[i - 1]);
        }
    }
}
