package org.quire.fbm.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quire.api.result.ChartSpec;
import org.quire.api.result.Result;
import org.quire.api.result.Series;
import org.quire.api.result.Table;
import org.quire.fbm.math.FbmType;

/** Turns a parametric fit into the {@code fbm.fit} result: metrics, values, training table and charts. */
public final class FitReport {

    private FitReport() {
    }

    /** The result of a parametric fOU fit of {@code data}. */
    public static Result parametric(PathData data, FouFitSettings settings, FouFitResult fit) {
        Result.Builder b = Result.builder();
        b.metric("hurst", fit.hurst());
        b.metric("elbo", fit.elbo());
        b.metric("elboPerObservation", fit.elbo() / fit.observations());
        b.metric("theta", fit.theta());
        b.metric("mu", fit.mu());
        b.metric("sigma", fit.sigma());
        b.metric("sigmaModel", fit.sigmaModel());
        b.metric("noise", fit.noise());
        b.metric("omegaError", fit.omegaError());
        b.value("drift", "fou");
        b.value("type", settings.type().name());
        b.value("paths", data.pathCount());
        b.value("observations", fit.observations());
        b.value("gamma", fit.gamma());
        b.value("omega", fit.omega());
        b.value("normalisation", "sigma is relative to standard fBM (Var B(t) = t^2H); sigmaModel multiplies the "
                + "paper's un-normalised " + (settings.type() == FbmType.TYPE_I ? "type I" : "type II")
                + " MA-fBM; sigma = sigmaModel / c_H with c_H = " + FouFit.normalisation(settings.type(), fit.hurst()));
        b.value("elboMethod", "exact Kalman log-evidence of the augmented linear-Gaussian state (optimal variational posterior)");
        addTraining(b, fit.traceElbo(), fit.traceHurst());
        addBands(b, data, fit.posteriorMean(), fit.posteriorSd());
        return b.build();
    }

    /** The result of a neural-drift fit of {@code data}, warm-started from the parametric fit {@code warm}. */
    public static Result neural(PathData data, NeuralFitSettings settings, FouFitResult warm, NeuralFitResult fit) {
        Result.Builder b = Result.builder();
        b.metric("hurst", fit.hurst());
        b.metric("elbo", fit.elbo());
        b.metric("elboStandardError", fit.elboStandardError());
        b.metric("elboPerObservation", fit.elbo() / fit.observations());
        b.metric("kl", fit.kl());
        b.metric("sigma", fit.sigma());
        b.metric("sigmaModel", fit.sigmaModel());
        b.metric("noise", fit.noise());
        b.metric("warmStartHurst", warm.hurst());
        b.metric("warmStartElbo", warm.elbo());
        b.metric("warmStartTheta", warm.theta());
        b.metric("warmStartMu", warm.mu());
        b.value("drift", "neural");
        b.value("type", settings.type().name());
        b.value("paths", data.pathCount());
        b.value("observations", fit.observations());
        b.value("networks", fit.networks());
        b.value("elboMethod", "Monte Carlo path-space ELBO (Girsanov KL, " + settings.evaluationSamples()
                + " posterior paths per observed path); warmStartElbo is the exact log-evidence of the fOU warm start, "
                + "an upper reference for a linear drift");
        b.value("normalisation", "sigma is relative to standard fBM (Var B(t) = t^2H); sigmaModel multiplies the "
                + "paper's un-normalised MA-fBM kernel");
        addTraining(b, fit.traceElbo(), fit.traceHurst());
        addBands(b, data, fit.posteriorMean(), fit.posteriorSd());
        b.chart(ChartSpec.line("drift", "Fitted drift", "x", "b(x) [per time unit]", Series.of("b(x)", fit.driftX(),
                fit.drift())));
        return b.build();
    }

    /** The training table and the ELBO and H charts. */
    static void addTraining(Result.Builder b, double[] elbo, double[] hurst) {
        double[] step = new double[elbo.length];
        for (int i = 0; i < step.length; i++) {
            step[i] = i;
        }
        b.table(Table.builder("training").numeric("step", step).numeric("elboPerObservation", "nats", elbo)
                .numeric("hurst", hurst).build());
        b.chart(ChartSpec.line("elbo", "ELBO during training", "Adam step", "ELBO per observation [nats]",
                Series.of("ELBO", step, elbo)));
        b.chart(ChartSpec.line("hurst_trace", "Hurst index during training", "Adam step", "H",
                Series.of("H", step, hurst)));
    }

    /** The posterior band chart (mean ± 2 sd) over the data for the first few paths. */
    static void addBands(Result.Builder b, PathData data, double[][] mean, double[][] sd) {
        List<Series> series = new ArrayList<>();
        double[] t = data.times();
        for (int p = 0; p < mean.length; p++) {
            double[] lo = new double[t.length];
            double[] hi = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                lo[i] = mean[p][i] - 2 * sd[p][i];
                hi[i] = mean[p][i] + 2 * sd[p][i];
            }
            String name = data.names().get(p);
            series.add(Series.of(name + " data", t, data.values()[p]));
            series.add(new Series(name + " posterior mean ± 2 sd", t, mean[p], lo, hi));
        }
        b.chart(ChartSpec.line("posterior", "Posterior of X over the data", "time", "X", series.toArray(new Series[0])));
        Map<String, Object> bands = new LinkedHashMap<>();
        bands.put("paths", data.names().subList(0, mean.length));
        b.value("posteriorPaths", bands);
    }
}
