package org.quire.examples.sinkhorn;

import java.util.Arrays;
import org.quire.api.Progress;

/**
 * Entropic optimal transport, {@code min_P <C, P> + eps sum P_ij (log P_ij - 1)} subject to {@code P 1 = a},
 * {@code P^T 1 = b}, solved through its concave dual
 * {@code D(f, g) = a.f + b.g - eps sum_ij exp((f_i + g_j - C_ij) / eps)}, by either
 * <ul>
 * <li>{@link Method#SINKHORN}: Sinkhorn-Knopp alternating maximisation over f and g, in the kernel domain with
 * absorption into the potentials (stabilised) and log-sum-exp steps wherever a scaling would leave the safe range; or
 * <li>{@link Method#SNS}: Sinkhorn-Newton-Sparse (X. Tang et al., ICLR 2024): {@code warmStart} Sinkhorn iterations,
 * then Newton steps on D whose Hessian {@code -(1/eps) [[diag(P 1), P], [P^T, diag(P^T 1)]]} keeps its diagonal blocks
 * exactly and, in the off-diagonal blocks, only the largest plan entries of each row. The Newton system is solved by
 * Jacobi-preconditioned conjugate gradient (inexact Newton: relative residual {@code min(cgTolerance, error)}), and the
 * step by backtracking (Armijo) line search on D. Choice made here (the paper thresholds the plan globally): a per-row
 * threshold that drops at most a fraction {@code dropMass} of each row's mass, capped at {@code keepPerRow} entries,
 * recomputed at every step, plus every entry above 1% of the current marginal error. A step is accepted when it
 * satisfies Armijo's condition on D and lowers the marginal error; when no step of at least 1/1024 does, Sinkhorn
 * iterations are done instead (1, 2, 4, ... up to 256 after consecutive failures) before the next Newton attempt.
 * </ul>
 * The marginal error reported and tested against {@code tolerance} is {@code |P 1 - a|_1 + |P^T 1 - b|_1}. One
 * iteration is one Sinkhorn (u and v) update or one Newton step. Deterministic whatever the thread count.
 */
public final class OtSolver {
    /** The two methods. */
    public enum Method {
        SINKHORN, SNS
    }

    /** Armijo constant of the line search. */
    static final double ARMIJO = 1e-4;
    /** Most step halvings (down to a step of 1/1024) before a Newton step is given up for a Sinkhorn iteration. */
    static final int MAX_HALVINGS = 10;
    /** Plan entries above this fraction of the current marginal error are always kept in the sparsified Hessian. */
    static final double FLOOR = 1e-2;
    /** Dual gains (over eps, for unit mass) below this are rounding noise. */
    static final double GAIN_NOISE = 1e-14;

    /**
     * Solver settings.
     *
     * @param method        Sinkhorn or Sinkhorn-Newton-Sparse
     * @param eps           entropic regularisation eps &gt; 0, in cost units ({@code K = exp(-C / eps)})
     * @param tolerance     stop when the L1 marginal error is at most this
     * @param maxIterations most iterations (the solution is returned unconverged beyond)
     * @param warmStart     SNS: Sinkhorn iterations before the first Newton step
     * @param keepPerRow    SNS: most plan entries kept per row in the sparsified Hessian
     * @param dropMass      SNS: a row's entries below {@code dropMass / m} of its sum are dropped, so at most this
     *                      fraction of its mass is left out of the Hessian (before the {@code keepPerRow} cap)
     * @param cgTolerance   SNS: relative residual at which conjugate gradient stops; the forcing term actually used is
     *                      {@code min(cgTolerance, marginal error)} (inexact Newton)
     * @param maxCg         SNS: most conjugate-gradient iterations per Newton step
     */
    public record Options(Method method, double eps, double tolerance, int maxIterations, int warmStart,
            int keepPerRow, double dropMass, double cgTolerance, int maxCg) {
        public Options {
            if (!(eps > 0) || !Double.isFinite(eps)) {
                throw new IllegalArgumentException("eps must be finite and > 0, got " + eps);
            }
            if (maxIterations < 1 || warmStart < 0 || keepPerRow < 1 || maxCg < 1) {
                throw new IllegalArgumentException("maxIterations, keepPerRow and maxCg must be >= 1, warmStart >= 0");
            }
            if (!(dropMass >= 0 && dropMass < 1) || !(cgTolerance > 0 && cgTolerance < 1) || !(tolerance >= 0)) {
                throw new IllegalArgumentException("need 0 <= dropMass < 1, 0 < cgTolerance < 1, tolerance >= 0");
            }
        }

        /**
         * Defaults for the given method and eps: tolerance 1e-9, 10000 iterations, SNS warm start 20, at most 512
         * entries per row, drop mass 0.01, CG tolerance 1e-4, 1000 CG iterations.
         */
        public static Options of(Method method, double eps) {
            return new Options(method, eps, 1e-9, 10_000, 20, 512, 0.01, 1e-4, 1000);
        }

        public Options withTolerance(double t) {
            return new Options(method, eps, t, maxIterations, warmStart, keepPerRow, dropMass, cgTolerance, maxCg);
        }

        public Options withMaxIterations(int it) {
            return new Options(method, eps, tolerance, it, warmStart, keepPerRow, dropMass, cgTolerance, maxCg);
        }

        public Options withWarmStart(int w) {
            return new Options(method, eps, tolerance, maxIterations, w, keepPerRow, dropMass, cgTolerance, maxCg);
        }

        public Options withKeepPerRow(int keep) {
            return new Options(method, eps, tolerance, maxIterations, warmStart, keep, dropMass, cgTolerance, maxCg);
        }

        public Options withDropMass(double d) {
            return new Options(method, eps, tolerance, maxIterations, warmStart, keepPerRow, d, cgTolerance, maxCg);
        }

        public Options withCgTolerance(double t) {
            return new Options(method, eps, tolerance, maxIterations, warmStart, keepPerRow, dropMass, t, maxCg);
        }
    }

    private OtSolver() {
    }

    /**
     * Solves the problem.
     *
     * @param problem  weights and costs
     * @param options  method and settings
     * @param threads  threads to use (&ge; 1); the result does not depend on it
     * @param progress progress (one unit per iteration) and cancellation
     * @return the solution (converged or not: see {@link OtSolution#converged()})
     */
    public static OtSolution solve(OtProblem problem, Options options, int threads, Progress progress) {
        try (RowChunks rows = new RowChunks(problem.n(), threads)) {
            return new Run(problem, options, rows, progress).solve();
        }
    }

    private static final class Run {
        final OtProblem p;
        final Options o;
        final ScaledKernel s;
        final Progress progress;
        final int n;
        final int m;
        double[] history = new double[64];
        int it;
        double err;
        int newton;
        long cgIterations;
        int fallbacks;
        double colErr;
        final double[] uNew;
        final double[] colSum;

        Run(OtProblem p, Options o, RowChunks rows, Progress progress) {
            this.p = p;
            this.o = o;
            this.s = new ScaledKernel(p, o.eps(), rows);
            this.progress = progress;
            this.n = p.n();
            this.m = p.m();
            this.uNew = new double[n];
            this.colSum = new double[m];
        }

        void record(double e) {
            if (it > history.length) {
                history = Arrays.copyOf(history, 2 * history.length);
            }
            history[it - 1] = e;
        }

        OtSolution solve() {
            progress.begin(o.method() == Method.SNS ? "Sinkhorn-Newton-Sparse" : "Sinkhorn", o.maxIterations());
            // iteration 1: u = 1 and the column update on the plain kernel exp(-C/eps) when no row or column of it
            // underflows; otherwise exact log-domain half-steps from f = g = 0
            if (s.plainKernel()) {
                s.columnSums(colSum);
                sinkhornColumns();
            } else {
                s.logRows();
                s.logColumns();
                colErr = 0;
            }
            it = 1;
            progress.worked(1);
            int sinkhornUntil = o.method() == Method.SNS ? Math.min(o.warmStart(), o.maxIterations()) : o.maxIterations();
            sinkhorn(Math.max(1, sinkhornUntil));
            if (o.method() == Method.SNS && err > o.tolerance() && it < o.maxIterations()) {
                newton();
            }
            double[] costs = s.costs();
            return new OtSolution(s, o, Arrays.copyOf(history, it), it, err, err <= o.tolerance(), costs[0], costs[1],
                    s.dual(costs[2]), newton, cgIterations, fallbacks, s.passes);
        }

        /**
         * Sinkhorn iterations until the error is within tolerance or {@code until} iterations are done. On return
         * {@code err} is the error of the current iterate, recorded in the history.
         */
        void sinkhorn(int until) {
            while (true) {
                double rowErr = s.sinkhornRows(uNew, colSum);
                boolean safe = !Double.isNaN(rowErr);
                if (!safe) {   // the error of the current iterate still has to be known
                    rowErr = rowError();
                }
                err = rowErr + colErr;
                record(err);
                if (err <= o.tolerance() || it >= until) {
                    return;
                }
                sinkhornUpdate(safe);
            }
        }

        /** One Sinkhorn iteration after a fused pass ({@code safe}: uNew and colSum are valid). */
        void sinkhornUpdate(boolean safe) {
            if (safe) {
                System.arraycopy(uNew, 0, s.u, 0, n);
            } else {
                s.logRows();
                s.columnSums(colSum);
            }
            sinkhornColumns();
            it++;
            progress.worked(1);
        }

        /** The column update v = b / colSum (colSum = K^T u), or a log-domain column step where v would be unsafe. */
        void sinkhornColumns() {
            boolean vSafe = true;
            for (int j = 0; j < m && vSafe; j++) {
                double vj = s.b[j] / colSum[j];
                vSafe = vj >= 1 / ScaledKernel.SAFE && vj <= ScaledKernel.SAFE;
            }
            if (vSafe) {
                double ce = 0;
                for (int j = 0; j < m; j++) {
                    s.v[j] = s.b[j] / colSum[j];
                    ce += Math.abs(s.v[j] * colSum[j] - s.b[j]);
                }
                colErr = ce;
            } else {
                s.logColumns();
                colErr = 0;
            }
        }

        /** The L1 row error of the current iterate, by a plain pass (used only after an unsafe fused pass). */
        double rowError() {
            double[] r = new double[n];
            double[] kv = new double[n];
            double[] c = new double[m];
            s.marginals(r, kv, c, new TopK(n, m, 1, 1, s.rows.chunks()));
            double e = 0;
            for (int i = 0; i < n; i++) {
                e += Math.abs(r[i] - s.a[i]);
            }
            return e;
        }

        double marginalError(double[] r, double[] c) {
            double e = 0;
            for (int i = 0; i < n; i++) {
                e += Math.abs(r[i] - s.a[i]);
            }
            for (int j = 0; j < m; j++) {
                e += Math.abs(c[j] - s.b[j]);
            }
            return e;
        }

        void newton() {
            double[] r = new double[n];
            double[] kv = new double[n];
            double[] c = new double[m];
            TopK top = new TopK(n, m, o.keepPerRow(), o.dropMass(), s.rows.chunks());
            ScaledKernel.Trial trial = new ScaledKernel.Trial(n, m, o.keepPerRow(), o.dropMass(), s.rows.chunks());
            double[] dx = new double[n];
            double[] dy = new double[m];
            top.floor = FLOOR * err;
            s.marginals(r, kv, c, top);
            err = marginalError(r, c);   // the same iterate as the last recorded error
            int failures = 0;
            while (err > o.tolerance() && it < o.maxIterations()) {
                top.floor = FLOOR * err;
                trial.top.floor = FLOOR * err;
                boolean stepped = false;
                if (positive(r) && positive(c)) {
                    double slope = direction(r, c, top, dx, dy);
                    if (slope > 0) {
                        double alpha = 1;
                        for (int h = 0; h <= MAX_HALVINGS; h++, alpha *= 0.5) {
                            if (!inSafeRange(dx, dy, alpha)) {
                                s.absorbAndRebuild();
                                s.marginals(r, kv, c, top);
                                if (!inSafeRange(dx, dy, alpha)) {
                                    continue;
                                }
                            }
                            s.trial(dx, dy, alpha, kv, trial);
                            // Armijo on the dual; where the gain is below the rounding level of D (about 1e-14 of
                            // the unit mass) it is noise, and the marginal error must drop instead
                            if (trial.gain >= ARMIJO * alpha * slope
                                    && (ARMIJO * alpha * slope > GAIN_NOISE || marginalError(trial.r, trial.c) < err)) {
                                s.accept(trial);
                                System.arraycopy(trial.kv, 0, kv, 0, n);
                                System.arraycopy(trial.r, 0, r, 0, n);
                                System.arraycopy(trial.c, 0, c, 0, m);
                                top.copyFrom(trial.top);
                                stepped = true;
                                break;
                            }
                        }
                    }
                }
                if (stepped) {
                    failures = 0;
                    newton++;
                    it++;
                    progress.worked(1);
                    err = marginalError(r, c);
                    record(err);
                    continue;
                }
                // no acceptable Newton step: Sinkhorn iterations instead, 1, 2, 4, ... 256 after consecutive failures
                // (far from the optimum at tiny eps the quadratic model is poor), then a fresh pattern
                fallbacks++;
                int count = 1 << Math.min(failures, 8);
                failures++;
                for (int q = 0; q < count && it < o.maxIterations(); q++) {
                    double rowErr = s.sinkhornRows(uNew, colSum);
                    if (q > 0) {
                        err = (Double.isNaN(rowErr) ? rowError() : rowErr) + colErr;
                        record(err);
                        if (err <= o.tolerance()) {
                            break;
                        }
                    }
                    sinkhornUpdate(!Double.isNaN(rowErr));
                }
                s.marginals(r, kv, c, top);
                err = marginalError(r, c);
                record(err);
            }
        }

        static boolean positive(double[] x) {
            for (double e : x) {
                if (!(e > 0)) {
                    return false;
                }
            }
            return true;
        }

        boolean inSafeRange(double[] dx, double[] dy, double alpha) {
            for (int i = 0; i < n; i++) {
                if (Math.abs(Math.log(s.u[i]) + alpha * dx[i]) > ScaledKernel.LOG_SAFE) {
                    return false;
                }
            }
            for (int j = 0; j < m; j++) {
                if (Math.abs(Math.log(s.v[j]) + alpha * dy[j]) > ScaledKernel.LOG_SAFE) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The Newton direction in log-scaling units ({@code delta = M^-1 grad D}, with {@code M} the sparsified
         * {@code [[diag r, P~], [P~^T, diag c]]} and grad D = (a - r, b - c)), by Jacobi-preconditioned CG, with its
         * component along the invariant direction (1, -1) removed.
         *
         * @return the slope {@code grad D . delta} (positive for an ascent direction)
         */
        double direction(double[] r, double[] c, TopK top, double[] dx, double[] dy) {
            int keep = top.keep;
            int size = n + m;
            double[] rhs = new double[size];
            double[] diag = new double[size];
            for (int i = 0; i < n; i++) {
                rhs[i] = s.a[i] - r[i];
                diag[i] = r[i];
            }
            for (int j = 0; j < m; j++) {
                rhs[n + j] = s.b[j] - c[j];
                diag[n + j] = c[j];
            }
            // off-diagonal block P~_il = u_i K_il v_l on the kept pattern
            double[] pv = new double[n * keep];
            for (int i = 0; i < n; i++) {
                for (int q = 0; q < top.count[i]; q++) {
                    pv[i * keep + q] = s.u[i] * top.val[i * keep + q];
                }
            }
            double[] x = new double[size];
            double[] res = rhs.clone();
            double[] z = new double[size];
            double[] d = new double[size];
            double[] q = new double[size];
            double rhsNorm = Math.sqrt(dotv(rhs, rhs));
            for (int t = 0; t < size; t++) {
                z[t] = res[t] / diag[t];
                d[t] = z[t];
            }
            double rz = dotv(res, z);
            double forcing = Math.min(o.cgTolerance(), err);
            for (int iter = 0; iter < o.maxCg(); iter++) {
                multiply(diag, pv, top, d, q);
                double dq = dotv(d, q);
                if (!(dq > 0)) {
                    break;
                }
                double step = rz / dq;
                for (int t = 0; t < size; t++) {
                    x[t] += step * d[t];
                    res[t] -= step * q[t];
                }
                cgIterations++;
                if (Math.sqrt(dotv(res, res)) <= forcing * rhsNorm) {
                    break;
                }
                for (int t = 0; t < size; t++) {
                    z[t] = res[t] / diag[t];
                }
                double rzNew = dotv(res, z);
                double beta = rzNew / rz;
                rz = rzNew;
                for (int t = 0; t < size; t++) {
                    d[t] = z[t] + beta * d[t];
                }
            }
            double shift = 0;
            for (int i = 0; i < n; i++) {
                shift += x[i];
            }
            for (int j = 0; j < m; j++) {
                shift -= x[n + j];
            }
            shift /= size;
            for (int i = 0; i < n; i++) {
                dx[i] = x[i] - shift;
            }
            for (int j = 0; j < m; j++) {
                dy[j] = x[n + j] + shift;
            }
            double slope = 0;
            for (int i = 0; i < n; i++) {
                slope += rhs[i] * dx[i];
            }
            for (int j = 0; j < m; j++) {
                slope += rhs[n + j] * dy[j];
            }
            return slope;
        }

        private void multiply(double[] diag, double[] pv, TopK top, double[] in, double[] out) {
            int keep = top.keep;
            for (int t = 0; t < n + m; t++) {
                out[t] = diag[t] * in[t];
            }
            for (int i = 0; i < n; i++) {
                double acc = 0;
                double xi = in[i];
                for (int q = 0, cnt = top.count[i]; q < cnt; q++) {
                    int l = i * keep + q;
                    int col = n + top.col[l];
                    acc += pv[l] * in[col];
                    out[col] += pv[l] * xi;
                }
                out[i] += acc;
            }
        }

        private static double dotv(double[] x, double[] y) {
            double sum = 0;
            for (int t = 0; t < x.length; t++) {
                sum += x[t] * y[t];
            }
            return sum;
        }
    }
}
