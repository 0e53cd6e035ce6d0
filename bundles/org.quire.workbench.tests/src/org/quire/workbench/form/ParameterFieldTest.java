package org.quire.workbench.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quire.api.params.ParameterSpec;
import org.quire.api.params.ParameterType;

class ParameterFieldTest {

    private static ParameterSpec spec(ParameterType type, String unit, double min, double max, boolean minEx, boolean maxEx) {
        return new ParameterSpec("p", type, "Width", "", unit, min, max, minEx, maxEx, "1", List.of());
    }

    @Test
    void labelsCarryTheUnitInBrackets() {
        assertThat(ParameterField.labelText(spec(ParameterType.REAL, "mm", 0, 1, false, false))).isEqualTo("Width [mm]");
        assertThat(ParameterField.labelText(spec(ParameterType.REAL, "", 0, 1, false, false))).isEqualTo("Width");
    }

    @Test
    void rangesReadAsIntervalsOrOneSidedBounds() {
        double inf = Double.POSITIVE_INFINITY;
        assertThat(ParameterField.hint(spec(ParameterType.REAL, "", 0, 1, true, false))).isEqualTo("(0, 1]");
        assertThat(ParameterField.hint(spec(ParameterType.REAL, "", -0.5, 2.25, false, true))).isEqualTo("[-0.5, 2.25)");
        assertThat(ParameterField.hint(spec(ParameterType.INTEGER, "", 1, inf, false, false))).isEqualTo("\u2265 1");
        assertThat(ParameterField.hint(spec(ParameterType.REAL, "", 0, inf, true, false))).isEqualTo("> 0");
        assertThat(ParameterField.hint(spec(ParameterType.LONG, "", -inf, 10, false, false))).isEqualTo("\u2264 10");
        assertThat(ParameterField.hint(spec(ParameterType.REAL, "", -inf, 0, false, true))).isEqualTo("< 0");
        assertThat(ParameterField.hint(spec(ParameterType.REAL, "", -inf, inf, false, false))).isEmpty();
        assertThat(ParameterField.hint(spec(ParameterType.TEXT, "", 0, 1, false, false))).as("not numeric").isEmpty();
    }

    @Test
    void largeAndTinyBoundsAreWrittenShort() {
        assertThat(ParameterField.hint(spec(ParameterType.INTEGER, "", 1, 10_000_000, false, false))).isEqualTo("[1, 1e7]");
        assertThat(ParameterField.hint(spec(ParameterType.REAL, "", 2.5e-9, 999_999, true, false))).isEqualTo("(2.5e-9, 999999]");
        assertThat(ParameterField.hint(spec(ParameterType.REAL, "", -1.25e12, 0.001, false, false))).isEqualTo("[-1.25e12, 0.001]");
    }
}
