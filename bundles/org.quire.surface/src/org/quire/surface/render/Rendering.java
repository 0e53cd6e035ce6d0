package org.quire.surface.render;

import org.quire.api.result.Image;

/**
 * Per-pixel output of a render: hit mask, depth along the ray from the camera centre, normals facing the camera (the
 * Jacobian normal n_J at the hit and the forward normal n_f at the backed-off point for sphere tracing; the face
 * normal for both in a ray cast) and the number of field evaluations. Arrays are live; row-major from the top-left.
 */
public final class Rendering {

    /** Image width. */
    public final int width;
    /** Image height. */
    public final int height;
    /** Whether the ray hit the surface. */
    public final boolean[] hit;
    /** Distance from the camera centre to the hit along the ray; NaN where nothing was hit. */
    public final double[] depth;
    /** Unit Jacobian normals (three per pixel), facing the camera; zeros where nothing was hit. */
    public final double[] normalJacobian;
    /** Unit forward normals (three per pixel), facing the camera; zeros where nothing was hit. */
    public final double[] normalForward;
    /** Closest-point evaluations spent on the pixel's ray (not counting the shared cone-marching phase). */
    public final int[] evaluations;

    /** Buffers for a {@code width x height} image, everything background. */
    public Rendering(int width, int height) {
        this.width = width;
        this.height = height;
        int n = width * height;
        hit = new boolean[n];
        depth = new double[n];
        java.util.Arrays.fill(depth, Double.NaN);
        normalJacobian = new double[3 * n];
        normalForward = new double[3 * n];
        evaluations = new int[n];
    }

    /** Number of pixels that hit. */
    public int hits() {
        int h = 0;
        for (boolean b : hit) {
            h += b ? 1 : 0;
        }
        return h;
    }

    /**
     * The image shaded by normal: colour {@code (n + 1)/2} scaled by the Lambert term {@code 0.25 + 0.75 |n·l|} with
     * the paper's light direction l = normalise(0.4, 0.3, 0.3); background white.
     *
     * @param jacobian shade with n_J (else n_f)
     */
    public Image toImage(String name, boolean jacobian) {
        double[] nn = jacobian ? normalJacobian : normalForward;
        double l = Math.sqrt(0.4 * 0.4 + 0.3 * 0.3 + 0.3 * 0.3);
        double lx = 0.4 / l, ly = 0.3 / l, lz = 0.3 / l;
        int[] argb = new int[width * height];
        for (int i = 0; i < argb.length; i++) {
            if (!hit[i]) {
                argb[i] = 0xFFFFFFFF;
                continue;
            }
            double nx = nn[3 * i], ny = nn[3 * i + 1], nz = nn[3 * i + 2];
            double shade = 0.25 + 0.75 * Math.abs(nx * lx + ny * ly + nz * lz);
            int r = channel((nx + 1) / 2 * shade);
            int g = channel((ny + 1) / 2 * shade);
            int b = channel((nz + 1) / 2 * shade);
            argb[i] = 0xFF000000 | (r << 16) | (g << 8) | b;
        }
        return new Image(name, width, height, argb);
    }

    private static int channel(double v) {
        return (int) Math.round(255 * Math.max(0, Math.min(1, v)));
    }
}
