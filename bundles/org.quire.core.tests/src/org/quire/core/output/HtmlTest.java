package org.quire.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void numberCellsShowSixSignificantDigitsAndKeepTheExactValueAsTooltip() {
        assertThat(Html.numberCell(0.8382565066036431)).isEqualTo("<td class=\"num\" title=\"0.8382565066036431\">0.838257</td>");
        assertThat(Html.numberCell(64.0)).isEqualTo("<td class=\"num\" title=\"64.0\">64</td>");
        assertThat(Html.numberCell(-5526.647757838036)).isEqualTo("<td class=\"num\" title=\"-5526.647757838036\">-5526.65</td>");
        assertThat(Html.numberCell(2.143212115793047E-4)).contains(">0.000214321<");
        assertThat(Html.numberCell(1.5e-9)).contains(">1.50000e-09<");
        assertThat(Html.numberCell(Double.NaN)).contains(">NaN<");
        assertThat(Html.numberCell(0.0)).contains(">0.0<");
    }
}
