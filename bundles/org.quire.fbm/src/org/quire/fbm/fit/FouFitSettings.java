package org.quire.fbm.fit;

import org.quire.fbm.math.FbmType;

/**
 * Settings of the parametric fOU fit.
 *
 * @param type         MA-fBM type (type I: stationary increments, the default; type II: Riemann–Liouville)
 * @param ouCount      K, the number of OU processes (&ge; 2)
 * @param gammaFactor  c &ge; 1: the OU speeds form a geometric grid from 1/(c·span) to c/Δ (Δ the mean interval)
 * @param steps        Adam steps (&ge; 1)
 * @param learningRate initial Adam step size on the unconstrained parameters (cosine-decayed to a tenth)
 * @param learnNoise   whether the observation noise is learned (else fixed at {@code noise})
 * @param noise        initial or fixed observation noise, in units of the standard deviation of the first
 *                     differences of the data (&ge; 0; 0 only when fixed)
 */
public record FouFitSettings(FbmType type, int ouCount, double gammaFactor, int steps, double learningRate,
        boolean learnNoise, double noise) {

    public FouFitSettings {
        if (ouCount < 2 || !(gammaFactor >= 1) || Double.isInfinite(gammaFactor) || steps < 1 || !(learningRate > 0)
                || !(noise >= 0) || Double.isInfinite(noise) || (learnNoise && noise == 0)) {
            throw new IllegalArgumentException("invalid fit settings: ouCount=" + ouCount + " (>= 2), gammaFactor="
                    + gammaFactor + " (>= 1), steps=" + steps + " (>= 1), learningRate=" + learningRate + " (> 0), noise="
                    + noise + " (>= 0, and > 0 when learned)");
        }
    }
}
