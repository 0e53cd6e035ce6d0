package org.quire.fbm.fit;

import org.quire.fbm.math.FbmType;

/**
 * Settings of the neural-drift path-space variational fit.
 *
 * @param type         MA-fBM type
 * @param ouCount      K (&ge; 2)
 * @param gammaFactor  c &ge; 1: OU speeds from 1/(c·span) to c/Δ
 * @param steps        Adam steps (&ge; 1)
 * @param learningRate Adam learning rate (&gt; 0)
 * @param batch        posterior paths per Adam step (&ge; 1), cycling over the observed paths
 * @param substeps     sub-steps per observation interval (&ge; 1)
 * @param hidden       width of the two hidden tanh layers of the drift and control MLPs (&ge; 1)
 * @param learnNoise   learn the observation noise
 * @param noise        initial or fixed noise, relative to the sd of the first differences (&gt; 0)
 * @param evaluationSamples posterior paths per observed path for the final ELBO and bands (&ge; 2)
 */
public record NeuralFitSettings(FbmType type, int ouCount, double gammaFactor, int steps, double learningRate, int batch,
        int substeps, int hidden, boolean learnNoise, double noise, int evaluationSamples) {

    public NeuralFitSettings {
        if (ouCount < 2 || !(gammaFactor >= 1) || Double.isInfinite(gammaFactor) || steps < 1 || !(learningRate > 0)
                || batch < 1 || substeps < 1 || hidden < 1 || !(noise > 0) || Double.isInfinite(noise)
                || evaluationSamples < 2) {
            throw new IllegalArgumentException("invalid neural fit settings: ouCount=" + ouCount + " (>= 2), gammaFactor="
                    + gammaFactor + " (>= 1), steps=" + steps + ", learningRate=" + learningRate + ", batch=" + batch
                    + ", substeps=" + substeps + ", hidden=" + hidden + " (all >= 1 / > 0), noise=" + noise + " (> 0), "
                    + "evaluationSamples=" + evaluationSamples + " (>= 2)");
        }
    }
}
