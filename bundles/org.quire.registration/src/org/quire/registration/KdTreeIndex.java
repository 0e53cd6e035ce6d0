package org.quire.registration;

import org.quire.geometry.index.KdTree;
import org.quire.registration.core.NeighbourIndex;

/**
 * {@link NeighbourIndex} over {@code org.quire.geometry}'s exact KD-tree; bounded queries use the tree's bounded
 * nearest search, which never leaves the ball.
 * Thread-safe for queries.
 */
final class KdTreeIndex implements NeighbourIndex {
    private final KdTree tree;
    private final double[] xyz;

    /** Builds the tree over packed {@code xyz} (not copied; must not change). */
    KdTreeIndex(double[] xyz) {
        this.tree = new KdTree(xyz);
        this.xyz = xyz;
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
        return tree.nearestWithin(x, y, z, r);
    }

    @Override
    public double distanceSquared(int j, double x, double y, double z) {
        double dx = xyz[3 * j] - x;
        double dy = xyz[3 * j + 1] - y;
        double dz = xyz[3 * j + 2] - z;
        return dx * dx + dy * dy + dz * dz;
    }
}
