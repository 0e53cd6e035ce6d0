package org.quire.sem.algebra;

/**
 * Dense linear algebra modulo a prime {@code p < 2^31} on {@code long[][]} row arrays with residues in [0, p).
 * Static, no shared state; methods that say so modify their argument in place.
 */
public final class ModMatrix {
    private ModMatrix() {
    }

    /**
     * Row reduction to reduced row echelon form, in place.
     *
     * @return the pivot column of each of the first {@code rank} rows (length = rank)
     */
    public static int[] rref(long[][] a, long p) {
        int rows = a.length;
        int cols = rows == 0 ? 0 : a[0].length;
        int[] piv = new int[Math.min(rows, cols)];
        int r = 0;
        for (int c = 0; c < cols && r < rows; c++) {
            int sel = -1;
            for (int i = r; i < rows; i++) {
                if (a[i][c] != 0) {
                    sel = i;
                    break;
                }
            }
            if (sel < 0) {
                continue;
            }
            long[] t = a[sel];
            a[sel] = a[r];
            a[r] = t;
            long[] pr = a[r];
            long iv = ModP.inv(pr[c], p);
            for (int j = c; j < cols; j++) {
                pr[j] = pr[j] * iv % p;
            }
            for (int i = 0; i < rows; i++) {
                if (i == r) {
                    continue;
                }
                long[] ri = a[i];
                long f = ri[c];
                if (f == 0) {
                    continue;
                }
                long g = p - f;
                for (int j = c; j < cols; j++) {
                    long b = pr[j];
                    if (b != 0) {
                        ri[j] = (ri[j] + g * b) % p;
                    }
                }
            }
            piv[r++] = c;
        }
        int[] out = new int[r];
        System.arraycopy(piv, 0, out, 0, r);
        return out;
    }

    /** The Mersenne prime 2^31 - 1, for which reduction is two folds instead of a division. */
    public static final long MERSENNE31 = (1L << 31) - 1;

    /** Up to this many columns {@link #kernelByEchelon} eliminates fraction-free (no modular inverse per pivot). */
    static final int FRACTION_FREE_COLUMNS = 48;

    /** x mod 2^31-1 for 0 &le; x &lt; 2^63. */
    static long fold(long x) {
        x = (x & MERSENNE31) + (x >>> 31);
        x = (x & MERSENNE31) + (x >>> 31);
        return x >= MERSENNE31 ? x - MERSENNE31 : x;
    }

    /**
     * The canonical kernel basis of {@code a} (the same vectors as {@link #kernel} after {@link #rref}) by forward
     * elimination to row echelon form and back substitution per free column: about a third of the work of full
     * reduction when the kernel is small. Destroys {@code a}. Fast path for {@link #MERSENNE31}.
     *
     * @param cancelled polled once per pivot; when it returns true the method throws {@link CancellationException}
     */
    public static Kernel kernelByEchelon(long[][] a, int cols, long p, java.util.function.BooleanSupplier cancelled) {
        int rows = a.length;
        int[] piv = new int[Math.min(rows, cols)];
        int r = 0;
        boolean mersenne = p == MERSENNE31;
        boolean fractionFree = cols <= FRACTION_FREE_COLUMNS;
        for (int c = 0; c < cols && r < rows; c++) {
            if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException();
            }
            int sel = -1;
            for (int i = r; i < rows; i++) {
                if (a[i][c] != 0) {
                    sel = i;
                    break;
                }
            }
            if (sel < 0) {
                continue;
            }
            long[] t = a[sel];
            a[sel] = a[r];
            a[r] = t;
            long[] pr = a[r];
            long h;
            if (fractionFree) {
                h = pr[c];
            } else {
                long iv = ModP.inv(pr[c], p);
                for (int j = c; j < cols; j++) {
                    pr[j] = pr[j] * iv % p;
                }
                h = 1;
            }
            for (int i = r + 1; i < rows; i++) {
                long[] ri = a[i];
                long f = ri[c];
                if (f == 0) {
                    continue;
                }
                long g = p - f;
                if (h != 1) {
                    // fraction-free: row_i = h row_i - f row_r (no inverse needed; rows stay non-monic)
                    for (int j = c; j < cols; j++) {
                        long x = h * ri[j];
                        x = mersenne ? fold(x) : x % p;
                        x += g * pr[j];
                        ri[j] = mersenne ? fold(x) : x % p;
                    }
                } else if (mersenne) {
                    for (int j = c; j < cols; j++) {
                        ri[j] = fold(ri[j] + g * pr[j]);
                    }
                } else {
                    for (int j = c; j < cols; j++) {
                        ri[j] = (ri[j] + g * pr[j]) % p;
                    }
                }
            }
            piv[r++] = c;
        }
        boolean[] isPiv = new boolean[cols];
        for (int k = 0; k < r; k++) {
            isPiv[piv[k]] = true;
        }
        int dim = cols - r;
        int[] free = new int[dim];
        long[][] vec = new long[dim][];
        long[] pivotInverse = new long[fractionFree && dim > 0 ? r : 0];
        for (int i = 0; i < pivotInverse.length; i++) {
            pivotInverse[i] = ModP.inv(a[i][piv[i]], p);
        }
        int k = 0;
        for (int f = 0; f < cols; f++) {
            if (isPiv[f]) {
                continue;
            }
            long[] v = new long[cols];
            v[f] = 1;
            for (int i = r - 1; i >= 0; i--) {
                long[] row = a[i];
                long s = 0;
                for (int j = piv[i] + 1; j < cols; j++) {
                    if (v[j] != 0 && row[j] != 0) {
                        s = (s + row[j] * v[j]) % p;
                    }
                }
                if (fractionFree && s != 0) {
                    s = s * pivotInverse[i] % p;
                }
                v[piv[i]] = s == 0 ? 0 : p - s;
            }
            free[k] = f;
            vec[k++] = v;
        }
        return new Kernel(free, vec);
    }

    /** Rank of a copy of {@code a}. */
    public static int rank(long[][] a, long p) {
        long[][] c = new long[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return rref(c, p).length;
    }

    /**
     * The canonical kernel basis of a matrix already in RREF with the given pivots: one vector per free column f,
     * with 1 at f, 0 at the other free columns and {@code -R[r][f]} at pivot column of row r.
     *
     * @param cols number of columns
     * @return {@code [free columns, basis vectors]} as {@code freeCols} (int) and {@code vectors} (long[])
     */
    public static Kernel kernel(long[][] rref, int[] pivots, int cols, long p) {
        boolean[] isPiv = new boolean[cols];
        for (int c : pivots) {
            isPiv[c] = true;
        }
        int dim = cols - pivots.length;
        int[] free = new int[dim];
        long[][] vec = new long[dim][];
        int k = 0;
        for (int f = 0; f < cols; f++) {
            if (isPiv[f]) {
                continue;
            }
            long[] v = new long[cols];
            v[f] = 1;
            for (int r = 0; r < pivots.length; r++) {
                long x = rref[r][f];
                v[pivots[r]] = x == 0 ? 0 : p - x;
            }
            free[k] = f;
            vec[k++] = v;
        }
        return new Kernel(free, vec);
    }

    /**
     * A kernel basis.
     *
     * @param freeColumns the free column of each vector (where it has its 1)
     * @param vectors     the basis vectors, residues mod p
     */
    public record Kernel(int[] freeColumns, long[][] vectors) {
        /** Dimension of the kernel. */
        public int dimension() {
            return vectors.length;
        }
    }

    /**
     * An incrementally built row-echelon basis of a subspace of F_p^cols: each stored row is monic at its pivot and
     * zero at the pivots of the rows stored before it. Not thread-safe.
     */
    public static final class Echelon {
        private final long p;
        private final int cols;
        private final java.util.List<long[]> rows = new java.util.ArrayList<>();
        private final java.util.List<Integer> pivots = new java.util.ArrayList<>();

        /** An empty subspace of F_p^cols. */
        public Echelon(int cols, long p) {
            this.cols = cols;
            this.p = p;
        }

        /** The dimension so far. */
        public int rank() {
            return rows.size();
        }

        /**
         * Adds {@code v} (not modified) to the span.
         *
         * @return whether it was independent of the rows already there (and the rank grew)
         */
        public boolean add(long[] v) {
            long[] w = v.clone();
            for (int k = 0; k < rows.size(); k++) {
                int c = pivots.get(k);
                long f = w[c];
                if (f == 0) {
                    continue;
                }
                long g = p - f;
                long[] r = rows.get(k);
                for (int j = 0; j < cols; j++) {
                    long b = r[j];
                    if (b != 0) {
                        w[j] = (w[j] + g * b) % p;
                    }
                }
            }
            for (int j = 0; j < cols; j++) {
                if (w[j] != 0) {
                    long iv = ModP.inv(w[j], p);
                    for (int t = j; t < cols; t++) {
                        w[t] = w[t] * iv % p;
                    }
                    rows.add(w);
                    pivots.add(j);
                    return true;
                }
            }
            return false;
        }
    }
}
