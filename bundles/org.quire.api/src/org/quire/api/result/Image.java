package org.quire.api.result;

/**
 * A named raster image, written as PNG.
 *
 * @param name   file stem
 * @param width  pixels, &ge; 1
 * @param height pixels, &ge; 1
 * @param argb   row-major pixels as 0xAARRGGBB, length width &times; height
 */
public record Image(String name, int width, int height, int[] argb) {
    public Image {
        Names.check("image", name);
        if (width < 1 || height < 1 || argb == null || argb.length != (long) width * height) {
            throw new IllegalArgumentException("image '" + name + "': need width, height >= 1 and width*height pixels");
        }
        argb = argb.clone();
    }

    @Override
    public int[] argb() {
        return argb.clone();
    }
}
