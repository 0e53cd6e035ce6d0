package org.quire.viz.fx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColourAtlasTest {

    @Test
    void distinctColoursGetOneTexelEachInFirstSeenOrder() {
        ColourAtlas a = ColourAtlas.of(new int[] { 0xFF0000, 0x00FF00, 0xFF0000, 0x0000FF });
        assertThat(a.size()).isEqualTo(3);
        assertThat(new int[] { a.texel(0), a.texel(1), a.texel(2), a.texel(3) }).containsExactly(0, 1, 0, 2);
        assertThat(a.width()).isEqualTo(3);
        assertThat(a.height()).isEqualTo(1);
        assertThat(a.texture()).containsExactly(0xFFFF0000, 0xFF00FF00, 0xFF0000FF);
        // texel centres: (k + 0.5) / 3 across, 0.5 down
        assertThat(a.texCoords()).containsExactly(1 / 6f, 0.5f, 0.5f, 0.5f, 5 / 6f, 0.5f);
    }

    @Test
    void largePalettesWrapIntoRowsOf64() {
        int[] c = new int[100];
        for (int i = 0; i < c.length; i++) {
            c[i] = i * 0x010101;
        }
        ColourAtlas a = ColourAtlas.of(c);
        assertThat(a.width()).isEqualTo(ColourAtlas.COLUMNS);
        assertThat(a.height()).isEqualTo(2);
        float[] uv = a.texCoords();
        // colour 70 sits in row 1, column 6
        assertThat(uv[140]).isEqualTo((float) (6.5 / 64));
        assertThat(uv[141]).isEqualTo(0.75f);
        assertThat(a.texture()[64 + 6]).isEqualTo(0xFF000000 | 70 * 0x010101);
    }

    @Test
    void moreThan4096ColoursAreReducedToFourBitsAChannel() {
        int[] c = new int[20_000];
        for (int i = 0; i < c.length; i++) {
            c[i] = i * 811 & 0xFFFFFF;
        }
        ColourAtlas a = ColourAtlas.of(c);
        assertThat(a.size()).isLessThanOrEqualTo(4096);
        for (int i = 0; i < c.length; i += 997) {
            int got = a.colour(a.texel(i));
            for (int shift = 0; shift <= 16; shift += 8) {
                int want = (c[i] >> shift) & 0xF0;
                assertThat((got >> shift) & 0xFF).isEqualTo(want | want >> 4);
            }
        }
    }
}
