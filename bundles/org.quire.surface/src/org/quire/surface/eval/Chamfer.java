package org.quire.surface.eval;

import org.quire.compute.Parallel;
import org.quire.geometry.index.KdTree;

/**
 * Chamfer distances between two point samples as the official code computes them (spec §1.8), with exact KD-tree
 * nearest neighbours both ways: {@code L1 = (mean d(a→b) + mean d(b→a)) / 2} and
 * {@code L2 = (mean d²(a→b) + mean d²(b→a)) / 2}, in the points' units (the paper reports both × 10⁴ in normalised
 * units). Stateless; results do not depend on the thread count.
 *
 * @param l1 mean-distance Chamfer
 * @param l2 mean-squared-distance Chamfer
 */
public record Chamfer(double l1, double l2) {

    /** Chamfer distances between packed point sets {@code a} and {@code b} (each non-empty). */
    public static Chamfer of(double[] a, double[] b, int threads) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("Chamfer distance needs two non-empty point sets, had " + a.length / 3 + " and "
                    + b.length / 3 + " points");
        }
        double[] ab = oneWay(a, new KdTree(b), threads);
        double[] ba = oneWay(b, new KdTree(a), threads);
        return new Chamfer((ab[0] + ba[0]) / 2, (ab[1] + ba[1]) / 2);
    }

    /** Mean distance and mean squared distance from each point of {@code from} to the tree. */
    private static double[] oneWay(double[] from, KdTree to, int threads) {
        int n = from.length / 3;
        double[] d2 = Parallel.map(threads, n, i -> to.nearestDistanceSquared(from[3 * i], from[3 * i + 1], from[3 * i + 2]));
        double s1 = Parallel.sum(threads, n, i -> Math.sqrt(d2[i]));
        double s2 = Parallel.sum(threads, n, i -> d2[i]);
        return new double[] {s1 / n, s2 / n};
    }
}
