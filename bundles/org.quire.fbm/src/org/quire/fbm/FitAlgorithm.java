package org.quire.fbm;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.Input;
import org.quire.api.InputException;
import org.quire.api.InputFile;
import org.quire.api.Progress;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.result.Result;
import org.quire.compute.RandomStreams;
import org.quire.fbm.fit.FitReport;
import org.quire.fbm.fit.FouFit;
import org.quire.fbm.fit.FouFitResult;
import org.quire.fbm.fit.FouFitSettings;
import org.quire.fbm.fit.NeuralFit;
import org.quire.fbm.fit.NeuralFitResult;
import org.quire.fbm.fit.NeuralFitSettings;
import org.quire.fbm.fit.PathCsv;
import org.quire.fbm.fit.PathData;
import org.quire.fbm.math.FbmType;

/**
 * {@code fbm.fit}: variational inference for dX = b(X) dt + σ dB̂_H driven by MA-fBM with a learned Hurst index,
 * Gaussian observation noise and Adam. Drift {@code fou}: b = −θ(X − μ), fitted on the exact ELBO optimum
 * (the Kalman log-evidence of the linear augmented state). Drift {@code neural}: an MLP drift and an MLP control
 * trained on the Monte Carlo path-space ELBO, with H, σ and the noise warm-started from the fou fit.
 * Thread-safe (stateless).
 */
@Component(service = Algorithm.class)
@AlgorithmInfo(id = "fbm.fit", name = "Fit fractional SDE (variational, learned H)",
        description = "Fits an SDE driven by Markov-approximated fBM (fractional Ornstein-Uhlenbeck drift) with a learned "
                + "Hurst index and Gaussian observation noise to one or more paths by Adam on the ELBO; reports H, the ELBO, "
                + "the drift parameters, training curves and posterior bands.",
        references = "R. Daems, M. Opper, G. Crevecoeur, T. Birdal, Variational Inference for SDEs Driven by Fractional "
                + "Noise, ICLR 2024 (arXiv:2310.12975)")
@Input(name = "paths", formats = {"csv"},
        description = "CSV with a header row and one column per path (all paths at the same times); an optional column "
                + "named 't' or 'time' (or timeColumn) gives the times, else rows are equally spaced at 0, 1, 2, ...")
public final class FitAlgorithm implements Algorithm<FitAlgorithm.Params> {

    /**
     * Parameters.
     *
     * @param drift        drift model: {@code fou} (−θ(X − μ)) or {@code neural} (MLP)
     * @param type         MA-fBM type
     * @param ouCount      K, number of OU processes
     * @param gammaFactor  c: OU speeds from 1/(c·span) to c/Δ
     * @param steps        Adam steps
     * @param learningRate Adam step size
     * @param learnNoise   learn the observation noise (else fixed)
     * @param noise        initial or fixed noise sd, relative to the sd of the first differences
     * @param timeColumn   name of the time column; empty: a column named t or time if any
     * @param batch        neural: posterior paths per Adam step
     * @param substeps     neural: sub-steps per observation interval
     * @param hidden       neural: hidden width of the drift and control MLPs
     * @param evaluationSamples neural: posterior paths per observed path for the final ELBO and bands
     */
    public record Params(
            @Param(label = "Drift", description = "Drift model: fou = fractional Ornstein-Uhlenbeck -theta (X - mu) "
                    + "(exact ELBO by Kalman filtering); neural = MLP drift, path-space VI with a neural control, "
                    + "warm-started from the fou fit",
                    defaultValue = "fou", choices = {"fou", "neural"}) String drift,
            @Param(label = "MA-fBM type", description = "TYPE_I (Mandelbrot-Van Ness, stationary increments) or TYPE_II "
                    + "(Riemann-Liouville)", defaultValue = "TYPE_I") FbmType type,
            @Param(label = "OU processes K", description = "Number of OU processes of the Markov approximation",
                    min = 2, max = 40, defaultValue = "16") int ouCount,
            @Param(label = "Gamma range factor", description = "OU speeds span 1/(c * time span) to c / (mean interval), "
                    + "geometrically", min = 1, max = 1e4, defaultValue = "64") double gammaFactor,
            @Param(label = "Adam steps", description = "Number of Adam steps", min = 1, max = 100_000,
                    defaultValue = "200") int steps,
            @Param(label = "Learning rate", description = "Adam step size on the unconstrained parameters "
                    + "(cosine-decayed to a tenth)", min = 0, minExclusive = true, max = 10, defaultValue = "0.05") double learningRate,
            @Param(label = "Learn noise", description = "Learn the observation noise (else keep it at 'noise')",
                    defaultValue = "true") boolean learnNoise,
            @Param(label = "Noise", description = "Initial (learned) or fixed observation noise sd, relative to the sd of "
                    + "the first differences; must be > 0 when learned", min = 0, max = 100, defaultValue = "0.1") double noise,
            @Param(label = "Time column", description = "Name of the time column; empty: a column named t or time if "
                    + "present, else equally spaced rows", defaultValue = "") String timeColumn,
            @Param(label = "Batch", description = "Neural drift: posterior paths per Adam step", min = 1, max = 4096,
                    defaultValue = "16") int batch,
            @Param(label = "Sub-steps", description = "Neural drift: simulation sub-steps per observation interval",
                    min = 1, max = 1000, defaultValue = "1") int substeps,
            @Param(label = "Hidden width", description = "Neural drift: width of the two tanh hidden layers of the drift "
                    + "and control networks", min = 1, max = 1024, defaultValue = "32") int hidden,
            @Param(label = "Evaluation samples", description = "Neural drift: posterior paths per observed path for the "
                    + "final ELBO and bands", min = 2, max = 100_000, defaultValue = "32") int evaluationSamples) {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) throws Exception {
        InputFile file = inputs.get(0);
        PathData data = PathCsv.read(file.path(), p.timeColumn());
        if ((p.learnNoise() || p.drift().equals("neural")) && p.noise() == 0) {
            throw new IllegalArgumentException("noise: must be > 0 when learnNoise is true (it is the initial value) "
                    + "and for the neural drift (its likelihood needs a positive noise)");
        }
        FouFitSettings settings = new FouFitSettings(p.type(), p.ouCount(), p.gammaFactor(), p.steps(), p.learningRate(),
                p.learnNoise(), p.noise());
        FouFit fit;
        try {
            fit = new FouFit(data, settings);
        } catch (IllegalArgumentException e) {
            throw new InputException(file.path(), 0, e.getMessage() + "; expected paths that move", e);
        }
        ctx.log().info("fitting " + data.pathCount() + " path(s) of " + data.length() + " observations"
                + (data.equallySpacedTimes() ? " (equally spaced)" : " (irregular times)"));
        boolean neural = p.drift().equals("neural");
        Progress progress = ctx.progress();
        progress.begin(neural ? "fitting fOU, then the neural SDE" : "fitting fOU", neural ? 2L * p.steps() : p.steps());
        FouFitResult r = fit.fit(ctx.threads(), progress.split(p.steps()));
        if (r.omegaError() > 0.1) {
            ctx.log().warn(String.format(java.util.Locale.ROOT, "the MA-fBM approximation is poor at H = %.3f "
                    + "(relative error %.3f); increase ouCount or gammaFactor", r.hurst(), r.omegaError()));
        }
        if (r.hurst() < 0.05 || r.hurst() > 0.95) {
            ctx.log().warn(String.format(java.util.Locale.ROOT, "H = %.3f is at the edge of the admissible range "
                    + "[0.01, 0.99]", r.hurst()));
        }
        if (!neural) {
            return FitReport.parametric(data, settings, r);
        }
        NeuralFitSettings ns = new NeuralFitSettings(p.type(), p.ouCount(), p.gammaFactor(), p.steps(), p.learningRate(),
                p.batch(), p.substeps(), p.hidden(), p.learnNoise(), p.noise(),
                p.evaluationSamples());
        NeuralFitResult nr = new NeuralFit(data, ns, RandomStreams.of(ctx), r).fit(ctx.threads(), progress.split(p.steps()));
        ctx.log().info(String.format(java.util.Locale.ROOT, "neural fit: H %.4f (fOU warm start %.4f), ELBO %.3f +- %.3f "
                + "(fOU log-evidence %.3f)", nr.hurst(), r.hurst(), nr.elbo(), nr.elboStandardError(), r.elbo()));
        return FitReport.neural(data, ns, r, nr);
    }
}
