package org.quire.api.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ParameterSchemaTest {
    enum Shape { ROUND, SQUARE }

    record Params(
            @Param(label = "Hurst index", min = 0, max = 1, minExclusive = true, maxExclusive = true, defaultValue = "0.7",
                    description = "Roughness") double hurst,
            @Param(min = 1, max = 1000, defaultValue = "10") int steps,
            @Param(defaultValue = "12345678901") long big,
            @Param(defaultValue = "true") boolean flag,
            @Param(defaultValue = "whittle", choices = {"whittle", "dfa"}) String method,
            @Param(defaultValue = "SQUARE") Shape shape,
            @Param(defaultValue = "") String note) {
    }

    final ParameterSchema schema = ParameterSchema.of(Params.class);

    @Test
    void readsComponentsInOrderWithTypesAndLabels() {
        assertThat(schema.parameters()).extracting(ParameterSpec::name)
                .containsExactly("hurst", "steps", "big", "flag", "method", "shape", "note");
        assertThat(schema.parameters()).extracting(ParameterSpec::type).containsExactly(ParameterType.REAL, ParameterType.INTEGER,
                ParameterType.LONG, ParameterType.BOOLEAN, ParameterType.TEXT, ParameterType.CHOICE, ParameterType.TEXT);
        assertThat(schema.find("hurst").orElseThrow().label()).isEqualTo("Hurst index");
        assertThat(schema.find("steps").orElseThrow().label()).isEqualTo("steps");
        assertThat(schema.find("shape").orElseThrow().choices()).containsExactly("ROUND", "SQUARE");
        assertThat(schema.find("hurst").orElseThrow().rangeText()).isEqualTo("(0, 1)");
        assertThat(schema.find("steps").orElseThrow().rangeText()).isEqualTo("[1, 1000]");
        assertThat(schema.find("big").orElseThrow().rangeText()).isEmpty();
    }

    @Test
    void bindsDefaultsAndGivenValues() {
        Params d = (Params) schema.bind(Map.of());
        assertThat(d).isEqualTo(new Params(0.7, 10, 12345678901L, true, "whittle", Shape.SQUARE, ""));
        Params p = (Params) schema.bind(Map.of("hurst", "2.5e-1", "steps", " 1000 ", "flag", "FALSE", "method", "dfa", "shape", "ROUND"));
        assertThat(p).isEqualTo(new Params(0.25, 1000, 12345678901L, false, "dfa", Shape.ROUND, ""));
    }

    @Test
    void textRoundTripsToAnEqualRecord() {
        Params p = new Params(0.1 + 0.2, 7, -3, false, "dfa", Shape.ROUND, "a=b, c");
        Map<String, String> text = schema.toText(p);
        assertThat(text.get("hurst")).isEqualTo("0.30000000000000004");
        assertThat(schema.bind(text)).isEqualTo(p);
        assertThat(schema.toValues(p)).containsEntry("steps", 7).containsEntry("big", -3L).containsEntry("shape", "ROUND")
                .containsEntry("flag", false);
    }

    @Test
    void rejectsBadValuesNamingTheParameterAndWhatWasExpected() {
        assertThatThrownBy(() -> schema.bind(Map.of("hurst", "1"))).isInstanceOf(ParameterException.class)
                .hasMessage("hurst: 1.0 is out of range (0, 1)");
        assertThatThrownBy(() -> schema.bind(Map.of("hurst", "NaN"))).hasMessage("hurst: 'NaN' is not a number");
        assertThatThrownBy(() -> schema.bind(Map.of("hurst", "0.5d"))).hasMessage("hurst: '0.5d' is not a number");
        assertThatThrownBy(() -> schema.bind(Map.of("steps", "2.5"))).hasMessage("steps: '2.5' is not an integer");
        assertThatThrownBy(() -> schema.bind(Map.of("steps", "0"))).hasMessage("steps: 0 is out of range [1, 1000]");
        assertThatThrownBy(() -> schema.bind(Map.of("steps", "3000000000"))).hasMessageContaining("32-bit");
        assertThatThrownBy(() -> schema.bind(Map.of("flag", "yes"))).hasMessage("flag: 'yes' is not a boolean (expected true or false)");
        assertThatThrownBy(() -> schema.bind(Map.of("method", "rs"))).hasMessage("method: 'rs' is not one of whittle, dfa");
        assertThatThrownBy(() -> schema.bind(Map.of("shape", "round"))).hasMessage("shape: 'round' is not one of ROUND, SQUARE");
        assertThatThrownBy(() -> schema.bind(Map.of("hurts", "0.5")))
                .hasMessage("hurts: unknown parameter; known: hurst, steps, big, flag, method, shape, note");
    }

    @Test
    void infinityIsAcceptedWhereTheRangeAllowsIt() {
        record Open(@Param(defaultValue = "inf") double limit) {
        }
        ParameterSchema s = ParameterSchema.of(Open.class);
        assertThat(((Open) s.bind(Map.of())).limit()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(((Open) s.bind(Map.of("limit", "-Infinity"))).limit()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    record Unannotated(@Param(defaultValue = "1") int a, int b) {
    }

    record BadDefault(@Param(min = 0, defaultValue = "-1") int a) {
    }

    record BadType(@Param(defaultValue = "1") float a) {
    }

    record ChoicesOnNumber(@Param(defaultValue = "1", choices = {"1", "2"}) int a) {
    }

    @Test
    void invalidSchemasAreRejectedNamingTheComponent() {
        assertThatThrownBy(() -> ParameterSchema.of(Unannotated.class)).hasMessageEndingWith("Unannotated.b has no @Param annotation");
        assertThatThrownBy(() -> ParameterSchema.of(BadDefault.class)).hasMessageContaining("BadDefault.a: invalid default: a: -1 is out of range");
        assertThatThrownBy(() -> ParameterSchema.of(BadType.class)).hasMessageContaining("unsupported parameter type float");
        assertThatThrownBy(() -> ParameterSchema.of(ChoicesOnNumber.class)).hasMessageContaining("choices are only for String parameters");
    }

    record Checked(@Param(defaultValue = "1") int lo, @Param(defaultValue = "2") int hi) {
        Checked {
            if (lo > hi) {
                throw new ParameterException("lo", "must not exceed hi (" + hi + ")");
            }
        }
    }

    @Test
    void crossFieldChecksInTheRecordConstructorSurfaceAsParameterErrors() {
        assertThatThrownBy(() -> ParameterSchema.of(Checked.class).bind(Map.of("lo", "5"))).isInstanceOf(ParameterException.class)
                .hasMessage("lo: must not exceed hi (2)");
    }
}
