package org.quire.fbm.fit;

import org.quire.fbm.math.FbmType;

/**
 * The fractional Ornstein–Uhlenbeck SDE dX = −θ(X − μ) dt + σ dB̂_H driven by MA-fBM B̂ = Σ_k ω_k (Y_k − Y_k(0)),
 * dY_k = −γ_k Y_k dt + dW, written as the linear SDE dZ = (A Z + c) dt + G dW of the augmented state
 * Z = (X, Y_1, …, Y_K) (spec §1.5): A_00 = −θ, A_0k = −σ ω_k γ_k, A_kk = −γ_k, c_0 = θμ, G_0 = σ Σω_k, G_k = 1.
 * Time is in the model's own unit; θ and γ in 1/time. Immutable and thread-safe.
 */
public final class LinearMaFbmSde {

    private final FbmType type;
    private final double theta;
    private final double mu;
    private final double sigma;
    private final double[] gamma;
    private final double[] omega;

    /**
     * @param type  type I (stationary Y(0) ~ N(0, Σ), Σ_ij = 1/(γ_i+γ_j)) or type II (Y(0) = 0)
     * @param theta mean-reversion rate θ &ge; 0
     * @param mu    long-run mean μ
     * @param sigma diffusion coefficient σ &gt; 0 of the un-normalised MA-fBM
     * @param gamma OU speeds γ_k &gt; 0 (type I) or &ge; 0 (type II)
     * @param omega weights ω_k, same length as gamma
     */
    public LinearMaFbmSde(FbmType type, double theta, double mu, double sigma, double[] gamma, double[] omega) {
        if (gamma.length != omega.length || gamma.length == 0) {
            throw new IllegalArgumentException("gamma and omega must have the same non-zero length, got "
                    + gamma.length + " and " + omega.length);
        }
        if (!(theta >= 0) || !(sigma > 0) || !Double.isFinite(mu) || Double.isInfinite(theta) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("need theta >= 0, sigma > 0 and a finite mu, got theta=" + theta
                    + ", sigma=" + sigma + ", mu=" + mu);
        }
        for (int k = 0; k < gamma.length; k++) {
            if (!(gamma[k] > 0 || (type == FbmType.TYPE_II && gamma[k] == 0)) || !Double.isFinite(omega[k])) {
                throw new IllegalArgumentException("gamma[" + k + "]=" + gamma[k] + " / omega[" + k + "]=" + omega[k]
                        + " not allowed for " + type);
            }
        }
        this.type = type;
        this.theta = theta;
        this.mu = mu;
        this.sigma = sigma;
        this.gamma = gamma.clone();
        this.omega = omega.clone();
    }

    /** The exact transition over a time step: Z(t+Δ) = Φ Z(t) + offset + ξ, ξ ~ N(0, Q). */
    public record Transition(double[][] phi, double[] offset, double[][] q) {
    }

    /** Dimension of Z, K + 1. */
    public int dimension() {
        return gamma.length + 1;
    }

    public FbmType type() {
        return type;
    }

    public double theta() {
        return theta;
    }

    public double mu() {
        return mu;
    }

    public double sigma() {
        return sigma;
    }

    /** A copy of the OU speeds. */
    public double[] gamma() {
        return gamma.clone();
    }

    /** A copy of the weights. */
    public double[] omega() {
        return omega.clone();
    }

    /** The drift matrix A. */
    public double[][] driftMatrix() {
        int d = dimension();
        double[][] a = new double[d][d];
        a[0][0] = -theta;
        for (int k = 0; k < gamma.length; k++) {
            a[0][k + 1] = -sigma * omega[k] * gamma[k];
            a[k + 1][k + 1] = -gamma[k];
        }
        return a;
    }

    /** The constant drift c. */
    public double[] driftConstant() {
        double[] c = new double[dimension()];
        c[0] = theta * mu;
        return c;
    }

    /** The noise loading G of the single driving Brownian motion. */
    public double[] noiseLoading() {
        double[] g = new double[dimension()];
        double sum = 0;
        for (int k = 0; k < omega.length; k++) {
            sum += omega[k];
            g[k + 1] = 1;
        }
        g[0] = sigma * sum;
        return g;
    }

    /** Covariance of (Y_1(0), …, Y_K(0)): Σ_ij = 1/(γ_i+γ_j) for type I, zero for type II. */
    public double[][] initialOuCovariance() {
        int k = gamma.length;
        double[][] s = new double[k][k];
        if (type == FbmType.TYPE_I) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    s[i][j] = 1.0 / (gamma[i] + gamma[j]);
                }
            }
        }
        return s;
    }

    /**
     * The exact transition over {@code dt} &gt; 0: Φ = e^{AΔ}, offset = ∫_0^Δ e^{As} c ds and
     * Q = ∫_0^Δ e^{As} G Gᵀ e^{Aᵀs} ds. Van Loan's block exponential is evaluated on δ = Δ/2^s with ‖A‖δ &le; ½
     * (where its e^{−Aδ} block cannot blow up), then doubled s times: Φ(2δ) = Φ(δ)², Q(2δ) = Φ(δ)Q(δ)Φ(δ)ᵀ + Q(δ),
     * offset(2δ) = Φ(δ)·offset(δ) + offset(δ). Stable for stiff grids (γ_K·Δ ≫ 1).
     */
    public Transition transition(double dt) {
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("time step must be finite and > 0, got " + dt);
        }
        int d = dimension();
        double[][] a = driftMatrix();
        double[] c = driftConstant();
        double[] g = noiseLoading();
        double norm = 0;
        for (double[] row : a) {
            double r = 0;
            for (double v : row) {
                r += Math.abs(v);
            }
            norm = Math.max(norm, r);
        }
        int doublings = norm * dt <= 0.5 ? 0 : (int) Math.ceil(Math.log(norm * dt / 0.5) / Math.log(2));
        double delta = Math.scalb(dt, -doublings);
        // Van Loan: exp([[-A, G G^T, 0], [0, A^T, 0], ...]) gives Phi = F22^T, Q = Phi F12; the offset comes from
        // exp([[A, c], [0, 0]] delta), whose last column is the offset.
        double[][] m = new double[2 * d][2 * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                m[i][j] = -a[i][j] * delta;
                m[i][d + j] = g[i] * g[j] * delta;
                m[d + i][d + j] = a[j][i] * delta;
            }
        }
        double[][] e = MatrixExponential.exp(m);
        double[][] phi = new double[d][d];
        double[][] f12 = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                phi[i][j] = e[d + j][d + i];
                f12[i][j] = e[i][d + j];
            }
        }
        double[][] q = MatrixExponential.multiply(phi, f12);
        symmetrise(q);
        double[][] b = new double[d + 1][d + 1];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                b[i][j] = a[i][j] * delta;
            }
            b[i][d] = c[i] * delta;
        }
        double[][] eb = MatrixExponential.exp(b);
        double[] offset = new double[d];
        for (int i = 0; i < d; i++) {
            offset[i] = eb[i][d];
        }
        for (int s = 0; s < doublings; s++) {
            double[][] phiQ = MatrixExponential.multiply(phi, q);
            double[][] q2 = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double v = q[i][j];
                    for (int k = 0; k < d; k++) {
                        v += phiQ[i][k] * phi[j][k];
                    }
                    q2[i][j] = v;
                }
            }
            symmetrise(q2);
            double[] off2 = new double[d];
            for (int i = 0; i < d; i++) {
                double v = offset[i];
                for (int k = 0; k < d; k++) {
                    v += phi[i][k] * offset[k];
                }
                off2[i] = v;
            }
            phi = MatrixExponential.multiply(phi, phi);
            q = q2;
            offset = off2;
        }
        return new Transition(phi, offset, q);
    }

    private static void symmetrise(double[][] q) {
        for (int i = 0; i < q.length; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (q[i][j] + q[j][i]);
                q[i][j] = s;
                q[j][i] = s;
            }
        }
    }
}
