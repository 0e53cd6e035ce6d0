package org.quire.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PaletteTest {

    @Test
    void okabeItoColoursInSeriesOrder() {
        List<String> hex = new ArrayList<>();
        for (Color c : Palette.colors()) {
            hex.add(String.format("#%06X", c.getRGB() & 0xFFFFFF));
        }
        assertThat(hex).containsExactly("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442");
    }

    @Test
    void coloursRepeatAfterEightWithDashedThenDottedLines() {
        assertThat(Palette.color(8)).isEqualTo(Palette.color(0));
        assertThat(((BasicStroke) Palette.stroke(0)).getDashArray()).isNull();
        assertThat(((BasicStroke) Palette.stroke(8)).getDashArray()).containsExactly(8f, 4f);
        assertThat(((BasicStroke) Palette.stroke(17)).getDashArray()).containsExactly(2f, 4f);
        assertThat(((BasicStroke) Palette.stroke(3)).getLineWidth()).isEqualTo(Palette.LINE_WIDTH);
        assertThatThrownBy(() -> Palette.color(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("series index must be >= 0, got -1");
    }

    @Test
    void formatFromFileName() {
        assertThat(ChartFormat.ofFileName("a/b/Loss.PNG")).isEqualTo(ChartFormat.PNG);
        assertThat(ChartFormat.ofFileName("x.svg")).isEqualTo(ChartFormat.SVG);
        assertThatThrownBy(() -> ChartFormat.ofFileName("x.jpg")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'x.jpg': expected a file name ending in .png or .svg");
    }
}
