package org.quire.examples.sinkhorn;

import java.util.Arrays;

/**
 * The state shared by both solvers: the plan is {@code P_ij = u_i K_ij v_j} with the stabilised kernel
 * {@code K_ij = exp((f_i + g_j - C_ij) / eps)}, where the dual potentials f, g (cost units) absorb the bulk of the
 * scalings and u, v stay within [1/{@value #SAFE}, {@value #SAFE}]. Kernel entries below exp({@value #FLUSH}) are
 * stored as 0 (their mass is below 1e-200 of the total), which keeps every product out of the subnormal range, and the
 * kernel is (re)built from log-sum-exp passes, so no underflow reaches a division: small eps gives no NaN.
 *
 * <p>Passes over the dense kernel run over fixed row chunks; per-chunk partial sums are reduced in chunk order, so
 * results do not depend on the thread count. Not thread-safe.
 */
final class ScaledKernel {
    /** Exponents below this are flushed to a zero kernel entry. */
    static final double FLUSH = -600;
    /** Bound on the scalings u and v (and their reciprocals) before they are absorbed into f and g. */
    static final double SAFE = 1e30;
    static final double LOG_SAFE = Math.log(SAFE);
    /** exp({@value #FLUSH}), about 2.6e-261. */
    static final double TINY = Math.exp(FLUSH);

    final OtProblem p;
    final int n;
    final int m;
    final double eps;
    final double invEps;
    final double[] a;
    final double[] b;
    final double[] cost;
    final double[] f;
    final double[] g;
    final double[] u;
    final double[] v;
    final double[] k;
    final RowChunks rows;
    private final double[][] partial;
    private final double[] chunkSum;
    private final double[] chunkSum2;
    private final boolean[] chunkBad;
    /** Dense passes over the kernel so far (the unit of work; exponential passes count too). */
    long passes;

    ScaledKernel(OtProblem p, double eps, RowChunks rows) {
        this.p = p;
        this.n = p.n();
        this.m = p.m();
        this.eps = eps;
        this.invEps = 1 / eps;
        this.a = p.a();
        this.b = p.b();
        this.cost = p.cost();
        this.f = new double[n];
        this.g = new double[m];
        this.u = new double[n];
        this.v = new double[m];
        Arrays.fill(u, 1);
        Arrays.fill(v, 1);
        this.k = new double[n * m];
        this.rows = rows;
        this.partial = new double[rows.chunks()][m];
        this.chunkSum = new double[rows.chunks()];
        this.chunkSum2 = new double[rows.chunks()];
        this.chunkBad = new boolean[rows.chunks()];
    }

    /** {@code sum_j k[off + j] x[j]}, summed as (even j) + (odd j): the same numbers as {@link #dot4}. */
    static double dot(double[] k, int off, double[] x, int m) {
        double e = 0;
        double o = 0;
        int j = 0;
        for (; j + 1 < m; j += 2) {
            e += k[off + j] * x[j];
            o += k[off + j + 1] * x[j + 1];
        }
        if (j < m) {
            e += k[off + j] * x[j];
        }
        return e + o;
    }

    /**
     * Four consecutive rows' dot products with x at once (x is read once for four rows, which halves the loads of
     * four separate dots); each row is summed exactly as {@link #dot} sums it.
     */
    static void dot4(double[] k, int off, int m, double[] x, double[] out) {
        int o1 = off + m;
        int o2 = o1 + m;
        int o3 = o2 + m;
        double e0 = 0;
        double d0 = 0;
        double e1 = 0;
        double d1 = 0;
        double e2 = 0;
        double d2 = 0;
        double e3 = 0;
        double d3 = 0;
        int j = 0;
        for (; j + 1 < m; j += 2) {
            double xa = x[j];
            double xb = x[j + 1];
            e0 += k[off + j] * xa;
            d0 += k[off + j + 1] * xb;
            e1 += k[o1 + j] * xa;
            d1 += k[o1 + j + 1] * xb;
            e2 += k[o2 + j] * xa;
            d2 += k[o2 + j + 1] * xb;
            e3 += k[o3 + j] * xa;
            d3 += k[o3 + j + 1] * xb;
        }
        if (j < m) {
            double xa = x[j];
            e0 += k[off + j] * xa;
            e1 += k[o1 + j] * xa;
            e2 += k[o2 + j] * xa;
            e3 += k[o3 + j] * xa;
        }
        out[0] = e0 + d0;
        out[1] = e1 + d1;
        out[2] = e2 + d2;
        out[3] = e3 + d3;
    }

    /** {@code acc += s0 K_row0 + s1 K_row1 + s2 K_row2 + s3 K_row3}, added in that order (as four axpys would). */
    static void axpy4(double[] acc, double s0, double s1, double s2, double s3, double[] k, int off, int m) {
        int o1 = off + m;
        int o2 = o1 + m;
        int o3 = o2 + m;
        for (int j = 0; j < m; j++) {
            acc[j] = acc[j] + s0 * k[off + j] + s1 * k[o1 + j] + s2 * k[o2 + j] + s3 * k[o3 + j];
        }
    }

    static void axpy(double[] acc, double s, double[] k, int off, int m) {
        for (int j = 0; j < m; j++) {
            acc[j] += s * k[off + j];
        }
    }

    private void reduceColumns(double[] out) {
        System.arraycopy(partial[0], 0, out, 0, m);
        for (int c = 1; c < partial.length; c++) {
            double[] pc = partial[c];
            for (int j = 0; j < m; j++) {
                out[j] += pc[j];
            }
        }
    }

    private double reduce(double[] perChunk) {
        double s = 0;
        for (double x : perChunk) {
            s += x;
        }
        return s;
    }

    private boolean anyBad() {
        for (boolean x : chunkBad) {
            if (x) {
                return true;
            }
        }
        return false;
    }

    /** Moves the scalings into the potentials (f += eps log u, g += eps log v, u = v = 1) without rebuilding K. */
    void absorbScalings() {
        for (int i = 0; i < n; i++) {
            f[i] += eps * Math.log(u[i]);
            u[i] = 1;
        }
        for (int j = 0; j < m; j++) {
            g[j] += eps * Math.log(v[j]);
            v[j] = 1;
        }
    }

    /** Absorbs the scalings and rebuilds K from f and g (one exponential pass). */
    void absorbAndRebuild() {
        absorbScalings();
        passes++;
        rows.forEach((c, from, to) -> {
            for (int i = from; i < to; i++) {
                int off = i * m;
                double fi = f[i];
                for (int j = 0; j < m; j++) {
                    double e = (fi + g[j] - cost[off + j]) * invEps;
                    k[off + j] = e < FLUSH ? 0 : Math.exp(e);
                }
            }
        });
    }

    /**
     * Builds the plain kernel {@code K = exp(-C / eps)} (f = g = 0, one exponential pass) and tells whether every row
     * and every column kept an entry above the flush level; when not, the caller must start with log-domain steps.
     */
    boolean plainKernel() {
        passes++;
        boolean[] rowsOk = new boolean[rows.chunks()];
        rows.forEach((c, from, to) -> {
            double[] seen = partial[c];
            Arrays.fill(seen, 0);
            boolean ok = true;
            for (int i = from; i < to; i++) {
                int off = i * m;
                double rowMax = 0;
                for (int j = 0; j < m; j++) {
                    double e = -cost[off + j] * invEps;
                    double x = e < FLUSH ? 0 : Math.exp(e);
                    k[off + j] = x;
                    rowMax = Math.max(rowMax, x);
                    seen[j] = Math.max(seen[j], x);
                }
                ok &= rowMax > 0;
            }
            rowsOk[c] = ok;
        });
        for (boolean ok : rowsOk) {
            if (!ok) {
                return false;
            }
        }
        for (int j = 0; j < m; j++) {
            double mx = 0;
            for (double[] seen : partial) {
                mx = Math.max(mx, seen[j]);
            }
            if (!(mx > 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Log-domain row step (a Sinkhorn half-step without underflow): absorbs the scalings, sets
     * {@code f_i = eps (log a_i - LSE_j((g_j - C_ij) / eps))} and rebuilds K so that every row sums to a_i exactly.
     * One exponential pass.
     */
    void logRows() {
        absorbScalings();
        passes++;
        rows.forEach((c, from, to) -> {
            for (int i = from; i < to; i++) {
                int off = i * m;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < m; j++) {
                    double e = (g[j] - cost[off + j]) * invEps;
                    k[off + j] = e;
                    max = Math.max(max, e);
                }
                double s = 0;
                for (int j = 0; j < m; j++) {
                    double e = k[off + j] - max;
                    double x = e < FLUSH ? 0 : Math.exp(e);
                    k[off + j] = x;
                    s += x;
                }
                double scale = a[i] / s;   // s >= 1: the maximum contributes exp(0)
                f[i] = eps * (Math.log(a[i]) - max - Math.log(s));
                for (int j = 0; j < m; j++) {
                    double x = k[off + j] * scale;
                    k[off + j] = x < TINY ? 0 : x;
                }
            }
        });
    }

    /**
     * Log-domain column step: absorbs the scalings, sets {@code g_j = eps (log b_j - LSE_i((f_i - C_ij) / eps))} and
     * rebuilds K so that every column sums to b_j exactly. One exponential pass and two cheap passes.
     */
    void logColumns() {
        absorbScalings();
        passes += 2;
        double[] colMax = new double[m];
        // pass 1: column maxima of (f_i - C_ij) / eps (max is exact, so the chunk order is irrelevant)
        rows.forEach((c, from, to) -> {
            double[] mx = partial[c];
            Arrays.fill(mx, Double.NEGATIVE_INFINITY);
            for (int i = from; i < to; i++) {
                int off = i * m;
                double fi = f[i];
                for (int j = 0; j < m; j++) {
                    mx[j] = Math.max(mx[j], (fi - cost[off + j]) * invEps);
                }
            }
        });
        Arrays.fill(colMax, Double.NEGATIVE_INFINITY);
        for (double[] mx : partial) {
            for (int j = 0; j < m; j++) {
                colMax[j] = Math.max(colMax[j], mx[j]);
            }
        }
        // pass 2: exp relative to the column maximum, column sums in chunk order
        rows.forEach((c, from, to) -> {
            double[] acc = partial[c];
            Arrays.fill(acc, 0);
            for (int i = from; i < to; i++) {
                int off = i * m;
                double fi = f[i];
                for (int j = 0; j < m; j++) {
                    double e = (fi - cost[off + j]) * invEps - colMax[j];
                    double x = e < FLUSH ? 0 : Math.exp(e);
                    k[off + j] = x;
                    acc[j] += x;
                }
            }
        });
        double[] colSum = new double[m];
        reduceColumns(colSum);
        double[] scale = new double[m];
        for (int j = 0; j < m; j++) {
            scale[j] = b[j] / colSum[j];   // colSum >= 1
            g[j] = eps * (Math.log(b[j]) - colMax[j] - Math.log(colSum[j]));
        }
        rows.forEach((c, from, to) -> {
            for (int i = from; i < to; i++) {
                int off = i * m;
                for (int j = 0; j < m; j++) {
                    double x = k[off + j] * scale[j];
                    k[off + j] = x < TINY ? 0 : x;
                }
            }
        });
    }

    /**
     * The fused Sinkhorn pass: for each row, {@code s_i = (K v)_i}, the row error {@code |u_i s_i - a_i|} of the current
     * iterate, the new scaling {@code uNew_i = a_i / s_i}, and {@code colSum = K^T uNew} accumulated while the row is
     * still in cache. One pass over K.
     *
     * @return the L1 row-marginal error of the current (u, v), or NaN when some uNew left the safe range (then uNew and
     *         colSum are not to be used)
     */
    double sinkhornRows(double[] uNew, double[] colSum) {
        passes++;
        rows.forEach((c, from, to) -> {
            double[] acc = partial[c];
            Arrays.fill(acc, 0);
            double[] s4 = new double[4];
            double err = 0;
            boolean bad = false;
            int i = from;
            for (; i + 3 < to && !bad; i += 4) {   // blocks of four rows: one read of v for four dots
                int off = i * m;
                dot4(k, off, m, v, s4);
                for (int q = 0; q < 4; q++) {
                    int r = i + q;
                    err += Math.abs(u[r] * s4[q] - a[r]);
                    double ur = a[r] / s4[q];
                    bad |= !(ur >= 1 / SAFE && ur <= SAFE);
                    uNew[r] = ur;
                }
                if (!bad) {
                    axpy4(acc, uNew[i], uNew[i + 1], uNew[i + 2], uNew[i + 3], k, off, m);
                }
            }
            for (; i < to && !bad; i++) {
                int off = i * m;
                double s = dot(k, off, v, m);
                err += Math.abs(u[i] * s - a[i]);
                double ui = a[i] / s;
                bad = !(ui >= 1 / SAFE && ui <= SAFE);
                uNew[i] = ui;
                if (!bad) {
                    axpy(acc, ui, k, off, m);
                }
            }
            chunkSum[c] = err;
            chunkBad[c] = bad;
        });
        if (anyBad()) {
            return Double.NaN;
        }
        reduceColumns(colSum);
        return reduce(chunkSum);
    }

    /** {@code K^T u} (one pass). */
    void columnSums(double[] out) {
        passes++;
        rows.forEach((c, from, to) -> {
            double[] acc = partial[c];
            Arrays.fill(acc, 0);
            for (int i = from; i < to; i++) {
                axpy(acc, u[i], k, i * m, m);
            }
        });
        reduceColumns(out);
    }

    /**
     * Marginals of the current plan and the sparsity pattern for a Newton step (one pass): row sums
     * {@code r_i = u_i (K v)_i}, {@code kv_i = (K v)_i}, column sums {@code c_j}, and per row the pattern of the largest
     * entries of {@code K_ij v_j} ({@link TopK}).
     */
    void marginals(double[] r, double[] kv, double[] cSum, TopK top) {
        passes++;
        rows.forEach((c, from, to) -> {
            double[] acc = partial[c];
            Arrays.fill(acc, 0);
            for (int i = from; i < to; i++) {
                int off = i * m;
                double s = dot(k, off, v, m);
                kv[i] = s;
                r[i] = u[i] * s;
                top.select(c, i, k, off, v, s);
                axpy(acc, u[i], k, off, m);
            }
        });
        reduceColumns(cSum);
        for (int j = 0; j < m; j++) {
            cSum[j] *= v[j];
        }
    }

    /** What a Newton trial step would give; see {@link #trial}. */
    static final class Trial {
        final double[] u;
        final double[] v;
        final double[] kv;
        final double[] r;
        final double[] c;
        final TopK top;
        /** D(z + alpha delta) - D(z), divided by eps. */
        double gain;

        Trial(int n, int m, int keep, double dropMass, int chunks) {
            u = new double[n];
            v = new double[m];
            kv = new double[n];
            r = new double[n];
            c = new double[m];
            top = new TopK(n, m, keep, dropMass, chunks);
        }
    }

    /**
     * Evaluates the step {@code log u += alpha dx, log v += alpha dy} in one pass: new scalings, marginals, top-k
     * pattern, and the dual gain computed without cancellation as
     * {@code alpha (a.dx + b.dy) - sum_i u_i (ex_i kv_i + (1 + ex_i) (K w)_i)}, with {@code ex = expm1(alpha dx)} and
     * {@code w = v expm1(alpha dy)}. The caller has checked that the new scalings stay in the safe range.
     *
     * @param kv {@code (K v)_i} of the current iterate
     */
    void trial(double[] dx, double[] dy, double alpha, double[] kv, Trial t) {
        passes++;
        double[] w = new double[m];
        double lin = 0;
        for (int j = 0; j < m; j++) {
            double ey = Math.expm1(alpha * dy[j]);
            w[j] = v[j] * ey;
            t.v[j] = v[j] + w[j];
            lin += b[j] * dy[j];
        }
        for (int i = 0; i < n; i++) {
            lin += a[i] * dx[i];
        }
        double linear = alpha * lin;
        rows.forEach((c, from, to) -> {
            double[] acc = partial[c];
            Arrays.fill(acc, 0);
            double dS = 0;
            for (int i = from; i < to; i++) {
                int off = i * m;
                double ex = Math.expm1(alpha * dx[i]);
                double t2 = dot(k, off, w, m);
                double ui = u[i] * (1 + ex);
                t.u[i] = ui;
                double s = kv[i] + t2;
                t.kv[i] = s;
                t.r[i] = ui * s;
                dS += u[i] * (ex * kv[i] + (1 + ex) * t2);
                t.top.select(c, i, k, off, t.v, s);
                axpy(acc, ui, k, off, m);
            }
            chunkSum[c] = dS;
        });
        reduceColumns(t.c);
        for (int j = 0; j < m; j++) {
            t.c[j] *= t.v[j];
        }
        t.gain = linear - reduce(chunkSum);
    }

    /** Takes over a trial's scalings (the caller takes its marginals and pattern). */
    void accept(Trial t) {
        System.arraycopy(t.u, 0, u, 0, n);
        System.arraycopy(t.v, 0, v, 0, m);
    }

    /** Plan entry P_ij. */
    double plan(int i, int j) {
        return u[i] * k[i * m + j] * v[j];
    }

    /**
     * Sums over the plan in one pass: {@code [sum P C, sum P (log P - 1), sum P]} (entries flushed to 0 contribute 0,
     * the limit of P log P).
     */
    double[] costs() {
        passes++;
        double[] lu = new double[n];
        double[] lv = new double[m];
        for (int i = 0; i < n; i++) {
            lu[i] = Math.log(u[i]) + f[i] * invEps;
        }
        for (int j = 0; j < m; j++) {
            lv[j] = Math.log(v[j]) + g[j] * invEps;
        }
        double[] third = new double[rows.chunks()];
        rows.forEach((c, from, to) -> {
            double pc = 0;
            double pl = 0;
            double ps = 0;
            for (int i = from; i < to; i++) {
                int off = i * m;
                for (int j = 0; j < m; j++) {
                    double kij = k[off + j];
                    if (kij == 0) {
                        continue;
                    }
                    double pij = u[i] * kij * v[j];
                    double cij = cost[off + j];
                    pc += pij * cij;
                    pl += pij * (lu[i] + lv[j] - cij * invEps);
                    ps += pij;
                }
            }
            chunkSum[c] = pc;
            chunkSum2[c] = pl;
            third[c] = ps;
        });
        double mass = reduce(third);
        double transport = reduce(chunkSum);
        return new double[] {transport, transport + eps * (reduce(chunkSum2) - mass), mass};
    }

    /** The dual objective {@code a.(f + eps log u) + b.(g + eps log v) - eps sum P}. */
    double dual(double mass) {
        double d = 0;
        for (int i = 0; i < n; i++) {
            d += a[i] * (f[i] + eps * Math.log(u[i]));
        }
        for (int j = 0; j < m; j++) {
            d += b[j] * (g[j] + eps * Math.log(v[j]));
        }
        return d - eps * mass;
    }
}
