package org.quire.lmdp;

import java.util.ArrayList;
import java.util.List;

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
import org.quire.lmdp.learn.LearnSettings;
import org.quire.lmdp.learn.LearnerCurve;
import org.quire.lmdp.learn.LearnerKind;
import org.quire.lmdp.learn.RegretStudy;
import org.quire.lmdp.model.Lmdp;
import org.quire.lmdp.model.LmdpJson;

/**
 * {@code lmdp.learn}: a regret study on a latent MDP read from JSON. Each learner (value-optimistic, model-optimistic,
 * L-UCRL-style L1 and Hoeffding, oracle, memoryless) runs K episodes in each of n seeded runs with the context
 * revealed after every episode; the exact pseudo-regret V* − V^{π_k} is accumulated. Reports per learner the final
 * cumulative regret, the log-log slope over the second half and the number of replans; charts the curves with 95%
 * bands. Stateless; runs are parallel over (run, learner) and bit-identical for any thread count.
 */
@Component(service = Algorithm.class)
@AlgorithmInfo(id = "lmdp.learn", name = "LMDP regret study",
        description = "Runs the value-optimistic (Bernstein bonus) and model-optimistic learners, the L-UCRL-style "
                + "baselines, the oracle and a memoryless baseline on a latent MDP with contexts revealed in hindsight; "
                + "reports exact cumulative pseudo-regret over seeds with 95% bands and log-log slopes.",
        references = {"R. Zhou, R. Wang, S. S. Du, Horizon-Free and Variance-Dependent Reinforcement Learning for Latent "
                + "Markov Decision Processes, ICML 2023, arXiv:2210.11604",
                "J. Kwon, Y. Efroni, C. Caramanis, S. Mannor, RL for Latent MDPs: Regret Guarantees and a Lower Bound, "
                        + "NeurIPS 2021, arXiv:2102.04939"})
@Input(name = "lmdp", formats = {"json"}, description = "The latent MDP (issue 4 JSON format)")
public final class LearnAlgorithm implements Algorithm<LearnAlgorithm.Params> {

    /**
     * Parameters.
     *
     * @param episodes  K, episodes per run
     * @param seeds     number of runs (seeded streams 0..seeds-1 of the run seed)
     * @param learners  comma-separated learner ids; empty: all
     * @param c1        constant of the variance term of the bonuses
     * @param c2        constant of the 1/n term of the bonuses
     * @param delta     confidence δ in ι = ln(MSAKH/δ)
     * @param horizon   horizon override; 0 keeps the file's
     * @param smoothing λ of the belief model
     * @param logLog    also chart the mean curves on log-log axes
     */
    public record Params(
            @Param(label = "Episodes", min = 1, max = 10_000_000, defaultValue = "2000",
                    description = "Episodes K per run") int episodes,
            @Param(label = "Seeds", min = 1, max = 10_000, defaultValue = "5",
                    description = "Independent runs (random streams) per learner") int seeds,
            @Param(label = "Learners", defaultValue = "",
                    description = "Comma-separated: value, model, lucrl, hoeffding, oracle, memoryless; empty for all") String learners,
            @Param(label = "c1", min = 0, defaultValue = "1",
                    description = "Constant of the variance (square-root) term of the bonuses") double c1,
            @Param(label = "c2", min = 0, defaultValue = "1",
                    description = "Constant of the 1/n term of the bonuses") double c2,
            @Param(label = "delta", min = 0, max = 1, minExclusive = true, maxExclusive = true, defaultValue = "0.05",
                    description = "Confidence level in the log term ln(MSAKH/delta)") double delta,
            @Param(label = "Horizon", min = 0, max = 1000, defaultValue = "0",
                    description = "Horizon override; 0 keeps the horizon of the file") int horizon,
            @Param(label = "Belief smoothing", min = 0, max = 1, minExclusive = true, defaultValue = "0.001",
                    description = "Lambda of the planning model (1-lambda) P-hat + lambda/S under which beliefs are tracked") double smoothing,
            @Param(label = "Log-log chart", defaultValue = "true",
                    description = "Also chart the mean regret curves on log-log axes") boolean logLog) {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) throws InputException {
        List<LearnerKind> kinds;
        try {
            kinds = LearnerKind.parseList(p.learners());
        } catch (IllegalArgumentException e) {
            throw new ParameterException("learners", e.getMessage());
        }
        if (inputs.size() != 1) {
            throw new ParameterException("lmdp", "expected one JSON input, got " + inputs.size());
        }
        Lmdp truth = LmdpJson.read(inputs.get(0).path());
        if (p.horizon() > 0) {
            truth = truth.withHorizon(p.horizon());
        }
        for (String w : LmdpJson.warnings(truth)) {
            ctx.log().warn(inputs.get(0).fileName() + ": " + w);
        }
        LearnSettings settings = new LearnSettings(p.episodes(), p.c1(), p.c2(), p.delta(), p.smoothing());
        RegretStudy.Outcome outcome = RegretStudy.run(truth, kinds, settings, p.seeds(), ctx.seed(), ctx.threads(),
                ctx.progress());
        long bound = (long) truth.contexts() * truth.states() * truth.actions()
                * (long) Math.ceil(Math.log((double) p.episodes() * truth.horizon()) / Math.log(2));
        ctx.log().info("V* = " + outcome.optimalValue() + "; replan bound M*S*A*ceil(log2(KH)) = " + bound);
        return result(truth, outcome, p, bound);
    }

    static Result result(Lmdp truth, RegretStudy.Outcome outcome, Params p, long bound) {
        Result.Builder out = Result.builder().metric("optimalValue", outcome.optimalValue())
                .metric("replanBound", bound);
        int[] k = outcome.checkpoints();
        double[] x = new double[k.length];
        double[] norm = new double[k.length];
        double scale = truth.contexts() * (double) truth.maxDegree() * truth.states() * truth.actions();
        for (int i = 0; i < k.length; i++) {
            x[i] = k[i];
            norm[i] = Math.sqrt(scale * k[i] * Math.log(Math.max(2, k[i])));
        }
        List<Series> bands = new ArrayList<>();
        List<Series> logSeries = new ArrayList<>();
        List<Series> normalised = new ArrayList<>();
        List<String> learnerCol = new ArrayList<>();
        List<Double> kCol = new ArrayList<>();
        List<Double> meanCol = new ArrayList<>();
        List<Double> lowCol = new ArrayList<>();
        List<Double> highCol = new ArrayList<>();
        for (LearnerCurve c : outcome.curves()) {
            String id = c.learner().id();
            out.metric(id + ".finalRegret", c.finalRegret())
                    .metric(id + ".slope", c.slope())
                    .metric(id + ".replans", c.meanReplans())
                    .metric(id + ".maxReplans", c.maxReplans())
                    .metric(id + ".finalGap", c.meanFinalGap())
                    .metric(id + ".realisedRegret", c.meanRealised());
            int n = k.length;
            bands.add(new Series(id, x, c.mean(), c.low(), c.high()));
            double[] nm = new double[n];
            double[] nl = new double[n];
            double[] nh = new double[n];
            for (int i = 0; i < n; i++) {
                nm[i] = c.mean()[i] / norm[i];
                nl[i] = c.low()[i] / norm[i];
                nh[i] = c.high()[i] / norm[i];
                learnerCol.add(id);
                kCol.add(x[i]);
                meanCol.add(c.mean()[i]);
                lowCol.add(c.low()[i]);
                highCol.add(c.high()[i]);
            }
            normalised.add(new Series(id, x, nm, nl, nh));
            Series positive = positivePart(id, x, c.mean());
            if (positive != null) {
                logSeries.add(positive);
            }
        }
        out.chart(new ChartSpec("regret", "Cumulative pseudo-regret (mean ± 95% band over " + p.seeds() + " seeds)",
                "episodes k", "cumulative regret", ChartSpec.Kind.LINE, false, false, 0, bands));
        if (p.logLog() && !logSeries.isEmpty()) {
            out.chart(new ChartSpec("regretLogLog", "Cumulative pseudo-regret, log-log (mean over seeds; slope 1 = linear)",
                    "episodes k", "cumulative regret", ChartSpec.Kind.LINE, true, true, 0, logSeries));
        }
        out.chart(new ChartSpec("normalisedRegret", "Regret / sqrt(M Γ S A k ln k) (mean ± 95% band)",
                "episodes k", "normalised regret", ChartSpec.Kind.LINE, false, false, 0, normalised));
        out.table(Table.builder("regretCurves")
                .numeric("k", kCol.stream().mapToDouble(Double::doubleValue).toArray())
                .text("learner", learnerCol.toArray(new String[0]))
                .numeric("mean", meanCol.stream().mapToDouble(Double::doubleValue).toArray())
                .numeric("low", lowCol.stream().mapToDouble(Double::doubleValue).toArray())
                .numeric("high", highCol.stream().mapToDouble(Double::doubleValue).toArray())
                .build());
        return out.build();
    }

    /** The points with y &gt; 0 (for log axes), or null when there are none. */
    private static Series positivePart(String name, double[] x, double[] y) {
        int n = 0;
        for (double v : y) {
            if (v > 0) {
                n++;
            }
        }
        if (n == 0) {
            return null;
        }
        double[] px = new double[n];
        double[] py = new double[n];
        int j = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] > 0) {
                px[j] = x[i];
                py[j++] = y[i];
            }
        }
        return Series.of(name, px, py);
    }
}
