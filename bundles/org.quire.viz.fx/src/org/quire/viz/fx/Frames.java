package org.quire.viz.fx;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.widgets.Display;

/** Draws 0xAARRGGBB pixel arrays into SWT graphics (alpha ignored: the frames are opaque). UI thread only. */
final class Frames {

    private static final PaletteData RGB = new PaletteData(0xFF0000, 0x00FF00, 0x0000FF);

    private Frames() {
    }

    /** Draws a width x height frame at (0, 0). */
    static void draw(GC gc, Display display, int[] argb, int width, int height) {
        ImageData data = new ImageData(width, height, 32, RGB);
        data.setPixels(0, 0, width * height, argb, 0); // rows are contiguous: scanline pad 4 bytes, 4 bytes a pixel
        Image image = new Image(display, data);
        try {
            gc.drawImage(image, 0, 0);
        } finally {
            image.dispose();
        }
    }
}
