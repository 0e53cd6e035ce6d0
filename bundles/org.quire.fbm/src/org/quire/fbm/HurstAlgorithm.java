package org.quire.fbm;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.Input;
import org.quire.api.InputException;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.params.ParameterException;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.Result;
import org.quire.api.result.Series;
import org.quire.api.result.Table;
import org.quire.compute.Parallel;
import org.quire.compute.RandomStreams;
import org.quire.fbm.math.FgnGenerator;
import org.quire.fbm.math.HurstEstimate;
import org.quire.fbm.math.HurstEstimators;
import org.quire.fbm.math.WhittleEstimator;

/**
 * {@code fbm.hurst}: the Hurst index of an equally spaced series read from a CSV column, by Whittle (default),
 * DFA-1, aggregated variance or R/S, with a parametric bootstrap interval (exact fGn of the same length simulated
 * at the estimate and re-estimated; replicate i uses random stream i). The series is a path (fBM) unless
 * {@code increments} is set. H does not depend on the time step, so the time column only checks the spacing.
 * Stateless.
 */
@Component(service = Algorithm.class)
@AlgorithmInfo(id = "fbm.hurst", name = "Hurst index",
        description = "Estimates the Hurst index of an equally spaced series from a CSV column (Whittle, DFA, aggregated "
                + "variance or rescaled range) with a parametric bootstrap interval; charts the periodogram with the "
                + "fitted fGn spectrum and the log-log fit.",
        references = {"V. Paxson, Fast, approximate synthesis of fractional Gaussian noise, Comput. Commun. Rev. 27 (1997)",
                "C.-K. Peng et al., Mosaic organization of DNA nucleotides, Phys. Rev. E 49 (1994) (DFA)"})
@Input(name = "series", formats = {"csv"},
        description = "CSV with a header row; one column holds the series (default: the last numeric column), "
                + "optionally another the equally spaced times")
public final class HurstAlgorithm implements Algorithm<HurstAlgorithm.Params> {

    /** Fewest data rows: the estimators need {@value HurstEstimators#MIN_LENGTH} increments. */
    public static final int MIN_ROWS = HurstEstimators.MIN_LENGTH + 1;

    /**
     * Parameters.
     *
     * @param column     header name or 1-based index of the series column; empty: the last numeric column
     * @param timeColumn header name or 1-based index of a time column whose spacing must be equal; empty: none
     * @param increments the column already holds increments (fGn) rather than a path (fBM)
     * @param method     whittle, dfa, aggvar or rs
     * @param bootstrap  number of parametric bootstrap replicates (0: no interval)
     * @param confidence level of the percentile interval
     */
    public record Params(
            @Param(label = "Column", defaultValue = "",
                    description = "Header name or 1-based index of the series column; empty for the last numeric column") String column,
            @Param(label = "Time column", defaultValue = "",
                    description = "Header name or 1-based index of a time column (must be equally spaced); empty for none") String timeColumn,
            @Param(label = "Increments", defaultValue = "false",
                    description = "The column holds increments (fGn) rather than a path (fBM)") boolean increments,
            @Param(label = "Method", defaultValue = "whittle", choices = {"whittle", "dfa", "aggvar", "rs"},
                    description = "Whittle likelihood, detrended fluctuation analysis, aggregated variance or rescaled range") String method,
            @Param(label = "Bootstrap replicates", min = 0, max = 10_000, defaultValue = "50",
                    description = "Parametric bootstrap replicates for the interval; 0 skips it") int bootstrap,
            @Param(label = "Confidence", min = 0, max = 1, minExclusive = true, maxExclusive = true, defaultValue = "0.95",
                    description = "Level of the bootstrap percentile interval") double confidence) {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) throws InputException {
        String method = p.method().toLowerCase(Locale.ROOT);
        if (!Arrays.asList(HurstEstimators.METHODS).contains(method)) {
            throw new ParameterException("method", "expected one of " + Arrays.toString(HurstEstimators.METHODS)
                    + ", got '" + p.method() + "'");
        }
        if (!(p.confidence() > 0 && p.confidence() < 1)) {
            throw new ParameterException("confidence", "must lie in (0, 1), got " + p.confidence());
        }
        if (p.bootstrap() < 0) {
            throw new ParameterException("bootstrap", "must be >= 0, got " + p.bootstrap());
        }
        if (inputs.size() != 1) {
            throw new ParameterException("series", "expected one CSV input, got " + inputs.size());
        }
        SeriesCsv.Column column = SeriesCsv.read(inputs.get(0).path(), p.column(), p.timeColumn(),
                p.increments() ? HurstEstimators.MIN_LENGTH : MIN_ROWS);
        double[] x = p.increments() ? column.values() : HurstEstimators.increments(column.values());
        if (isConstant(x)) {
            throw new InputException(inputs.get(0).path(), 0, "column '" + column.name() + "' has constant "
                    + (p.increments() ? "values" : "increments") + "; no Hurst index can be estimated");
        }
        ctx.progress().begin("estimating H", 1 + p.bootstrap());
        HurstEstimate estimate = HurstEstimators.estimate(method, x);
        ctx.progress().worked(1);
        double h = estimate.hurst();
        Result.Builder out = Result.builder().metric("hurst", h).metric("n", x.length)
                .value("method", method).value("column", column.name());
        if (h <= WhittleEstimator.LOWER + 1e-6 || h >= WhittleEstimator.UPPER - 1e-6 || !(h > 0 && h < 1)) {
            ctx.log().warn("the estimate " + h + " is at or outside the edge of (0, 1); the series may not be fGn/fBM-like"
                    + (p.increments() ? "" : " (is it already increments? set increments=true)"));
        }
        if (p.bootstrap() > 0) {
            double hb = Math.min(0.99, Math.max(0.01, h));
            FgnGenerator gen = FgnGenerator.of(x.length, hb, FgnGenerator.Method.DAVIES_HARTE);
            RandomStreams streams = RandomStreams.of(ctx);
            double[] replicates = Parallel.map(ctx.threads(), p.bootstrap(),
                    i -> HurstEstimators.estimate(method, gen.sample(streams.splittable(i))).hurst(), ctx.progress());
            double[] sorted = replicates.clone();
            Arrays.sort(sorted);
            double alpha = (1 - p.confidence()) / 2;
            out.metric("hurstLow", SimulateAlgorithm.quantile(sorted, alpha))
                    .metric("hurstHigh", SimulateAlgorithm.quantile(sorted, 1 - alpha))
                    .metric("bootstrapSd", sd(replicates))
                    .table(Table.builder("bootstrap").numeric("replicate", index(replicates.length))
                            .numeric("hurst", replicates).build())
                    .chart(ChartSpec.histogram("bootstrapChart", "Parametric bootstrap of H (" + p.bootstrap() + " replicates)",
                            "H", Math.max(5, Math.min(50, p.bootstrap() / 4)), replicates));
        } else {
            ctx.log().info("bootstrap = 0: no interval (hurstLow, hurstHigh) computed");
        }
        charts(out, method, estimate, x, h);
        return out.build();
    }

    private static void charts(Result.Builder out, String method, HurstEstimate estimate, double[] x, double h) {
        HurstEstimate spectral = method.equals("whittle") ? estimate : null;
        double[] lambda;
        double[] periodogram;
        double[] fitted;
        if (spectral != null) {
            lambda = spectral.x();
            periodogram = spectral.y();
            fitted = spectral.fitted();
        } else {
            periodogram = WhittleEstimator.periodogram(x);
            lambda = new double[periodogram.length];
            fitted = new double[periodogram.length];
            double scale = 0;
            double hc = Math.min(0.999, Math.max(0.001, h));
            for (int j = 0; j < lambda.length; j++) {
                lambda[j] = 2 * Math.PI * (j + 1) / x.length;
                fitted[j] = WhittleEstimator.spectralDensity(hc, lambda[j]);
                scale += periodogram[j] / fitted[j];
            }
            scale /= lambda.length;
            for (int j = 0; j < lambda.length; j++) {
                fitted[j] *= scale;
            }
        }
        out.table(Table.builder("periodogram").numeric("frequency", "rad/sample", lambda).numeric("periodogram", periodogram)
                .numeric("fittedSpectrum", fitted).build());
        int[] idx = thinLog(lambda.length);
        out.chart(new ChartSpec("periodogramChart", "Periodogram and fGn spectrum at H=" + String.format(Locale.ROOT, "%.3f", h),
                "frequency [rad/sample]", "spectral density", ChartSpec.Kind.LINE, true, true, 0,
                List.of(Series.of("periodogram", Downsample.take(lambda, idx), Downsample.take(periodogram, idx)),
                        Series.of("fitted fGn spectrum", Downsample.take(lambda, idx), Downsample.take(fitted, idx)))));
        HurstEstimate loglog = spectral == null ? estimate : HurstEstimators.dfa(x);
        double[] line = loglog.fitted();
        String title;
        if (spectral != null) {
            // DFA fluctuations with a line of slope H (the Whittle estimate) through their centroid
            double mx = mean(loglog.x());
            double my = mean(loglog.y());
            line = new double[loglog.x().length];
            for (int i = 0; i < line.length; i++) {
                line[i] = my + h * (loglog.x()[i] - mx);
            }
            title = "DFA fluctuation with slope H (Whittle)";
        } else {
            title = switch (method) {
                case "dfa" -> "DFA: log F(s) against log s";
                case "aggvar" -> "Aggregated variance: log Var against log m";
                default -> "R/S: log R/S against log window";
            };
        }
        out.table(Table.builder("loglog").numeric("log10Scale", loglog.x()).numeric("log10Statistic", loglog.y())
                .numeric("fitted", line).build());
        out.chart(ChartSpec.scatter("loglogChart", title, "log10 scale", "log10 statistic",
                Series.of(loglog.method() + " points", loglog.x(), loglog.y()), Series.of("fit", loglog.x(), line)));
    }

    /** At most ~1000 indices, log-spaced so low frequencies keep their detail. */
    private static int[] thinLog(int length) {
        if (length <= Downsample.MAX_POINTS) {
            return Downsample.indices(length);
        }
        int[] tmp = new int[Downsample.MAX_POINTS];
        int count = 0;
        for (int i = 0; i < Downsample.MAX_POINTS; i++) {
            int v = (int) Math.round(Math.pow(length, (double) i / (Downsample.MAX_POINTS - 1))) - 1;
            if (count == 0 || v > tmp[count - 1]) {
                tmp[count++] = Math.min(v, length - 1);
            }
        }
        return Arrays.copyOf(tmp, count);
    }

    private static boolean isConstant(double[] x) {
        for (double v : x) {
            if (v != x[0]) {
                return false;
            }
        }
        return true;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    private static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double d : v) {
            s += (d - m) * (d - m);
        }
        return v.length > 1 ? Math.sqrt(s / (v.length - 1)) : 0;
    }

    private static double[] index(int n) {
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = i + 1;
        }
        return k;
    }
}
