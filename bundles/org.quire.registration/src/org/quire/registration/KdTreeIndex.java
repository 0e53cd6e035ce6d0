package org.quire.registration;

import org.quire.geometry.index.KdTree;
import org.quire.registration.core.NeighbourIndex;

/**
 * {@link NeighbourIndex} over {@code org.quire.geometry}'s exact KD-tree. Bounded queries first probe a small ball
 * (four median point spacings) with the tree's radius search, then the whole bound (up to 16 spacings) or, beyond,
 * the exact nearest search.
 * Thread-safe for queries.
 */
final class KdTreeIndex implements NeighbourIndex {
    private final KdTree tree;
    private final double[] xyz;
    private final double probe;

    /** Builds the tree over packed {@code xyz} (not copied; must not change). */
    KdTreeIndex(double[] xyz) {
        this.tree = new KdTree(xyz);
        this.xyz = xyz;
        this.probe = 4 * spacing();
    }

    /** The underlying tree (for {@code org.quire.geometry} routines that take one). */
    KdTree tree() {
        return tree;
    }

    @Override
    public int size() {
        return tree.size();
    }

    @Override
    public int nearest(double x, double y, double z) {
        return tree.nearest(x, y, z);
    }

    @Override
    public int[] nearest(double x, double y, double z, int k) {
        return tree.nearest(x, y, z, k);
    }

    @Override
    public int nearestWithin(double x, double y, double z, double r) {
        if (r > probe) {
            int j = closest(tree.radius(x, y, z, probe), x, y, z);
            if (j >= 0) {
                return j;
            }
        } else {
            return closest(tree.radius(x, y, z, r), x, y, z);
        }
        if (r <= 4 * probe) {
            return closest(tree.radius(x, y, z, r), x, y, z);
        }
        int j = tree.nearest(x, y, z);
        return j >= 0 && distanceSquared(j, x, y, z) <= r * r ? j : -1;
    }

    @Override
    public double distanceSquared(int j, double x, double y, double z) {
        double dx = xyz[3 * j] - x;
        double dy = xyz[3 * j + 1] - y;
        double dz = xyz[3 * j + 2] - z;
        return dx * dx + dy * dy + dz * dz;
    }

    private int closest(int[] candidates, double x, double y, double z) {
        int best = -1;
        double bd = Double.POSITIVE_INFINITY;
        for (int j : candidates) {
            double d = distanceSquared(j, x, y, z);
            if (d < bd || (d == bd && j < best)) {
                bd = d;
                best = j;
            }
        }
        return best;
    }

    /** Median nearest-neighbour spacing over up to 500 evenly spread points. */
    private double spacing() {
        int n = tree.size();
        if (n < 2) {
            return 1;
        }
        int m = Math.min(n, 500);
        double[] d = new double[m];
        for (int s = 0; s < m; s++) {
            int i = (int) ((long) s * n / m);
            int[] nb = tree.nearest(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2], 2);
            d[s] = Math.sqrt(distanceSquared(nb[1], xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]));
        }
        java.util.Arrays.sort(d);
        return Math.max(d[m / 2], 1e-12);
    }
}
