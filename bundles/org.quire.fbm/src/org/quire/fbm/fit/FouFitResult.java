package org.quire.fbm.fit;

/**
 * What the parametric fit found, in the data's units (time as in the input, values as in the input).
 *
 * @param hurst            fitted Hurst index H
 * @param theta            mean-reversion rate θ, per time unit
 * @param mu               long-run mean μ
 * @param sigma            diffusion coefficient relative to a <em>standard</em> fBM (Var B(t) = t^{2H}) in data time
 * @param sigmaModel       diffusion coefficient of the paper's un-normalised MA-fBM kernel in data time
 *                         (sigma = sigmaModel / c_H)
 * @param noise            observation noise standard deviation
 * @param elbo             final ELBO = exact log-evidence Σ_p log p(o_p,1.. | o_p,0), nats
 * @param observations     number of observations entering the evidence (paths × (n − 1))
 * @param omegaError       relative L2 error of the MA-fBM approximation at the fitted H
 * @param gamma            OU speeds, per data time unit
 * @param omega            MA-fBM weights at the fitted H (for the internal time unit, see {@link FouFit})
 * @param traceElbo        ELBO per observation after each Adam step (index 0: before the first step)
 * @param traceHurst       H after each Adam step (index 0: initial)
 * @param posteriorMean    smoothed posterior mean of X for each of the first few paths at the observation times
 * @param posteriorSd      smoothed posterior standard deviation, same shape
 */
public record FouFitResult(double hurst, double theta, double mu, double sigma, double sigmaModel, double noise,
        double elbo, int observations, double omegaError, double[] gamma, double[] omega, double[] traceElbo,
        double[] traceHurst, double[][] posteriorMean, double[][] posteriorSd) {
}
