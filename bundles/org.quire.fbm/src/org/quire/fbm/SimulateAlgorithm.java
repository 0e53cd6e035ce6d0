package org.quire.fbm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;

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
import org.quire.compute.Parallel;
import org.quire.compute.RandomStreams;
import org.quire.fbm.math.FbmType;
import org.quire.fbm.math.FgnGenerator;
import org.quire.fbm.math.FouSimulator;
import org.quire.fbm.math.GammaGrid;
import org.quire.fbm.math.MaFbmSimulator;
import org.quire.fbm.math.MarkovApproximation;

/**
 * {@code fbm.simulate}: many paths of exact fBM (Davies–Harte or Cholesky), MA-fBM of type I/II or fOU on
 * t_j = j·horizon/n, j = 0..n. Path p draws from random stream p of the run's seed, so the numbers do not
 * depend on the thread count. Stateless and thread-safe.
 */
@Component(service = Algorithm.class)
@AlgorithmInfo(id = "fbm.simulate", name = "Simulate fractional Brownian motion",
        description = "Simulates paths of exact fBM (Davies-Harte circulant embedding or Cholesky), of the Markov "
                + "approximation MA-fBM (type I or II, K Ornstein-Uhlenbeck processes) or of a fractional "
                + "Ornstein-Uhlenbeck process; charts the paths and the empirical against the exact variance.",
        references = {"R. B. Davies, D. S. Harte, Tests for Hurst effect, Biometrika 74 (1987) 95-101",
                "R. Daems, M. Opper, G. Crevecoeur, T. Birdal, Variational Inference for SDEs Driven by Fractional "
                        + "Noise, ICLR 2024 (arXiv:2310.12975)"})
public final class SimulateAlgorithm implements Algorithm<SimulateAlgorithm.Params> {

    /** Most values (paths × (n + 1)) one run may hold. */
    public static final long MAX_VALUES = 20_000_000L;
    /** Most paths written to the paths table and drawn in the fan chart. */
    public static final int MAX_TABLE_PATHS = 100;
    private static final int CHART_PATHS = 10;

    /**
     * Parameters.
     *
     * @param method       exact (Davies–Harte), cholesky (n &le; 4096), mafbm or fou
     * @param hurst        H in (0, 1)
     * @param n            number of steps
     * @param horizon      T, the end time
     * @param paths        number of paths
     * @param type         I (Mandelbrot–Van Ness) or II (Riemann–Liouville; mafbm only)
     * @param k            K, number of OU processes (mafbm)
     * @param gammaMax     γ grid {1/γmax .. γmax} (mafbm)
     * @param omegaHorizon horizon over which ω is optimised (mafbm); 0 means T
     * @param stepper      exact OU transition or euler (mafbm)
     * @param normalised   rescale to standard fBM (Var B(t) = t^{2H}) instead of the paper's 1/Γ(H+½) kernel
     * @param theta        mean reversion θ (fou)
     * @param sigma        noise scale σ (fou)
     */
    public record Params(
            @Param(label = "Method", description = "exact: Davies-Harte; cholesky: Cholesky factor (n <= 4096); mafbm: "
                    + "Markov approximation; fou: fractional Ornstein-Uhlenbeck driven by exact fBM",
                    defaultValue = "exact", choices = {"exact", "cholesky", "mafbm", "fou"}) String method,
            @Param(label = "Hurst index", min = 0, max = 1, minExclusive = true, maxExclusive = true,
                    defaultValue = "0.7", description = "H in (0, 1)") double hurst,
            @Param(label = "Steps", min = 1, max = 4_194_304, defaultValue = "1024",
                    description = "Number of time steps n per path") int n,
            @Param(label = "Horizon", min = 0, minExclusive = true, defaultValue = "1.0", unit = "time",
                    description = "End time T; the step is T/n") double horizon,
            @Param(label = "Paths", min = 1, max = 100_000, defaultValue = "16",
                    description = "Number of independent paths") int paths,
            @Param(label = "Type", defaultValue = "I", choices = {"I", "II"},
                    description = "I: Mandelbrot-Van Ness (stationary increments); II: Riemann-Liouville (mafbm only)") String type,
            @Param(label = "K", min = 1, max = 100, defaultValue = "5",
                    description = "Number of Ornstein-Uhlenbeck processes (mafbm)") int k,
            @Param(label = "Gamma max", min = 1, minExclusive = true, defaultValue = "20", unit = "1/time",
                    description = "OU speeds geometric from 1/gammaMax to gammaMax (mafbm)") double gammaMax,
            @Param(label = "Weight horizon", min = 0, defaultValue = "0", unit = "time",
                    description = "Horizon over which the weights are optimised (mafbm); 0 means the path horizon") double omegaHorizon,
            @Param(label = "Stepper", defaultValue = "exact", choices = {"exact", "euler"},
                    description = "exact Gaussian OU transition, or Euler-Maruyama (needs gammaMax*T/n < 0.5) (mafbm)") String stepper,
            @Param(label = "Normalised", defaultValue = "false",
                    description = "Scale to standard fBM with Var B(t) = t^2H instead of the paper's un-normalised kernel") boolean normalised,
            @Param(label = "Theta", min = 0, defaultValue = "1.0", unit = "1/time",
                    description = "Mean reversion of the fOU process (fou)") double theta,
            @Param(label = "Sigma", min = 0, minExclusive = true, defaultValue = "1.0",
                    description = "Noise scale of the fOU process (fou)") double sigma) {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) {
        check(p);
        String method = p.method().toLowerCase(Locale.ROOT);
        FbmType type = "II".equalsIgnoreCase(p.type()) ? FbmType.TYPE_II : FbmType.TYPE_I;
        double dt = p.horizon() / p.n();
        Result.Builder out = Result.builder();
        Function<SplittableRandom, double[]> sampler;
        double[] closedForm = null; // the MA-fBM's own variance ωᵀM(t)ω
        double[] exact = new double[p.n() + 1];
        String label;
        switch (method) {
            case "exact", "cholesky" -> {
                FgnGenerator gen = FgnGenerator.of(p.n(), p.hurst(),
                        method.equals("exact") ? FgnGenerator.Method.DAVIES_HARTE : FgnGenerator.Method.CHOLESKY);
                if (gen.negativeEigenvalue() < -1e-10) {
                    ctx.log().warn("circulant embedding has negative eigenvalues (most negative / largest = "
                            + gen.negativeEigenvalue() + "); they were set to 0, so the noise is slightly inexact");
                }
                double scale = Math.pow(dt, p.hurst())
                        * (p.normalised() ? 1 : Math.sqrt(MarkovApproximation.exactVariance(FbmType.TYPE_I, p.hurst(), 1)));
                sampler = r -> cumulate(gen.sample(r), scale);
                for (int j = 0; j <= p.n(); j++) {
                    exact[j] = scale * scale * Math.pow(j, 2 * p.hurst());
                }
                label = (method.equals("exact") ? "Davies-Harte" : "Cholesky") + " fBM, H=" + p.hurst();
                out.value("generator", method.equals("exact") ? "davies-harte" : "cholesky");
            }
            case "mafbm" -> {
                double omegaHorizon = p.omegaHorizon() > 0 ? p.omegaHorizon() : p.horizon();
                MarkovApproximation ma = MarkovApproximation.optimal(type, p.hurst(), omegaHorizon,
                        GammaGrid.symmetric(p.k(), p.gammaMax()));
                double factor = p.normalised() ? MarkovApproximation.normalisation(type, p.hurst()) : 1;
                MarkovApproximation used = ma.scaled(factor);
                MaFbmSimulator.Stepper st = p.stepper().equalsIgnoreCase("euler") ? MaFbmSimulator.Stepper.EULER
                        : MaFbmSimulator.Stepper.EXACT;
                MaFbmSimulator sim;
                try {
                    sim = new MaFbmSimulator(used, p.n(), dt, st);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException("stepper", e.getMessage());
                }
                sampler = sim::sample;
                closedForm = new double[p.n() + 1];
                for (int j = 0; j <= p.n(); j++) {
                    closedForm[j] = used.variance(j * dt);
                    exact[j] = factor * factor * MarkovApproximation.exactVariance(type, p.hurst(), j * dt);
                }
                out.metric("relativeError", ma.relativeError());
                out.value("omega", used.omega());
                out.value("gamma", ma.grid().gammas());
                out.value("stepper", st.name().toLowerCase(Locale.ROOT));
                label = "MA-fBM type " + p.type() + ", K=" + p.k() + ", H=" + p.hurst();
            }
            case "fou" -> {
                FouSimulator fou = new FouSimulator(p.hurst(), p.n(), dt, p.theta(), p.sigma(), 0);
                double norm = p.normalised() ? 1 : Math.sqrt(MarkovApproximation.exactVariance(FbmType.TYPE_I, p.hurst(), 1));
                sampler = r -> scale(fou.sample(r), norm);
                exact = null;
                label = "fOU, H=" + p.hurst() + ", theta=" + p.theta();
                out.value("stepper", "exponential-euler with exact fGn");
            }
            default -> throw new ParameterException("method", "unknown method '" + p.method()
                    + "', expected exact, cholesky, mafbm or fou");
        }
        ctx.progress().begin("simulating " + p.paths() + " paths", p.paths());
        RandomStreams streams = RandomStreams.of(ctx);
        Function<SplittableRandom, double[]> s = sampler;
        List<double[]> paths = Parallel.mapToObj(ctx.threads(), p.paths(), i -> s.apply(streams.splittable(i)),
                ctx.progress());
        return report(out, p, label, paths, exact, closedForm, dt);
    }

    private static Result report(Result.Builder out, Params p, String label, List<double[]> paths, double[] exact,
            double[] closedForm, double dt) {
        int len = p.n() + 1;
        double[] t = new double[len];
        double[] variance = new double[len];
        double[] mean = new double[len];
        for (int j = 0; j < len; j++) {
            t[j] = j * dt;
            double s = 0;
            double ss = 0;
            for (double[] path : paths) {
                s += path[j];
                ss += path[j] * path[j];
            }
            mean[j] = s / paths.size();
            variance[j] = ss / paths.size(); // about the known mean 0
        }
        out.metric("paths", paths.size());
        out.metric("steps", p.n());
        out.metric("varianceAtHorizon", variance[len - 1]);
        if (exact != null) {
            out.metric("exactVarianceAtHorizon", exact[len - 1]);
        }
        if (closedForm != null) {
            out.metric("approximationVarianceAtHorizon", closedForm[len - 1]);
        }
        Table.Builder table = Table.builder("paths").numeric("t", "time", t);
        int written = Math.min(paths.size(), MAX_TABLE_PATHS);
        for (int i = 0; i < written; i++) {
            table.numeric("path" + (i + 1), paths.get(i));
        }
        out.table(table.build());
        Table.Builder vt = Table.builder("variance").numeric("t", "time", t).numeric("empirical", variance);
        if (exact != null) {
            vt.numeric("exact", exact);
        }
        if (closedForm != null) {
            vt.numeric("approximation", closedForm);
        }
        out.table(vt.build());

        int[] idx = Downsample.indices(len);
        double[] tx = Downsample.take(t, idx);
        List<Series> fan = new ArrayList<>();
        double[] lo = new double[idx.length];
        double[] hi = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            double[] column = new double[paths.size()];
            for (int q = 0; q < paths.size(); q++) {
                column[q] = paths.get(q)[idx[i]];
            }
            Arrays.sort(column);
            lo[i] = quantile(column, 0.05);
            hi[i] = quantile(column, 0.95);
        }
        fan.add(new Series("mean, 5-95% band", tx, Downsample.take(mean, idx), lo, hi));
        for (int i = 0; i < Math.min(paths.size(), CHART_PATHS); i++) {
            fan.add(Series.of("path " + (i + 1), tx, Downsample.take(paths.get(i), idx)));
        }
        out.chart(ChartSpec.line("pathsChart", label, "t [time]", "B(t)", fan.toArray(Series[]::new)));
        List<Series> vs = new ArrayList<>();
        vs.add(Series.of("empirical (" + paths.size() + " paths)", tx, Downsample.take(variance, idx)));
        if (exact != null) {
            vs.add(Series.of("exact fBM", tx, Downsample.take(exact, idx)));
        }
        if (closedForm != null) {
            vs.add(Series.of("MA-fBM closed form", tx, Downsample.take(closedForm, idx)));
        }
        out.chart(ChartSpec.line("varianceChart", "Variance: empirical against exact", "t [time]", "Var B(t)",
                vs.toArray(Series[]::new)));
        return out.build();
    }

    private static void check(Params p) {
        if (!(p.hurst() > 0 && p.hurst() < 1)) {
            throw new ParameterException("hurst", "must lie in (0, 1), got " + p.hurst());
        }
        if (p.n() < 1) {
            throw new ParameterException("n", "must be >= 1, got " + p.n());
        }
        if (p.paths() < 1) {
            throw new ParameterException("paths", "must be >= 1, got " + p.paths());
        }
        if (!(p.horizon() > 0) || Double.isInfinite(p.horizon())) {
            throw new ParameterException("horizon", "must be finite and > 0, got " + p.horizon());
        }
        if ((long) p.paths() * (p.n() + 1) > MAX_VALUES) {
            throw new ParameterException("paths", "paths*(n+1) = " + (long) p.paths() * (p.n() + 1) + " exceeds "
                    + MAX_VALUES + "; use fewer paths or steps");
        }
        String method = p.method().toLowerCase(Locale.ROOT);
        if (method.equals("cholesky") && p.n() > FgnGenerator.MAX_CHOLESKY) {
            throw new ParameterException("n", "the cholesky method needs n <= " + FgnGenerator.MAX_CHOLESKY + ", got "
                    + p.n() + "; use method=exact");
        }
        if (!p.type().equalsIgnoreCase("I") && !p.type().equalsIgnoreCase("II")) {
            throw new ParameterException("type", "expected I or II, got '" + p.type() + "'");
        }
        if (p.type().equalsIgnoreCase("II") && !method.equals("mafbm")) {
            throw new ParameterException("type", "type II (Riemann-Liouville) is simulated by method=mafbm only; "
                    + method + " gives type I fBM");
        }
        if (method.equals("mafbm") && !(p.gammaMax() > 1)) {
            throw new ParameterException("gammaMax", "must be > 1, got " + p.gammaMax());
        }
        if (method.equals("fou") && (!(p.sigma() > 0) || !(p.theta() >= 0))) {
            throw new ParameterException(p.sigma() > 0 ? "theta" : "sigma", "fou needs theta >= 0 and sigma > 0");
        }
    }

    private static double[] cumulate(double[] fgn, double scale) {
        double[] path = new double[fgn.length + 1];
        double s = 0;
        for (int i = 0; i < fgn.length; i++) {
            s += fgn[i];
            path[i + 1] = scale * s;
        }
        return path;
    }

    private static double[] scale(double[] x, double factor) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= factor;
        }
        return x;
    }

    /** Linear interpolation between order statistics of a sorted array (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
