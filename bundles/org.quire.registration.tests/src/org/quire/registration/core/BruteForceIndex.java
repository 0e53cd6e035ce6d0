package org.quire.registration.core;

import java.util.Arrays;
import java.util.Comparator;

/** An exact O(n) nearest-neighbour oracle for small test clouds (ties: lowest index). */
public final class BruteForceIndex implements NeighbourIndex {
    private final double[] xyz;

    public BruteForceIndex(double[] xyz) {
        this.xyz = xyz;
    }

    @Override
    public int size() {
        return xyz.length / 3;
    }

    @Override
    public int nearest(double x, double y, double z) {
        int best = -1;
        double bd = Double.POSITIVE_INFINITY;
        for (int i = 0; i < size(); i++) {
            double d = d2(i, x, y, z);
            if (d < bd) {
                bd = d;
                best = i;
            }
        }
        return best;
    }

    @Override
    public int[] nearest(double x, double y, double z, int k) {
        Integer[] idx = new Integer[size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> d2(i, x, y, z)).thenComparingInt(i -> i));
        int m = Math.min(k, idx.length);
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    @Override
    public double distanceSquared(int j, double x, double y, double z) {
        return d2(j, x, y, z);
    }

    private double d2(int i, double x, double y, double z) {
        double dx = xyz[3 * i] - x;
        double dy = xyz[3 * i + 1] - y;
        double dz = xyz[3 * i + 2] - z;
        return dx * dx + dy * dy + dz * dz;
    }
}
