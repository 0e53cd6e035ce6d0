package org.quire.fbm.math;

import java.util.SplittableRandom;

import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * Paths of the MA-fBM B̂(t) = Σ_k ω_k (Y_k(t) − Y_k(0)) (type I, Y(0) ~ N(0, 1/(γ_i+γ_j))) or Σ_k ω_k Y_k(t)
 * (type II, Y(0) = 0) on the grid t_j = jΔ, j = 0..n, for OU processes dY_k = −γ_k Y_k dt + dW sharing one W.
 * {@link Stepper#EXACT}: Y_{j+1} = e^{−γΔ}Y_j + ξ_j with ξ ~ N(0, (1 − e^{−g_ikΔ})/g_ik) exactly (K Gaussians per
 * step, any Δ); {@link Stepper#EULER}: Euler–Maruyama with one shared ΔW (1 Gaussian per step, needs γ_max·Δ &lt; 0.5,
 * the official code's {@code check_dt}). Immutable and thread-safe; each path uses only its own random stream.
 */
public final class MaFbmSimulator {

    /** The OU time stepper. */
    public enum Stepper {
        /** Exact Gaussian OU transition (recommended by the spec; no step-size restriction). */
        EXACT,
        /** Euler–Maruyama with the shared Brownian increment, as in the official code. */
        EULER
    }

    private final MarkovApproximation approximation;
    private final int steps;
    private final double dt;
    private final Stepper stepper;
    private final double[] gamma;
    private final double[] omega;
    private final double[] decay;
    private final double[][] noiseRoot; // R with R Rᵀ = step covariance (EXACT)
    private final double[][] initialRoot; // stationary covariance root (type I)

    /**
     * @param approximation γ grid, ω and type (ω as given: scale it for normalised output)
     * @param steps         n &ge; 1 steps
     * @param dt            Δ &gt; 0
     * @param stepper       the stepper; EULER requires γ_max·Δ &lt; 0.5
     */
    public MaFbmSimulator(MarkovApproximation approximation, int steps, double dt, Stepper stepper) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("dt must be finite and > 0, got " + dt);
        }
        GammaGrid grid = approximation.grid();
        if (stepper == Stepper.EULER && !(grid.max() * dt < 0.5)) {
            throw new IllegalArgumentException("the Euler stepper needs gammaMax*dt < 0.5, got " + grid.max() + "*" + dt
                    + " = " + grid.max() * dt + "; use the exact stepper or more steps");
        }
        if (approximation.type() == FbmType.TYPE_I && !(grid.gamma(0) > 0)) {
            throw new IllegalArgumentException("type I needs positive speeds (stationary start), got " + grid);
        }
        this.approximation = approximation;
        this.steps = steps;
        this.dt = dt;
        this.stepper = stepper;
        this.gamma = grid.gammas();
        this.omega = approximation.omega();
        int k = gamma.length;
        this.decay = new double[k];
        double[][] step = new double[k][k];
        double[][] stationary = new double[k][k];
        for (int i = 0; i < k; i++) {
            decay[i] = Math.exp(-gamma[i] * dt);
            for (int j = 0; j < k; j++) {
                double g = gamma[i] + gamma[j];
                step[i][j] = dt * MarkovApproximation.phi1(g * dt);
                stationary[i][j] = g > 0 ? 1 / g : 0;
            }
        }
        this.noiseRoot = stepper == Stepper.EXACT ? root(step) : null;
        this.initialRoot = approximation.type() == FbmType.TYPE_I ? root(stationary) : null;
    }

    /** One path B̂(t_0..t_n) (n + 1 values, B̂(0) = 0) drawn from {@code random}. */
    public double[] sample(SplittableRandom random) {
        int k = gamma.length;
        double[] y = new double[k];
        double offset = 0;
        if (initialRoot != null) {
            double[] z = gaussians(random, k);
            for (int i = 0; i < k; i++) {
                double s = 0;
                for (int j = 0; j < k; j++) {
                    s += initialRoot[i][j] * z[j];
                }
                y[i] = s;
                offset += omega[i] * s;
            }
        }
        double[] path = new double[steps + 1];
        double[] z = new double[k];
        if (stepper == Stepper.EXACT) {
            for (int t = 1; t <= steps; t++) {
                for (int j = 0; j < k; j++) {
                    z[j] = random.nextGaussian();
                }
                double b = 0;
                for (int i = 0; i < k; i++) {
                    double[] r = noiseRoot[i];
                    double s = decay[i] * y[i];
                    for (int j = 0; j < k; j++) {
                        s += r[j] * z[j];
                    }
                    y[i] = s;
                    b += omega[i] * s;
                }
                path[t] = b - offset;
            }
        } else {
            double sq = Math.sqrt(dt);
            for (int t = 1; t <= steps; t++) {
                double dw = sq * random.nextGaussian();
                double b = 0;
                for (int i = 0; i < k; i++) {
                    double s = y[i] - gamma[i] * y[i] * dt + dw;
                    y[i] = s;
                    b += omega[i] * s;
                }
                path[t] = b - offset;
            }
        }
        return path;
    }

    /** The approximation simulated. */
    public MarkovApproximation approximation() {
        return approximation;
    }

    /** The stepper. */
    public Stepper stepper() {
        return stepper;
    }

    /** Number of steps n. */
    public int steps() {
        return steps;
    }

    /** Step Δ. */
    public double dt() {
        return dt;
    }

    private static double[] gaussians(SplittableRandom random, int k) {
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            z[i] = random.nextGaussian();
        }
        return z;
    }

    /** V·√max(Λ, 0) for a symmetric positive semi-definite (possibly numerically singular) matrix. */
    private static double[][] root(double[][] s) {
        int k = s.length;
        RealMatrix m = MatrixUtils.createRealMatrix(s);
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(m);
        double[] values = eig.getEigenvalues();
        double[][] r = new double[k][k];
        for (int c = 0; c < k; c++) {
            double sv = Math.sqrt(Math.max(values[c], 0));
            for (int i = 0; i < k; i++) {
                r[i][c] = eig.getEigenvector(c).getEntry(i) * sv;
            }
        }
        return r;
    }
}
