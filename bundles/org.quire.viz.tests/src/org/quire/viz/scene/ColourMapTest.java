package org.quire.viz.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ColourMapTest {

    @Test
    void endsAreTheFirstAndLastAnchorsOfViridis() {
        assertThat(ColourMap.VIRIDIS.rgb(0)).isEqualTo(0x440154);
        assertThat(ColourMap.VIRIDIS.rgb(1)).isEqualTo(0xfde725);
        assertThat(ColourMap.VIRIDIS.rgb(-3)).isEqualTo(0x440154);
        assertThat(ColourMap.VIRIDIS.rgb(7)).isEqualTo(0xfde725);
        assertThat(ColourMap.VIRIDIS.rgb(0.5)).isEqualTo(0x21918c);
    }

    @Test
    void interpolatesLinearlyBetweenAnchors() {
        ColourMap m = new ColourMap("test", 0x000000, 0xFF8040);
        // a quarter of the way: 255/4 = 63.75 -> 64, 128/4 = 32, 64/4 = 16
        assertThat(m.rgb(0.25)).isEqualTo(0x402010);
        assertThat(m.rgb(5, 0, 20)).isEqualTo(0x402010);
        // a degenerate range maps to the middle
        assertThat(m.rgb(3, 3, 3)).isEqualTo(m.rgb(0.5));
    }

    @Test
    void viridisGetsLighterAlongTheMap() {
        double previous = -1;
        for (int k = 0; k <= 200; k++) {
            int c = ColourMap.VIRIDIS.rgb(k / 200.0);
            double luma = 0.2126 * ((c >> 16) & 0xFF) + 0.7152 * ((c >> 8) & 0xFF) + 0.0722 * (c & 0xFF);
            assertThat(luma).as("luma at %d/200", k).isGreaterThan(previous);
            previous = luma;
        }
    }

    @Test
    void rejectsNaNAndTooFewAnchors() {
        assertThatThrownBy(() -> ColourMap.VIRIDIS.rgb(Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> new ColourMap("one", 0x123456)).hasMessageContaining("two anchor");
    }

    @Test
    void numbersAreFormattedWithFourSignificantDigits() {
        assertThat(ColourBar.format(0)).isEqualTo("0");
        assertThat(ColourBar.format(10)).isEqualTo("10");
        assertThat(ColourBar.format(0.0123456)).isEqualTo("0.01235");
        assertThat(ColourBar.format(-2.5)).isEqualTo("-2.5");
        assertThat(ColourBar.format(1.5e-6)).isEqualTo("1.500e-06");
        assertThat(ColourBar.format(123456)).isEqualTo("1.235e+05");
    }
}
