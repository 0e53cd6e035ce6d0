package org.quire.core.output;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;

import javax.imageio.ImageIO;

import org.quire.api.result.Image;

/**
 * Writes result images as 32-bit ARGB PNG through {@code javax.imageio}; needs no display.
 * Stateless and thread-safe.
 */
final class PngWriter {

    private PngWriter() {
    }

    /** Writes an image, alpha included, pixel-exact. Does not close the stream. */
    static void write(Image image, OutputStream out) throws IOException {
        BufferedImage img = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, image.width(), image.height(), image.argb(), 0, image.width());
        if (!ImageIO.write(img, "png", out)) {
            throw new IOException("image '" + image.name() + "': no PNG writer available in javax.imageio");
        }
    }
}
