package org.quire.fbm.math;

import java.util.SplittableRandom;

/**
 * Fractional Ornstein–Uhlenbeck paths dX = −θ X dt + σ dB_H on t_j = jΔ, j = 0..n, X(0) = x0, driven by exact fBM
 * increments (Davies–Harte, standard scaling Var B(t) = t^{2H}): X_{j+1} = e^{−θΔ} X_j + σ ΔB_j, the exponential
 * Euler scheme (exact decay, noise increment not discounted within a step; weak error O(Δ)). Thread-safe.
 */
public final class FouSimulator {

    private final FgnGenerator noise;
    private final double dt;
    private final double theta;
    private final double sigma;
    private final double x0;

    /**
     * @param hurst H in (0, 1)
     * @param steps n &ge; 1
     * @param dt    Δ &gt; 0
     * @param theta mean reversion θ &ge; 0 (θ = 0 gives σ·fBM)
     * @param sigma noise scale σ &gt; 0
     * @param x0    start value
     */
    public FouSimulator(double hurst, int steps, double dt, double theta, double sigma, double x0) {
        if (!(dt > 0) || !(theta >= 0) || !(sigma > 0)) {
            throw new IllegalArgumentException("fOU needs dt > 0, theta >= 0 and sigma > 0, got dt=" + dt + ", theta="
                    + theta + ", sigma=" + sigma);
        }
        this.noise = FgnGenerator.of(steps, hurst, FgnGenerator.Method.DAVIES_HARTE);
        this.dt = dt;
        this.theta = theta;
        this.sigma = sigma;
        this.x0 = x0;
    }

    /** One path X(t_0..t_n), n + 1 values. */
    public double[] sample(SplittableRandom random) {
        double[] g = noise.sample(random);
        double scale = sigma * Math.pow(dt, noise.hurst());
        double decay = Math.exp(-theta * dt);
        double[] x = new double[g.length + 1];
        x[0] = x0;
        for (int j = 0; j < g.length; j++) {
            x[j + 1] = decay * x[j] + scale * g[j];
        }
        return x;
    }

    /** The noise generator (for its eigenvalue diagnostics). */
    public FgnGenerator noise() {
        return noise;
    }
}
