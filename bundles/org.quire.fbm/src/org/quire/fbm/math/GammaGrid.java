package org.quire.fbm.math;

import java.util.Arrays;

/** The increasing OU speeds γ_1 &lt; … &lt; γ_K (1/time units, γ_k &ge; 0) of a Markov approximation. Immutable. */
public final class GammaGrid {

    private final double[] gammas;

    private GammaGrid(double[] gammas) {
        if (gammas.length == 0) {
            throw new IllegalArgumentException("a gamma grid needs at least one speed");
        }
        for (int i = 0; i < gammas.length; i++) {
            if (!(gammas[i] >= 0) || Double.isInfinite(gammas[i])) {
                throw new IllegalArgumentException("gamma[" + i + "] must be finite and >= 0, got " + gammas[i]);
            }
            if (i > 0 && !(gammas[i] > gammas[i - 1])) {
                throw new IllegalArgumentException("gammas must increase strictly, got " + Arrays.toString(gammas));
            }
        }
        this.gammas = gammas;
    }

    /**
     * The official code's {@code gamma_by_gamma_max}: γ_k = r^{k−n}, n = (K+1)/2, r = γmax^{2/(K−1)}, so that
     * γ_1 = 1/γmax and γ_K = γmax (K = 1 gives {1}).
     */
    public static GammaGrid symmetric(int k, double gammaMax) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (!(gammaMax > 1) || Double.isInfinite(gammaMax)) {
            throw new IllegalArgumentException("gammaMax must be finite and > 1, got " + gammaMax);
        }
        return k == 1 ? new GammaGrid(new double[] {1}) : ratio(k, Math.pow(gammaMax, 2.0 / (k - 1)));
    }

    /** A grid with fixed ratio r &gt; 1 between neighbours, symmetric in log space around 1 (γ_k = r^{k−(K+1)/2}); widens with K. */
    public static GammaGrid ratio(int k, double r) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (!(r > 1) || Double.isInfinite(r)) {
            throw new IllegalArgumentException("ratio must be finite and > 1, got " + r);
        }
        double n = (k + 1) / 2.0;
        double[] g = new double[k];
        for (int i = 0; i < k; i++) {
            g[i] = Math.pow(r, (i + 1) - n);
        }
        return new GammaGrid(g);
    }

    /** A custom grid; the speeds must be finite, &ge; 0 and strictly increasing. */
    public static GammaGrid of(double... gammas) {
        return new GammaGrid(gammas.clone());
    }

    /** A copy of the speeds. */
    public double[] gammas() {
        return gammas.clone();
    }

    /** γ_i without copying. */
    public double gamma(int i) {
        return gammas[i];
    }

    /** K, the number of speeds. */
    public int size() {
        return gammas.length;
    }

    /** The largest speed γ_K. */
    public double max() {
        return gammas[gammas.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GammaGrid g && Arrays.equals(gammas, g.gammas);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(gammas);
    }

    @Override
    public String toString() {
        return "GammaGrid" + Arrays.toString(gammas);
    }
}
