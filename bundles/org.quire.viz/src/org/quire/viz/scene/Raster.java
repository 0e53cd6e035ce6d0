package org.quire.viz.scene;

import java.util.Arrays;

/**
 * Colour and depth buffers with the two primitives: round point splats of constant depth and triangles
 * with depth interpolated linearly in screen space. A fragment is kept only when strictly nearer than what
 * is there (first drawn wins a tie), so the result does not depend on anything but the drawing order.
 * Confined to one thread.
 */
final class Raster {

    final int width;
    final int height;
    final int[] argb;
    final float[] depth;

    Raster(int width, int height, int background) {
        this.width = width;
        this.height = height;
        argb = new int[width * height];
        depth = new float[width * height];
        Arrays.fill(argb, 0xFF000000 | background);
        Arrays.fill(depth, Float.NEGATIVE_INFINITY);
    }

    /**
     * A disc of the given diameter centred at (x, y): the pixels whose centres are within diameter / 2; a
     * diameter of at most 1 fills the one pixel containing (x, y).
     */
    void splat(double x, double y, float z, double diameter, int rgb) {
        int colour = 0xFF000000 | rgb;
        if (diameter <= 1) {
            int ix = (int) Math.floor(x);
            int iy = (int) Math.floor(y);
            plot(ix, iy, z, colour);
            return;
        }
        double r = diameter / 2;
        double r2 = r * r;
        int x0 = Math.max(0, (int) Math.floor(x - r));
        int x1 = Math.min(width - 1, (int) Math.ceil(x + r));
        int y0 = Math.max(0, (int) Math.floor(y - r));
        int y1 = Math.min(height - 1, (int) Math.ceil(y + r));
        for (int j = y0; j <= y1; j++) {
            double dy = j + 0.5 - y;
            for (int i = x0; i <= x1; i++) {
                double dx = i + 0.5 - x;
                if (dx * dx + dy * dy <= r2) {
                    plot(i, j, z, colour);
                }
            }
        }
    }

    /** A filled triangle (pixel centres inside or on an edge), one colour, depth interpolated. */
    void triangle(double ax, double ay, double az, double bx, double by, double bz, double cx, double cy, double cz,
            int rgb) {
        double area = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
        if (area == 0 || !Double.isFinite(area)) {
            return;
        }
        int colour = 0xFF000000 | rgb;
        int x0 = Math.max(0, (int) Math.floor(Math.min(ax, Math.min(bx, cx))));
        int x1 = Math.min(width - 1, (int) Math.ceil(Math.max(ax, Math.max(bx, cx))));
        int y0 = Math.max(0, (int) Math.floor(Math.min(ay, Math.min(by, cy))));
        int y1 = Math.min(height - 1, (int) Math.ceil(Math.max(ay, Math.max(by, cy))));
        double inv = 1 / area;
        for (int j = y0; j <= y1; j++) {
            double py = j + 0.5;
            for (int i = x0; i <= x1; i++) {
                double px = i + 0.5;
                double wa = ((bx - px) * (cy - py) - (by - py) * (cx - px)) * inv;
                double wb = ((cx - px) * (ay - py) - (cy - py) * (ax - px)) * inv;
                double wc = 1 - wa - wb;
                if (wa >= 0 && wb >= 0 && wc >= -1e-12) {
                    plot(i, j, (float) (wa * az + wb * bz + wc * cz), colour);
                }
            }
        }
    }

    private void plot(int i, int j, float z, int colour) {
        if (i < 0 || j < 0 || i >= width || j >= height) {
            return;
        }
        int k = j * width + i;
        if (z > depth[k]) {
            depth[k] = z;
            argb[k] = colour;
        }
    }
}
