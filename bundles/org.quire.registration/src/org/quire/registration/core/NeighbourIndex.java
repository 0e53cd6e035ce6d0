package org.quire.registration.core;

/**
 * Nearest-neighbour queries over a fixed packed point set (the reference). Implementations must be exact and safe for
 * concurrent queries; in the product it is backed by {@code org.quire.geometry.index.KdTree}.
 */
public interface NeighbourIndex {
    /** Number of indexed points. */
    int size();

    /** Index of the nearest indexed point to (x, y, z), ties broken by the implementation deterministically. */
    int nearest(double x, double y, double z);

    /** Indices of the {@code k} nearest indexed points, nearest first. */
    int[] nearest(double x, double y, double z, int k);

    /**
     * The nearest indexed point if it lies within distance {@code r} (inclusive), else -1; ties as {@link #nearest}.
     * Lets ICP skip the expensive exact search for far outliers. The default answers through {@link #nearest}.
     */
    default int nearestWithin(double x, double y, double z, double r) {
        int j = nearest(x, y, z);
        return j >= 0 && distanceSquared(j, x, y, z) <= r * r ? j : -1;
    }

    /** Squared distance from indexed point {@code j} to (x, y, z). */
    double distanceSquared(int j, double x, double y, double z);
}
