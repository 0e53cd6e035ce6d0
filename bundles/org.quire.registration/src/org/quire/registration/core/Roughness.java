package org.quire.registration.core;

import java.util.Arrays;
import org.quire.compute.Parallel;
import org.quire.geometry.SymmetricEigen3;

/**
 * Local roughness of a cloud: the RMS distance of the {@code k} nearest neighbours of a point to their least-squares
 * plane, i.e. √(smallest eigenvalue of the neighbourhood scatter / k). Deterministic for every thread count.
 */
public final class Roughness {
    private Roughness() {
    }

    /**
     * The plane-fit RMS at {@code samples} points spread evenly over the cloud, reported as the {@code quantile} over
     * those points: an estimate of the measurement noise (length units). The lower quartile (0.25) ignores outliers as
     * long as they are fewer than 75% of the points.
     *
     * @param k        neighbours per point including the point itself, &ge; 3 (the spec uses 12)
     * @param quantile in [0, 1]
     * @param threads  thread budget
     */
    public static double estimate(double[] xyz, NeighbourIndex index, int k, int samples, double quantile, int threads) {
        int n = PointOps.count(xyz);
        int m = Math.min(n, samples);
        double[] r = Parallel.map(threads, m, s -> planeRms(xyz, index, (int) ((long) s * n / m), k));
        Arrays.sort(r);
        return m == 0 ? 0 : r[Math.min(m - 1, (int) (quantile * m))];
    }

    /** RMS distance of the k nearest neighbours of point i to their least-squares plane. */
    private static double planeRms(double[] xyz, NeighbourIndex index, int i, int k) {
        int[] nb = index.nearest(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2], k);
        double cx = 0;
        double cy = 0;
        double cz = 0;
        for (int j : nb) {
            cx += xyz[3 * j];
            cy += xyz[3 * j + 1];
            cz += xyz[3 * j + 2];
        }
        int m = nb.length;
        cx /= m;
        cy /= m;
        cz /= m;
        double xx = 0;
        double xy = 0;
        double xz = 0;
        double yy = 0;
        double yz = 0;
        double zz = 0;
        for (int j : nb) {
            double x = xyz[3 * j] - cx;
            double y = xyz[3 * j + 1] - cy;
            double z = xyz[3 * j + 2] - cz;
            xx += x * x;
            xy += x * y;
            xz += x * z;
            yy += y * y;
            yz += y * z;
            zz += z * z;
        }
        double[] values = new double[3];
        SymmetricEigen3.decompose(xx, xy, xz, yy, yz, zz, values, new double[9]);
        return Math.sqrt(Math.max(0, values[0]) / Math.max(1, m));
    }
}
