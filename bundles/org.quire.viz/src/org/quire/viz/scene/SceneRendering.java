package org.quire.viz.scene;

import java.awt.image.BufferedImage;

/**
 * A rendered scene: the picture and how it was laid out, for callers that place things on it or test it.
 *
 * @param image     the picture, {@link BufferedImage#TYPE_INT_ARGB}, every pixel opaque
 * @param view      the world-to-pixel mapping used for the 3D part
 * @param colourBar the colour bar, or null when none was drawn
 */
public record SceneRendering(BufferedImage image, ViewTransform view, ColourBar colourBar) {

    /** The pixels as 0xAARRGGBB, row by row from the top left. */
    public int[] argb() {
        int w = image.getWidth();
        int h = image.getHeight();
        return image.getRGB(0, 0, w, h, null, 0, w);
    }
}
