package org.quire.examples.sinkhorn;

/**
 * The sparsity pattern of the Sinkhorn-Newton-Sparse Hessian: per row i, the entries of {@code K_ij x_j} that carry at
 * least {@code dropMass / m} of the row's sum (so that the entries dropped hold at most a fraction {@code dropMass} of
 * it) or at least {@link #floor} (a fraction of the current marginal error: near convergence an entry comparable to the
 * error must stay in the model, or Newton steps cycle), and of those at most {@code keep}, the largest (quickselect). Rows are written independently into fixed slots,
 * so parallel chunks may fill different rows at once; each chunk has its own scratch space.
 */
final class TopK {
    final int keep;
    final double dropMass;
    /** Entries at least this large are kept whatever their share of the row; set by the solver before each pass. */
    double floor = Double.POSITIVE_INFINITY;
    final int[] count;
    final int[] col;
    final double[] val;
    private final double[][] scratchVal;
    private final int[][] scratchCol;

    TopK(int n, int m, int keep, double dropMass, int chunks) {
        this.keep = Math.max(1, Math.min(keep, m));
        this.dropMass = dropMass;
        this.count = new int[n];
        this.col = new int[n * this.keep];
        this.val = new double[n * this.keep];
        this.scratchVal = new double[chunks][m];
        this.scratchCol = new int[chunks][m];
    }

    /**
     * Selects row i's pattern among {@code k[off + j] * x[j]}, whose sum is {@code rowSum}.
     *
     * @param chunk the calling chunk (selects the scratch space)
     */
    void select(int chunk, int i, double[] k, int off, double[] x, double rowSum) {
        int m = x.length;
        double threshold = Math.min(dropMass * rowSum / m, floor);
        double[] sv = scratchVal[chunk];
        int[] sc = scratchCol[chunk];
        int c = 0;
        for (int j = 0; j < m; j++) {
            double e = k[off + j] * x[j];
            if (e >= threshold && e > 0) {
                sv[c] = e;
                sc[c] = j;
                c++;
            }
        }
        if (c > keep) {
            selectLargest(sv, sc, c, keep);
            c = keep;
        }
        int base = i * keep;
        System.arraycopy(sv, 0, val, base, c);
        System.arraycopy(sc, 0, col, base, c);
        count[i] = c;
    }

    /** Rearranges v[0, len) (and c alongside) so that its {@code want} largest come first (Hoare quickselect). */
    static void selectLargest(double[] v, int[] c, int len, int want) {
        int lo = 0;
        int hi = len - 1;
        while (lo < hi) {
            double pivot = median3(v[lo], v[(lo + hi) >>> 1], v[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (v[i] > pivot) {
                    i++;
                }
                while (v[j] < pivot) {
                    j--;
                }
                if (i <= j) {
                    double tv = v[i];
                    v[i] = v[j];
                    v[j] = tv;
                    int tc = c[i];
                    c[i] = c[j];
                    c[j] = tc;
                    i++;
                    j--;
                }
            }
            // now v[lo..j] >= pivot >= v[i..hi]
            if (want - 1 <= j) {
                hi = j;
            } else if (want - 1 >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private static double median3(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /** Copies another pattern of the same shape. */
    void copyFrom(TopK o) {
        System.arraycopy(o.count, 0, count, 0, count.length);
        System.arraycopy(o.col, 0, col, 0, col.length);
        System.arraycopy(o.val, 0, val, 0, val.length);
    }
}
