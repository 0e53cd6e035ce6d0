package org.quire.fbm.fit;

import java.util.SplittableRandom;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;

/**
 * The exact one-step law of K OU processes dY_k = (−γ_k Y_k + u) dt + dW sharing one Brownian motion, with u held
 * constant over the step h: Y_k(t+h) = e^{−γ_k h} Y_k + u (1 − e^{−γ_k h})/γ_k + ξ_k, where (ΔW, ξ_1..ξ_K) is
 * Gaussian with Var ΔW = h, Cov(ΔW, ξ_k) = (1 − e^{−γ_k h})/γ_k and Cov(ξ_i, ξ_j) = (1 − e^{−(γ_i+γ_j) h})/(γ_i+γ_j)
 * (spec §1.6, the recommended exact OU step; no γ·h restriction). Immutable and thread-safe.
 */
public final class OuStepNoise {

    private final double[] decay;
    private final double[] gain;
    private final double[][] factor;

    /** @param gamma OU speeds &ge; 0; @param h step &gt; 0 */
    public OuStepNoise(double[] gamma, double h) {
        int k = gamma.length;
        decay = new double[k];
        gain = new double[k];
        double[][] cov = new double[k + 1][k + 1];
        cov[0][0] = h;
        for (int i = 0; i < k; i++) {
            decay[i] = Math.exp(-gamma[i] * h);
            gain[i] = gamma[i] == 0 ? h : -Math.expm1(-gamma[i] * h) / gamma[i];
            cov[0][i + 1] = gain[i];
            cov[i + 1][0] = gain[i];
            for (int j = 0; j < k; j++) {
                double g = gamma[i] + gamma[j];
                cov[i + 1][j + 1] = g == 0 ? h : -Math.expm1(-g * h) / g;
            }
        }
        // symmetric square root through the eigen-decomposition (the covariance is nearly singular for close speeds)
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(cov, false));
        RealMatrix v = eig.getV();
        double[] lambda = eig.getEigenvalues();
        factor = new double[k + 1][k + 1];
        for (int i = 0; i <= k; i++) {
            for (int j = 0; j <= k; j++) {
                factor[i][j] = v.getEntry(i, j) * Math.sqrt(Math.max(0, lambda[j]));
            }
        }
    }

    /** e^{−γ_k h}. */
    public double decay(int k) {
        return decay[k];
    }

    /** (1 − e^{−γ_k h})/γ_k (h when γ_k = 0): how a constant control enters Y_k over the step. */
    public double gain(int k) {
        return gain[k];
    }

    /** Number of OU processes K. */
    public int size() {
        return decay.length;
    }

    /** Draws (ΔW, ξ_1, …, ξ_K) into {@code out} (length K + 1) from K + 1 standard normals of {@code random}. */
    public void sample(SplittableRandom random, double[] out) {
        int n = out.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = StandardNormal.next(random);
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += factor[i][j] * z[j];
            }
            out[i] = s;
        }
    }
}
