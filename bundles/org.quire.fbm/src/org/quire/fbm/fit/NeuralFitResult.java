package org.quire.fbm.fit;

import java.util.Map;

/**
 * What the neural-drift fit found, in data units.
 *
 * @param hurst         fitted H
 * @param sigma         diffusion coefficient relative to a standard fBM in data time
 * @param sigmaModel    coefficient of the paper's un-normalised MA-fBM in data time
 * @param noise         observation noise sd
 * @param elbo          Monte Carlo ELBO summed over the paths (nats), from fresh posterior samples
 * @param elboStandardError its Monte Carlo standard error
 * @param kl            mean path KL ½∫u² dt per path (nats)
 * @param observations  paths × (n − 1)
 * @param driftX        grid of x over the data range
 * @param drift         fitted drift b(x) per data time unit on that grid
 * @param traceElbo     batch ELBO per observation at each Adam step
 * @param traceHurst    H at each Adam step
 * @param posteriorMean posterior mean of X at the observation times for the first few paths
 * @param posteriorSd   posterior sd, same shape
 * @param networks      the drift and control network parameters (org.quire.nn ParameterIo maps)
 */
public record NeuralFitResult(double hurst, double sigma, double sigmaModel, double noise, double elbo,
        double elboStandardError, double kl, int observations, double[] driftX, double[] drift, double[] traceElbo,
        double[] traceHurst, double[][] posteriorMean, double[][] posteriorSd, Map<String, Object> networks) {
}
