package org.quire.workbench.parts;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.junit.jupiter.api.Test;
import org.quire.api.result.Image;

class ImagesTabTest {
    @Test
    void imageDataKeepsColoursAndAlphaPerPixel() {
        int[] argb = {0xFFFF0000, 0x8000FF00, 0x000000FF, 0xFF123456, 0xFFFFFFFF, 0x01000000};
        ImageData d = ImagesTab.imageData(new Image("img", 3, 2, argb));
        assertThat(d.width).isEqualTo(3);
        assertThat(d.height).isEqualTo(2);
        for (int i = 0; i < argb.length; i++) {
            int x = i % 3;
            int y = i / 3;
            RGB rgb = d.palette.getRGB(d.getPixel(x, y));
            assertThat((rgb.red << 16) | (rgb.green << 8) | rgb.blue).as("pixel %d", i).isEqualTo(argb[i] & 0xFFFFFF);
            assertThat(d.getAlpha(x, y)).as("alpha %d", i).isEqualTo(argb[i] >>> 24);
        }
    }
}
