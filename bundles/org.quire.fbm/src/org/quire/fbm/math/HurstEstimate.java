package org.quire.fbm.math;

/**
 * A Hurst index estimate with the points it was fitted to: for the regression estimators (DFA, aggregated
 * variance, R/S) log10 scale against log10 statistic and the fitted line; for Whittle the Fourier frequency
 * against the periodogram and the fitted fGn spectral density (not logged). Arrays are owned by the record.
 *
 * @param method  the estimator's id: whittle, dfa, aggvar or rs
 * @param hurst   the estimate (clamped to the optimiser's interval for Whittle)
 * @param x       abscissae of the diagnostic plot
 * @param y       ordinates of the diagnostic plot
 * @param fitted  the fitted curve at {@code x}
 */
public record HurstEstimate(String method, double hurst, double[] x, double[] y, double[] fitted) {
}
