package org.quire.examples.sinkhorn;

/**
 * A discrete optimal transport problem: source weights {@code a} (n), target weights {@code b} (m), both positive and
 * summing to one, and a dense row-major cost matrix {@code C} (n &times; m, finite). Arrays are owned by the problem
 * and must not be changed afterwards.
 *
 * @param a    source weights, positive, sum 1
 * @param b    target weights, positive, sum 1
 * @param cost row-major costs, {@code cost[i * m + j]} = C(i, j)
 */
public record OtProblem(double[] a, double[] b, double[] cost) {
    public OtProblem {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("empty marginal: " + a.length + " sources, " + b.length + " targets");
        }
        if ((long) a.length * b.length != cost.length) {
            throw new IllegalArgumentException("cost has " + cost.length + " entries, expected " + a.length + " x "
                    + b.length);
        }
    }

    /** Number of sources n. */
    public int n() {
        return a.length;
    }

    /** Number of targets m. */
    public int m() {
        return b.length;
    }

    /**
     * The squared Euclidean cost between packed points ({@code dim} coordinates each).
     *
     * @param x   source coordinates, n * dim
     * @param y   target coordinates, m * dim
     * @param dim coordinates per point, &ge; 1
     * @return row-major n &times; m costs |x_i - y_j|^2
     */
    public static double[] squaredEuclidean(double[] x, double[] y, int dim) {
        int n = x.length / dim;
        int m = y.length / dim;
        checkSize(n, m);
        double[] c = new double[n * m];
        for (int i = 0; i < n; i++) {
            int row = i * m;
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int d = 0; d < dim; d++) {
                    double t = x[i * dim + d] - y[j * dim + d];
                    s += t * t;
                }
                c[row + j] = s;
            }
        }
        return c;
    }

    /** Fails when an n &times; m dense matrix cannot be held in one Java array. */
    static void checkSize(long n, long m) {
        if (n * m > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("a dense " + n + " x " + m + " cost matrix is too large (at most "
                    + (Integer.MAX_VALUE - 16) + " entries)");
        }
    }

    /** Weights scaled to sum one (all must be &ge; 0 with a positive sum). */
    public static double[] normalised(double[] w) {
        double s = 0;
        for (double x : w) {
            s += x;
        }
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] / s;
        }
        return out;
    }
}
