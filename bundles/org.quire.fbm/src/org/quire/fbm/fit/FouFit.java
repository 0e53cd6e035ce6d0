package org.quire.fbm.fit;

import org.hipparchus.special.Gamma;
import org.quire.api.Progress;
import org.quire.compute.Parallel;
import org.quire.fbm.math.FbmType;
import org.quire.fbm.math.GammaGrid;
import org.quire.fbm.math.MarkovApproximation;

/**
 * Fits dX = −θ(X − μ) dt + σ dB̂_H (MA-fBM, learned H) and a Gaussian observation noise to paths by Adam on the
 * exact log-evidence, which the optimal (Gaussian) variational posterior attains, so it is the ELBO's maximum
 * over posteriors; the E-step is the Kalman filter of {@link KalmanEvidence}. Gradients in the five unconstrained
 * parameters are central finite differences (evaluated in parallel, deterministically).
 *
 * <p>Parameterisation: H = 0.01 + 0.98·sigmoid(h), θ = softplus(a)/T, μ = m̄ + s_x·b, σ = softplus(c)·σ₀,
 * noise = softplus(e)·s_Δ, where m̄ and s_x are the mean and sd of all values, s_Δ the sd of the first
 * differences and σ₀ = s_Δ/√Δ. The model runs in the internal time unit u = √(Δ·span) (so Δ = 1/√(n−1) and
 * T = √(n−1) for n equally spaced points); ω(H) = {@link MarkovApproximation#optimal} on [0, T] for the grid of
 * {@link FouFitSettings#gammaFactor()}, recomputed at each evaluation. The un-normalised MA-fBM coefficient is
 * converted to data time by self-similarity (× u^{−H}) and to a standard-fBM coefficient by 1/c_H.
 */
public final class FouFit {

    private static final int PARAMETERS = 5;
    private static final double FD_STEP = 1e-4;
    /** How many paths get posterior bands. */
    public static final int BAND_PATHS = 3;

    private final PathData data;
    private final FouFitSettings settings;
    private final double unit;
    private final double[] times;
    private final double horizon;
    private final GammaGrid grid;
    private final double valueMean;
    private final double valueScale;
    private final double incrementScale;
    private final double sigmaScale;
    private final int observations;
    private final double[][] values;

    /**
     * @throws IllegalArgumentException when the paths are constant (no increment variance)
     */
    public FouFit(PathData data, FouFitSettings settings) {
        this.data = data;
        this.settings = settings;
        FitScales scales = FitScales.of(data, settings.ouCount(), settings.gammaFactor());
        unit = scales.unit();
        times = scales.times();
        horizon = scales.horizon();
        grid = scales.grid();
        valueMean = scales.valueMean();
        valueScale = scales.valueScale();
        incrementScale = scales.incrementScale();
        sigmaScale = scales.sigmaScale();
        observations = scales.observations();
        values = data.values();
    }

    /**
     * Runs the fit.
     *
     * @param threads  threads for the gradient evaluations (results do not depend on it)
     * @param progress one unit per Adam step; checked for cancellation
     */
    public FouFitResult fit(int threads, Progress progress) {
        double[] z = initial();
        boolean[] frozen = new boolean[PARAMETERS];
        frozen[4] = !settings.learnNoise();
        AdamAscent adam = new AdamAscent(frozen);
        int steps = settings.steps();
        double[] traceElbo = new double[steps + 1];
        double[] traceHurst = new double[steps + 1];
        progress.begin("fitting fOU by Adam on the ELBO", steps);
        for (int s = 0; s <= steps; s++) {
            double[] base = z.clone();
            double[] values = Parallel.map(threads, 2 * PARAMETERS + 1, j -> {
                if (j == 2 * PARAMETERS) {
                    return objective(base);
                }
                int i = j / 2;
                if (frozen[i]) {
                    return 0;
                }
                double[] probe = base.clone();
                probe[i] += (j % 2 == 0 ? FD_STEP : -FD_STEP);
                return objective(probe);
            });
            traceElbo[s] = values[2 * PARAMETERS];
            traceHurst[s] = hurst(base);
            if (s == steps) {
                break;
            }
            double[] gradient = new double[PARAMETERS];
            for (int i = 0; i < PARAMETERS; i++) {
                gradient[i] = frozen[i] ? 0 : (values[2 * i] - values[2 * i + 1]) / (2 * FD_STEP);
                if (!Double.isFinite(gradient[i])) {
                    throw new ArithmeticException("the ELBO gradient is not finite at step " + s + " (H=" + hurst(base) + ")");
                }
            }
            double lr = settings.learningRate() * (0.1 + 0.45 * (1 + Math.cos(Math.PI * s / steps)));
            adam.step(z, gradient, lr);
            progress.worked(1);
            progress.message("step " + (s + 1) + "/" + steps + ": H=" + String.format(java.util.Locale.ROOT, "%.4f", hurst(z)));
        }
        return result(z, traceElbo, traceHurst);
    }

    /** The initial unconstrained parameters. */
    double[] initial() {
        double noiseRelative = settings.noise();
        return new double[] {0, softplusInverse(0.1), 0, softplusInverse(1), noiseRelative > 0 ? softplusInverse(noiseRelative) : 0};
    }

    /** The model at unconstrained parameters z (internal time unit). */
    LinearMaFbmSde model(double[] z) {
        double h = hurst(z);
        double[] omega = MarkovApproximation.optimal(settings.type(), h, horizon, grid).omega();
        return new LinearMaFbmSde(settings.type(), softplus(z[1]) / horizon, valueMean + valueScale * z[2],
                softplus(z[3]) * sigmaScale, grid.gammas(), omega);
    }

    /** Observation noise at z. */
    double noise(double[] z) {
        if (!settings.learnNoise()) {
            return settings.noise() * incrementScale;
        }
        return softplus(z[4]) * incrementScale;
    }

    /** Log-evidence per observation at unconstrained parameters z. */
    double objective(double[] z) {
        return KalmanEvidence.logEvidence(model(z), noise(z), times, dataValues()) / observations;
    }

    private double[][] dataValues() {
        return values;
    }

    static double hurst(double[] z) {
        return 0.01 + 0.98 / (1 + Math.exp(-z[0]));
    }

    private FouFitResult result(double[] z, double[] traceElbo, double[] traceHurst) {
        LinearMaFbmSde sde = model(z);
        double h = hurst(z);
        double noise = noise(z);
        double elbo = KalmanEvidence.logEvidence(sde, noise, times, dataValues());
        double sigmaModel = sde.sigma() * Math.pow(unit, -h);
        double sigma = sigmaModel / normalisation(settings.type(), h);
        int bands = Math.min(BAND_PATHS, data.pathCount());
        double[][] mean = new double[bands][];
        double[][] sd = new double[bands][];
        for (int p = 0; p < bands; p++) {
            KalmanEvidence.Posterior post = KalmanEvidence.smooth(sde, noise, times, dataValues()[p]);
            mean[p] = post.mean();
            sd[p] = post.sd();
        }
        double[] gammaData = grid.gammas();
        for (int k = 0; k < gammaData.length; k++) {
            gammaData[k] /= unit;
        }
        double error = MarkovApproximation.optimal(settings.type(), h, horizon, grid).relativeError();
        return new FouFitResult(h, sde.theta() / unit, sde.mu(), sigma, sigmaModel, noise, elbo, observations, error,
                gammaData, sde.omega(), traceElbo, traceHurst, mean, sd);
    }

    /**
     * c_H such that c_H·B is a standard fBM for the paper's un-normalised B: √(Γ(2H+1) sin πH) for type I,
     * √(2H)·Γ(H+½) for type II (at t = 1).
     */
    public static double normalisation(FbmType type, double h) {
        return type == FbmType.TYPE_I ? Math.sqrt(Gamma.gamma(2 * h + 1) * Math.sin(Math.PI * h))
                : Math.sqrt(2 * h) * Gamma.gamma(h + 0.5);
    }

    static double softplus(double x) {
        return x > 30 ? x : Math.log1p(Math.exp(x));
    }

    static double softplusInverse(double y) {
        return y > 30 ? y : Math.log(Math.expm1(y));
    }
}
