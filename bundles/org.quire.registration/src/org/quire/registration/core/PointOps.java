package org.quire.registration.core;

import java.util.SplittableRandom;
import org.quire.geometry.SymmetricEigen3;

/**
 * Small operations on packed point arrays {@code x0 y0 z0 x1 ...}: centroid, bounding-box diagonal, PCA frame,
 * deterministic random subsampling and validation. Stateless.
 */
public final class PointOps {
    private PointOps() {
    }

    /** Number of points of a packed array. */
    public static int count(double[] xyz) {
        return xyz.length / 3;
    }

    /** The mean point. */
    public static double[] centroid(double[] xyz) {
        int n = count(xyz);
        double sx = 0;
        double sy = 0;
        double sz = 0;
        for (int i = 0; i < n; i++) {
            sx += xyz[3 * i];
            sy += xyz[3 * i + 1];
            sz += xyz[3 * i + 2];
        }
        return new double[] {sx / n, sy / n, sz / n};
    }

    /** Length of the diagonal of the axis-aligned bounding box (0 for fewer than 2 distinct points). */
    public static double diagonal(double[] xyz) {
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < xyz.length; i++) {
            int k = i % 3;
            lo[k] = Math.min(lo[k], xyz[i]);
            hi[k] = Math.max(hi[k], xyz[i]);
        }
        if (xyz.length == 0) {
            return 0;
        }
        double dx = hi[0] - lo[0];
        double dy = hi[1] - lo[1];
        double dz = hi[2] - lo[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /**
     * Principal axes of the points: rows of the returned 9 numbers are unit axes in order of decreasing variance,
     * forming a right-handed frame.
     */
    public static double[] principalAxes(double[] xyz) {
        double[] c = centroid(xyz);
        double xx = 0;
        double xy = 0;
        double xz = 0;
        double yy = 0;
        double yz = 0;
        double zz = 0;
        int n = count(xyz);
        for (int i = 0; i < n; i++) {
            double x = xyz[3 * i] - c[0];
            double y = xyz[3 * i + 1] - c[1];
            double z = xyz[3 * i + 2] - c[2];
            xx += x * x;
            xy += x * y;
            xz += x * z;
            yy += y * y;
            yz += y * z;
            zz += z * z;
        }
        double[] values = new double[3];
        double[] vectors = new double[9];
        SymmetricEigen3.decompose(xx, xy, xz, yy, yz, zz, values, vectors);
        double[] axes = new double[9];
        System.arraycopy(vectors, 6, axes, 0, 3);
        System.arraycopy(vectors, 3, axes, 3, 3);
        axes[6] = axes[1] * axes[5] - axes[2] * axes[4];
        axes[7] = axes[2] * axes[3] - axes[0] * axes[5];
        axes[8] = axes[0] * axes[4] - axes[1] * axes[3];
        return axes;
    }

    /**
     * {@code k} distinct indices of {@code [0, n)} chosen uniformly by a partial Fisher–Yates shuffle driven by
     * {@code random}, returned in ascending order (all indices when {@code k >= n}).
     */
    public static int[] sampleIndices(int n, int k, SplittableRandom random) {
        if (k >= n) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        int[] out = java.util.Arrays.copyOf(perm, k);
        java.util.Arrays.sort(out);
        return out;
    }

    /** The packed points at {@code indices}. */
    public static double[] select(double[] xyz, int[] indices) {
        double[] out = new double[3 * indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(xyz, 3 * indices[i], out, 3 * i, 3);
        }
        return out;
    }

    /**
     * Checks that a cloud has at least {@code min} points and only finite coordinates.
     *
     * @param what name for messages (e.g. the file name)
     * @throws IllegalArgumentException naming the first bad point (1-based) or the count
     */
    public static void requireUsable(double[] xyz, int min, String what) {
        int n = count(xyz);
        if (n < min) {
            throw new IllegalArgumentException(what + ": " + n + " points, at least " + min + " needed");
        }
        for (int i = 0; i < xyz.length; i++) {
            if (!Double.isFinite(xyz[i])) {
                throw new IllegalArgumentException(what + ": point " + (i / 3 + 1) + " has a non-finite coordinate ("
                        + "xyz".charAt(i % 3) + " = " + xyz[i] + ")");
            }
        }
    }
}
