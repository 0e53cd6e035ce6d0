package org.quire.fbm.math;

import org.hipparchus.special.Gamma;

/**
 * The Markov approximation B̂(t) = Σ_k ω_k Y_k(t) of type I or II fBM by OU processes dY_k = −γ_k Y_k dt + dW
 * (type I uses Y_k(t) − Y_k(0) with stationary Y(0)), with the weights ω that minimise
 * E∫_0^T (B − B̂)² dt = ωᵀAω − 2bᵀω + c (Daems et al. 2024, Prop. 5; spec §1.4). Immutable and thread-safe.
 */
public final class MarkovApproximation {

    private final FbmType type;
    private final double hurst;
    private final double horizon;
    private final GammaGrid grid;
    private final double[] omega;
    private final double relativeError;

    private MarkovApproximation(FbmType type, double hurst, double horizon, GammaGrid grid, double[] omega,
            double relativeError) {
        this.type = type;
        this.hurst = hurst;
        this.horizon = horizon;
        this.grid = grid;
        this.omega = omega;
        this.relativeError = relativeError;
    }

    /**
     * The optimal weights on [0, horizon] for H in (0, 1), horizon &gt; 0 and a grid of positive speeds: solves
     * A ω = b (Cholesky with refinement; e^z Q(a, z) by continued fraction, so large γ·T never overflows).
     */
    public static MarkovApproximation optimal(FbmType type, double hurst, double horizon, GammaGrid grid) {
        checkArguments(type, hurst, horizon);
        checkPositive(grid);
        double[][] a = matrixA(type, horizon, grid);
        double[] b = vectorB(type, hurst, horizon, grid);
        double c = constantC(type, hurst, horizon);
        SpdSolver solver = new SpdSolver(a);
        double[] w = solver.solve(b);
        double error = cost(a, b, c, w) / c;
        if (solver.jitter() > 0 || !(error >= 0)) {
            // rounding has made A numerically indefinite (very wide grids): drop the unresolvable directions
            double[] wt = SpdSolver.truncatedSolve(a, b, 1e-14);
            double et = cost(a, b, c, wt) / c;
            if (et >= 0 && (!(error >= 0) || et < error)) {
                w = wt;
                error = et;
            }
        }
        return new MarkovApproximation(type, hurst, horizon, grid, w, error);
    }

    /**
     * An approximation with given weights (e.g. the BM limit γ = {0}, ω = {1}); its relative error is evaluated
     * against (type, hurst) on [0, horizon] (needs positive speeds; NaN when a speed is 0).
     */
    public static MarkovApproximation withWeights(FbmType type, double hurst, double horizon, GammaGrid grid,
            double[] omega) {
        checkArguments(type, hurst, horizon);
        if (omega.length != grid.size()) {
            throw new IllegalArgumentException("need " + grid.size() + " weights, got " + omega.length);
        }
        double[] w = omega.clone();
        double error = Double.NaN;
        if (grid.gamma(0) > 0) {
            double c = constantC(type, hurst, horizon);
            error = cost(matrixA(type, horizon, grid), vectorB(type, hurst, horizon, grid), c, w) / c;
        }
        return new MarkovApproximation(type, hurst, horizon, grid, w, error);
    }

    /** The same approximation with every ω_k multiplied by {@code factor} (the relative error is kept as computed for the un-scaled kernel). */
    public MarkovApproximation scaled(double factor) {
        double[] w = omega.clone();
        for (int i = 0; i < w.length; i++) {
            w[i] *= factor;
        }
        return new MarkovApproximation(type, hurst, horizon, grid, w, relativeError);
    }

    /** A copy of the weights ω_1..ω_K. */
    public double[] omega() {
        return omega.clone();
    }

    /** The relative mean-square error (ωᵀAω − 2bᵀω + c)/c of the optimal (un-scaled) weights over [0, horizon]. */
    public double relativeError() {
        return relativeError;
    }

    /** Var B̂(t) = ωᵀ M(t) ω for t &ge; 0 (spec §5.2). */
    public double variance(double t) {
        double[][] m = covarianceMatrix(type, t, grid);
        double s = 0;
        for (int i = 0; i < omega.length; i++) {
            for (int j = 0; j < omega.length; j++) {
                s += omega[i] * m[i][j] * omega[j];
            }
        }
        return s;
    }

    /**
     * dω/dH at this H with A factored once: A^{-1} ∂b/∂H, ∂b/∂H by central differences (step 1e-5);
     * only defined for approximations built by {@link #optimal}.
     */
    public double[] omegaDerivative() {
        checkPositive(grid);
        double h = 1e-5;
        double lo = Math.max(1e-9, hurst - h);
        double hi = Math.min(1 - 1e-9, hurst + h);
        double[] bp = vectorB(type, hi, horizon, grid);
        double[] bm = vectorB(type, lo, horizon, grid);
        double[] db = new double[bp.length];
        for (int i = 0; i < db.length; i++) {
            db[i] = (bp[i] - bm[i]) / (hi - lo);
        }
        return new SpdSolver(matrixA(type, horizon, grid)).solve(db);
    }

    /** The exact variance of the un-normalised type I/II fBM at time t &ge; 0 (spec §1.1). */
    public static double exactVariance(FbmType type, double hurst, double t) {
        checkHurst(hurst);
        double t2h = Math.pow(t, 2 * hurst);
        if (type == FbmType.TYPE_I) {
            return t2h / (Gamma.gamma(2 * hurst + 1) * Math.sin(Math.PI * hurst));
        }
        double g = Gamma.gamma(hurst + 0.5);
        return t2h / (2 * hurst * g * g);
    }

    /** The factor 1/√Var B(1) that turns the un-normalised process into standard fBM with Var B(t) = t^{2H}. */
    public static double normalisation(FbmType type, double hurst) {
        return 1 / Math.sqrt(exactVariance(type, hurst, 1));
    }

    /** The K×K Gram matrix A over [0, T] (independent of H). */
    public static double[][] matrixA(FbmType type, double horizon, GammaGrid grid) {
        int k = grid.size();
        double t = horizon;
        double[][] a = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double gi = grid.gamma(i);
                double gj = grid.gamma(j);
                double g = gi + gj;
                if (type == FbmType.TYPE_II) {
                    a[i][j] = t * t * phi2(g * t);
                } else if (g == 0) {
                    a[i][j] = t * t * 0.5; // both speeds 0: Y(t) − Y(0) = W(t), ∫ t dt
                } else {
                    // [2T − (1 − e^{−γ_i T})/γ_i − (1 − e^{−γ_j T})/γ_j]/g_ij without cancellation
                    a[i][j] = t * t * (gi * phi2(gi * t) + gj * phi2(gj * t)) / g;
                }
            }
        }
        return a;
    }

    /** The vector b_k = ∫_0^T E[B(t) Y'_k(t)] dt for positive speeds. */
    public static double[] vectorB(FbmType type, double hurst, double horizon, GammaGrid grid) {
        checkHurst(hurst);
        checkPositive(grid);
        double alpha = hurst + 0.5;
        double t = horizon;
        double[] b = new double[grid.size()];
        for (int k = 0; k < b.length; k++) {
            double g = grid.gamma(k);
            double z = g * t;
            if (type == FbmType.TYPE_II) {
                b[k] = t * Math.pow(g, -alpha) * IncompleteGamma.regularizedP(alpha, z)
                        - alpha * Math.pow(g, -alpha - 1) * IncompleteGamma.regularizedP(alpha + 1, z);
            } else if (z < 1) {
                b[k] = typeOneSmallSpeed(alpha, t, g);
            } else {
                b[k] = 2 * t * Math.pow(g, -alpha) - Math.pow(t, alpha) / (g * Gamma.gamma(alpha + 1))
                        + (Math.exp(-z) - IncompleteGamma.expZRegularizedQ(alpha, z)) / Math.pow(g, alpha + 1);
            }
        }
        return b;
    }

    /**
     * Type I b_k for z = γT &lt; 1, where the closed form cancels catastrophically (its terms grow like γ^{−α−1}):
     * with e^{−z} − e^z Q(α, z) = −2 sinh z + z^α S(z)/Γ(α), S(z) = Σ_n z^n/(α(α+1)…(α+n)), the two leading
     * terms cancel exactly, leaving (T^α/Γ(α)) Σ_{n≥1} T^n γ^{n−1}/(α…(α+n)) − 2 Σ_{m≥1} T^{2m+1} γ^{2m−α}/(2m+1)!.
     */
    private static double typeOneSmallSpeed(double alpha, double t, double g) {
        double z = g * t;
        double first = 0;
        double term = t / (alpha * (alpha + 1)); // n = 1: T^1 γ^0 / (α(α+1))
        for (int n = 1; n < 200 && Math.abs(term) > 1e-18 * Math.abs(first); n++) {
            first += term;
            term *= z / (alpha + n + 1);
        }
        first *= Math.pow(t, alpha) / Gamma.gamma(alpha);
        double second = 0;
        double s = Math.pow(t, 3) * Math.pow(g, 2 - alpha) / 6; // m = 1
        for (int m = 1; m < 200 && Math.abs(s) > 1e-18 * Math.abs(second); m++) {
            second += s;
            s *= z * z / ((2 * m + 2) * (2 * m + 3));
        }
        return first - 2 * second;
    }

    /** c = ∫_0^T Var B(t) dt. */
    public static double constantC(FbmType type, double hurst, double horizon) {
        checkHurst(hurst);
        return exactVariance(type, hurst, 1) * Math.pow(horizon, 2 * hurst + 1) / (2 * hurst + 1);
    }

    /** M(t) with Var B̂(t) = ωᵀ M(t) ω: type I (2 − e^{−γ_i t} − e^{−γ_j t})/g_ij, type II (1 − e^{−g_ij t})/g_ij. */
    public static double[][] covarianceMatrix(FbmType type, double t, GammaGrid grid) {
        int k = grid.size();
        double[][] m = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double gi = grid.gamma(i);
                double gj = grid.gamma(j);
                double g = gi + gj;
                if (type == FbmType.TYPE_II) {
                    m[i][j] = t * phi1(g * t);
                } else if (g == 0) {
                    m[i][j] = t; // γ → 0 limit: Y(t) − Y(0) = W(t)
                } else {
                    m[i][j] = (-Math.expm1(-gi * t) - Math.expm1(-gj * t)) / g;
                }
            }
        }
        return m;
    }

    /** ωᵀAω − 2bᵀω + c summed with error-free products (fma) and Neumaier compensation: the terms cancel heavily. */
    private static double cost(double[][] a, double[] b, double c, double[] w) {
        double sum = c;
        double comp = 0;
        for (int i = 0; i < w.length; i++) {
            double lin = -2 * b[i] * w[i];
            double linErr = Math.fma(-2 * b[i], w[i], -lin);
            double[] pair = {lin, linErr};
            for (double t : pair) {
                double s = sum + t;
                comp += Math.abs(sum) >= Math.abs(t) ? (sum - s) + t : (t - s) + sum;
                sum = s;
            }
            for (int j = 0; j < w.length; j++) {
                double aw = a[i][j] * w[j];
                double awErr = Math.fma(a[i][j], w[j], -aw);
                double p = w[i] * aw;
                double[] parts = {p, Math.fma(w[i], aw, -p), w[i] * awErr};
                for (double t : parts) {
                    double s = sum + t;
                    comp += Math.abs(sum) >= Math.abs(t) ? (sum - s) + t : (t - s) + sum;
                    sum = s;
                }
            }
        }
        return sum + comp;
    }

    /** (1 − e^{−x})/x, 1 at x = 0. */
    static double phi1(double x) {
        return Math.abs(x) < 1e-8 ? 1 - x / 2 : -Math.expm1(-x) / x;
    }

    /** (x − 1 + e^{−x})/x², ½ at x = 0 (series below 1e-3 to avoid cancellation). */
    static double phi2(double x) {
        if (Math.abs(x) < 1e-3) {
            return 0.5 - x / 6 + x * x / 24 - x * x * x / 120;
        }
        return (x + Math.expm1(-x)) / (x * x);
    }

    private static void checkArguments(FbmType type, double hurst, double horizon) {
        if (type == null) {
            throw new IllegalArgumentException("type must be given");
        }
        checkHurst(hurst);
        if (!(horizon > 0) || Double.isInfinite(horizon)) {
            throw new IllegalArgumentException("horizon must be finite and > 0, got " + horizon);
        }
    }

    private static void checkHurst(double hurst) {
        if (!(hurst > 0 && hurst < 1)) {
            throw new IllegalArgumentException("hurst must lie in (0, 1), got " + hurst);
        }
    }

    private static void checkPositive(GammaGrid grid) {
        if (!(grid.gamma(0) > 0)) {
            throw new IllegalArgumentException("optimal weights need positive speeds, got " + grid);
        }
    }

    /** The type. */
    public FbmType type() {
        return type;
    }

    /** The Hurst index H in (0, 1). */
    public double hurst() {
        return hurst;
    }

    /** The horizon T over which ω was optimised. */
    public double horizon() {
        return horizon;
    }

    /** The OU speed grid. */
    public GammaGrid grid() {
        return grid;
    }
}
