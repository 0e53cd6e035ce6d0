package org.quire.lmdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.Input;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.Result;
import org.quire.api.result.Series;
import org.quire.api.result.Table;
import org.quire.lmdp.model.Lmdp;
import org.quire.lmdp.model.LmdpJson;
import org.quire.lmdp.plan.AlphaVectorPlanner;
import org.quire.lmdp.plan.BeliefTreePlanner;
import org.quire.lmdp.plan.MemorylessSearch;
import org.quire.lmdp.plan.ReferenceValues;

/**
 * {@code lmdp.plan}: exact optimal value and policy of a known LMDP over history-dependent policies (belief-tree DP
 * and/or exact alpha-vector backups, asserted to agree within 1e-9), the context-known value Σ_m w_m V*_m and the
 * best memoryless value, the policy tree (capped) and the three values against the horizon 1..H. Stateless.
 */
@Component(service = Algorithm.class)
@AlgorithmInfo(id = "lmdp.plan", family = "lmdp", name = "Plan a latent MDP exactly",
        description = "Exact optimal value and history-dependent policy of a known latent MDP by belief-tree dynamic "
                + "programming and exact alpha-vector backups (which must agree), with the context-known and best "
                + "memoryless values as references, the policy tree and the values against the horizon.",
        references = {"R. Zhou, R. Wang, S. S. Du, Horizon-Free and Variance-Dependent Reinforcement Learning for Latent "
                + "Markov Decision Processes, ICML 2023 (arXiv:2210.11604)",
                "J. Kwon, Y. Efroni, C. Caramanis, S. Mannor, RL for Latent MDPs: Regret Guarantees and a Lower Bound, "
                        + "NeurIPS 2021 (arXiv:2102.04939)"})
@Input(name = "instance", formats = {"json"},
        description = "LMDP JSON: {\"states\": S, \"actions\": A, \"horizon\": H, \"contexts\": [{\"weight\", \"initial\" [S], "
                + "\"transitions\" [S][A][S], \"rewards\" [S][A]}, ...]} (0-based)")
public final class PlanAlgorithm implements Algorithm<PlanAlgorithm.Params> {
    /** Agreement required between the two exact planners. */
    public static final double AGREEMENT = 1e-9;

    /**
     * Parameters.
     *
     * @param horizon         horizon override (0: the file's)
     * @param planner         belief-tree, alpha-vectors or both (asserting agreement)
     * @param maxNodes        belief-tree node cap
     * @param maxVectors      alpha-vector cap per set and cross-sum
     * @param memorylessNodes branch-and-bound node budget of the best memoryless value (0: skip)
     * @param treeNodes       most policy-tree nodes in the {@code policy} value
     * @param chart           compute the values for every horizon 1..H for the chart
     */
    public record Params(
            @Param(label = "Horizon", min = 0, max = 1000, defaultValue = "0",
                    description = "Horizon H overriding the file's; 0 keeps the file's horizon") int horizon,
            @Param(label = "Planner", defaultValue = "belief-tree", choices = {"belief-tree", "alpha-vectors", "both"},
                    description = "Exact planner; both also runs exact alpha-vector backups and fails unless the two agree "
                            + "within 1e-9 (alpha vectors with LP pruning are slow from 3 contexts on)") String planner,
            @Param(label = "Node cap", min = 1, max = 50_000_000, defaultValue = "5000000",
                    description = "Most belief-tree nodes before the run fails") int maxNodes,
            @Param(label = "Vector cap", min = 1, max = 10_000_000, defaultValue = "20000",
                    description = "Most alpha vectors per (step, state) set or unpruned cross-sum") int maxVectors,
            @Param(label = "Memoryless budget", min = 0, max = 1_000_000_000, defaultValue = "2000000",
                    description = "Branch-and-bound nodes for the best memoryless value; 0 skips it") int memorylessNodes,
            @Param(label = "Tree nodes", min = 1, max = 100_000, defaultValue = "500",
                    description = "Most nodes of the policy tree written as the 'policy' value (breadth-first)") int treeNodes,
            @Param(label = "Horizon chart", defaultValue = "true",
                    description = "Chart the optimal, context-known and best memoryless values for horizons 1..H") boolean chart) {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) throws Exception {
        Lmdp model = LmdpJson.read(inputs.get(0).path());
        if (p.horizon() > 0) {
            model = model.withHorizon(p.horizon());
        }
        for (String w : LmdpJson.warnings(model)) {
            ctx.log().warn(inputs.get(0).fileName() + ": " + w);
        }
        String planner = p.planner().toLowerCase(Locale.ROOT);
        Result.Builder out = Result.builder();
        Values v = values(model, planner, p, ctx, true);
        out.metric("optimalValue", v.optimal);
        out.metric("contextKnownValue", v.contextKnown);
        if (!Double.isNaN(v.memoryless)) {
            out.metric("bestMemorylessValue", v.memoryless);
        }
        if (v.nodes >= 0) {
            out.metric("beliefTreeNodes", v.nodes);
        }
        if (v.vectors >= 0) {
            out.metric("alphaVectors", v.vectors);
        }
        out.metric("contexts", model.contexts());
        out.metric("states", model.states());
        out.metric("actions", model.actions());
        out.metric("horizon", model.horizon());
        out.metric("maxDegree", model.maxDegree());
        if (v.tree != null) {
            PolicyTree.Built tree = PolicyTree.build(v.tree, p.treeNodes());
            out.value("policy", tree.root());
            if (tree.truncated()) {
                ctx.log().info("policy tree truncated to " + p.treeNodes() + " nodes (parameter treeNodes)");
            }
            out.value("policyTruncated", tree.truncated());
            out.table(tree.table());
        }
        if (p.chart()) {
            int hh = model.horizon();
            double[] hs = new double[hh];
            double[] opt = new double[hh];
            double[] ctxv = new double[hh];
            double[] mem = new double[hh];
            boolean memOk = true;
            ctx.progress().begin("values against the horizon", hh);
            for (int h = 1; h <= hh; h++) {
                ctx.progress().checkCancelled();
                Values vh = h == hh ? v : values(model.withHorizon(h), planner, p, ctx, false);
                hs[h - 1] = h;
                opt[h - 1] = vh.optimal;
                ctxv[h - 1] = vh.contextKnown;
                mem[h - 1] = vh.memoryless;
                memOk &= !Double.isNaN(vh.memoryless);
                ctx.progress().worked(1);
            }
            List<Series> series = new ArrayList<>();
            series.add(Series.of("optimal", hs, opt));
            series.add(Series.of("context known", hs, ctxv));
            Table.Builder t = Table.builder("values-by-horizon").numeric("horizon", hs).numeric("optimal", opt)
                    .numeric("contextKnown", ctxv);
            if (memOk) {
                series.add(Series.of("best memoryless", hs, mem));
                t.numeric("bestMemoryless", mem);
            }
            out.table(t.build());
            out.chart(ChartSpec.line("values-vs-horizon", "Values against the horizon", "horizon H", "value",
                    series.toArray(Series[]::new)));
        }
        return out.build();
    }

    private static final class Values {
        double optimal;
        double contextKnown;
        double memoryless = Double.NaN;
        long nodes = -1;
        long vectors = -1;
        BeliefTreePlanner tree;
    }

    private static Values values(Lmdp model, String planner, Params p, RunContext ctx, boolean log) {
        Values v = new Values();
        double tree = Double.NaN;
        double alpha = Double.NaN;
        if (!planner.equals("alpha-vectors")) {
            BeliefTreePlanner bt = new BeliefTreePlanner(model, BeliefTreePlanner.exact(model)).maxNodes(p.maxNodes());
            tree = bt.plan().value();
            v.nodes = bt.nodeCount();
            v.tree = bt;
        }
        if (!planner.equals("belief-tree")) {
            AlphaVectorPlanner av = new AlphaVectorPlanner(model, p.maxVectors());
            alpha = av.value();
            v.vectors = av.vectorCount();
        }
        if (!Double.isNaN(tree) && !Double.isNaN(alpha) && Math.abs(tree - alpha) > AGREEMENT) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "belief-tree value %.15g and alpha-vector value %.15g differ by %.3g > %.0e at horizon %d", tree, alpha,
                    Math.abs(tree - alpha), AGREEMENT, model.horizon()));
        }
        v.optimal = Double.isNaN(tree) ? alpha : tree;
        v.contextKnown = ReferenceValues.contextKnownValue(model);
        if (p.memorylessNodes() > 0) {
            try {
                v.memoryless = new MemorylessSearch(model, p.memorylessNodes()).solve();
            } catch (IllegalStateException e) {
                if (log) {
                    ctx.log().warn("bestMemorylessValue omitted: " + e.getMessage());
                }
            }
        }
        return v;
    }
}
