package org.quire.fbm;

import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.params.ParameterException;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.Result;
import org.quire.api.result.Series;
import org.quire.api.result.Table;
import org.quire.fbm.math.FbmType;
import org.quire.fbm.math.GammaGrid;
import org.quire.fbm.math.MarkovApproximation;

/**
 * {@code fbm.weights}: the closed-form optimal MA-fBM weights ω for type I/II, H, horizon T and a γ grid, the
 * relative L2 error (ωᵀAω − 2bᵀω + c)/c, the error against K = 1..kMax on the same kind of grid, and the variance
 * of the approximation against the exact one. Warns where the approximation is known to be poor. Stateless.
 */
@Component(service = Algorithm.class)
@AlgorithmInfo(id = "fbm.weights", name = "MA-fBM optimal weights",
        description = "Computes the closed-form optimal weights of the Markov approximation of fBM by K Ornstein-"
                + "Uhlenbeck processes (type I or II), the relative approximation error, the error against K and the "
                + "approximate against the exact variance.",
        references = "R. Daems, M. Opper, G. Crevecoeur, T. Birdal, Variational Inference for SDEs Driven by Fractional "
                + "Noise, ICLR 2024 (arXiv:2310.12975), Prop. 5")
public final class WeightsAlgorithm implements Algorithm<WeightsAlgorithm.Params> {

    /** Points of the variance curve. */
    static final int VARIANCE_POINTS = 201;

    /**
     * Parameters.
     *
     * @param type           I (Mandelbrot–Van Ness) or II (Riemann–Liouville)
     * @param hurst          H in (0, 1)
     * @param horizon        T, the horizon of the optimisation
     * @param k              K, number of OU processes
     * @param grid           gammaMax: γ from 1/γmax to γmax (the official code's grid); ratio: γ_{k+1}/γ_k = ratio
     *                       around 1 (widens with K)
     * @param gammaMax       γmax for grid=gammaMax
     * @param ratio          the neighbour ratio for grid=ratio
     * @param kMax           largest K of the error-against-K table
     * @param errorThreshold warn when the relative error exceeds it
     * @param normalised     scale ω to standard fBM (Var B(t) = t^{2H})
     */
    public record Params(
            @Param(label = "Type", defaultValue = "I", choices = {"I", "II"},
                    description = "I: Mandelbrot-Van Ness; II: Riemann-Liouville") String type,
            @Param(label = "Hurst index", min = 0, max = 1, minExclusive = true, maxExclusive = true,
                    defaultValue = "0.7", description = "H in (0, 1)") double hurst,
            @Param(label = "Horizon", min = 0, minExclusive = true, defaultValue = "1.0", unit = "time",
                    description = "T: the weights minimise the mean-square error over [0, T]") double horizon,
            @Param(label = "K", min = 1, max = 100, defaultValue = "5", description = "Number of OU processes") int k,
            @Param(label = "Grid", defaultValue = "gammaMax", choices = {"gammaMax", "ratio"},
                    description = "gammaMax: speeds from 1/gammaMax to gammaMax; ratio: fixed ratio between neighbours") String grid,
            @Param(label = "Gamma max", min = 1, minExclusive = true, defaultValue = "20", unit = "1/time",
                    description = "Largest speed for grid=gammaMax") double gammaMax,
            @Param(label = "Ratio", min = 1, minExclusive = true, defaultValue = "4",
                    description = "Ratio of neighbouring speeds for grid=ratio") double ratio,
            @Param(label = "K max", min = 1, max = 100, defaultValue = "20",
                    description = "Largest K in the error-against-K table") int kMax,
            @Param(label = "Error threshold", min = 0, defaultValue = "0.1",
                    description = "Warn when the relative error exceeds this") double errorThreshold,
            @Param(label = "Normalised", defaultValue = "false",
                    description = "Scale the weights to standard fBM (Var B(t) = t^2H)") boolean normalised) {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) {
        if (!(p.hurst() > 0 && p.hurst() < 1)) {
            throw new ParameterException("hurst", "must lie in (0, 1), got " + p.hurst());
        }
        if (!(p.horizon() > 0) || Double.isInfinite(p.horizon())) {
            throw new ParameterException("horizon", "must be finite and > 0, got " + p.horizon());
        }
        if (p.k() < 1 || p.kMax() < 1) {
            throw new ParameterException(p.k() < 1 ? "k" : "kMax", "must be >= 1");
        }
        boolean byRatio = p.grid().toLowerCase(Locale.ROOT).equals("ratio");
        if (!byRatio && !p.grid().equalsIgnoreCase("gammaMax")) {
            throw new ParameterException("grid", "expected gammaMax or ratio, got '" + p.grid() + "'");
        }
        if (byRatio ? !(p.ratio() > 1) : !(p.gammaMax() > 1)) {
            throw new ParameterException(byRatio ? "ratio" : "gammaMax", "must be > 1");
        }
        FbmType type;
        if (p.type().equalsIgnoreCase("I")) {
            type = FbmType.TYPE_I;
        } else if (p.type().equalsIgnoreCase("II")) {
            type = FbmType.TYPE_II;
        } else {
            throw new ParameterException("type", "expected I or II, got '" + p.type() + "'");
        }
        ctx.progress().begin("weights", p.kMax() + 1);
        MarkovApproximation ma = MarkovApproximation.optimal(type, p.hurst(), p.horizon(), grid(p, p.k(), byRatio));
        double factor = p.normalised() ? MarkovApproximation.normalisation(type, p.hurst()) : 1;
        MarkovApproximation used = ma.scaled(factor);
        double[] omega = used.omega();
        double[] domega = ma.omegaDerivative();
        double[] gamma = ma.grid().gammas();
        for (int i = 0; i < domega.length; i++) {
            domega[i] *= factor;
        }
        ctx.progress().worked(1);

        double[] ks = new double[p.kMax()];
        double[] errors = new double[p.kMax()];
        for (int kk = 1; kk <= p.kMax(); kk++) {
            ks[kk - 1] = kk;
            errors[kk - 1] = MarkovApproximation.optimal(type, p.hurst(), p.horizon(), grid(p, kk, byRatio)).relativeError();
            ctx.progress().worked(1);
        }
        double[] t = new double[VARIANCE_POINTS];
        double[] approx = new double[VARIANCE_POINTS];
        double[] exact = new double[VARIANCE_POINTS];
        for (int i = 0; i < VARIANCE_POINTS; i++) {
            t[i] = p.horizon() * i / (VARIANCE_POINTS - 1);
            approx[i] = used.variance(t[i]);
            exact[i] = factor * factor * MarkovApproximation.exactVariance(type, p.hurst(), t[i]);
        }
        warn(p, type, ma.relativeError(), ctx);

        Result.Builder out = Result.builder()
                .metric("relativeError", ma.relativeError())
                .metric("approximationVarianceAtHorizon", approx[VARIANCE_POINTS - 1])
                .metric("exactVarianceAtHorizon", exact[VARIANCE_POINTS - 1])
                .value("omega", omega)
                .value("gamma", gamma)
                .value("domegaDhurst", domega)
                .table(Table.builder("omega").numeric("k", index(gamma.length)).numeric("gamma", "1/time", gamma)
                        .numeric("omega", omega).numeric("domega_dH", domega).build())
                .table(Table.builder("errorVsK").numeric("K", ks).numeric("relativeError", errors).build())
                .table(Table.builder("variance").numeric("t", "time", t).numeric("approximation", approx)
                        .numeric("exact", exact).build())
                .chart(new ChartSpec("omegaChart", "Optimal weights (type " + p.type() + ", H=" + p.hurst() + ", K=" + p.k() + ")",
                        "gamma [1/time]", "omega", ChartSpec.Kind.LINE, true, false, 0,
                        List.of(Series.of("omega", gamma, omega))));
        if (allPositive(errors)) {
            out.chart(new ChartSpec("errorVsKChart", "Relative L2 error against K (" + (byRatio ? "ratio " + p.ratio()
                    : "gammaMax " + p.gammaMax()) + ")", "K", "relative error", ChartSpec.Kind.LINE, false, true, 0,
                    List.of(Series.of("relative error", ks, errors))));
        } else {
            out.chart(ChartSpec.line("errorVsKChart", "Relative L2 error against K", "K", "relative error",
                    Series.of("relative error", ks, errors)));
        }
        out.chart(ChartSpec.line("varianceChart", "Variance: MA-fBM against exact fBM", "t [time]", "Var B(t)",
                Series.of("MA-fBM", t, approx), Series.of("exact", t, exact)));
        return out.build();
    }

    private static void warn(Params p, FbmType type, double error, RunContext ctx) {
        if (p.hurst() <= 0.1) {
            ctx.log().warn("H = " + p.hurst() + " <= 0.1: the Markov approximation is known to be poor here "
                    + "(relative error >= 0.2 with K <= 20 on [1/20, 20])");
        }
        if (type == FbmType.TYPE_I && p.hurst() >= 0.9) {
            ctx.log().warn("type I with H = " + p.hurst() + " >= 0.9: the Markov approximation is known to be poor here "
                    + "(relative error >= 0.5 with K <= 20 on [1/20, 20])");
        }
        if (error > p.errorThreshold()) {
            ctx.log().warn(String.format(Locale.ROOT, "relative L2 error %.3g exceeds the threshold %.3g; "
                    + "increase K or widen the grid", error, p.errorThreshold()));
        }
    }

    private static GammaGrid grid(Params p, int k, boolean byRatio) {
        return byRatio ? GammaGrid.ratio(k, p.ratio()) : GammaGrid.symmetric(k, p.gammaMax());
    }

    private static double[] index(int n) {
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = i + 1;
        }
        return k;
    }

    private static boolean allPositive(double[] v) {
        for (double x : v) {
            if (!(x > 0)) {
                return false;
            }
        }
        return true;
    }
}
