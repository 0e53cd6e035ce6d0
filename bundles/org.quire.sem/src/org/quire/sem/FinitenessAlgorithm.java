package org.quire.sem;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.Input;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.result.Result;

/**
 * {@code sem.finiteness}: generic finiteness of the parametrization &phi;<sub>G</sub>: the Jacobian rank (exact, mod
 * p), the expected dimension n+|D|+|B|, the model dimension and codimension, whether G is simple (the paper's theorem:
 * simple &rArr; generically finite-to-one) and the generic fiber size where it can be computed: infinite when the
 * Jacobian is rank deficient, 1 for acyclic simple (bow-free) graphs (Brito&ndash;Pearl 2002), else by counting the
 * solutions &Lambda; of the fiber equations over F<sub>p</sub> with a Gr&ouml;bner basis ({@link FiberCount}). Stateless.
 */
@Component(service = Algorithm.class)
@AlgorithmInfo(id = "sem.finiteness", family = "sem", name = "SEM generic finiteness",
        description = "Jacobian rank of the covariance parametrization of a mixed-graph SEM (exact modular certificate), "
                + "expected dimension, simplicity, and the generic number of parameter values with the same covariance.",
        references = {"B. Adhikari, E. Gross, M. Harkonen, E. Tsigaridas, One-connection rule for structural equation "
                + "models, arXiv:2210.00239 (2022)",
                "C. Amendola, P. Dettling, M. Drton, F. Onori, J. Wu, Structure learning for cyclic linear causal models, UAI 2020",
                "C. Brito, J. Pearl, A new identification condition for recursive models with correlated errors, SEM 9 (2002)"})
@Input(name = "graph", formats = {"json", "txt", "graph"},
        description = "Mixed graph: JSON {\"nodes\": n, \"directed\": [[i,j],...], \"bidirected\": [[i,j],...]} (1-based) "
                + "or edge-list text '1->2; 2->3; 3->1; 1<->4'")
public final class FinitenessAlgorithm implements Algorithm<FinitenessAlgorithm.Params> {

    /**
     * Parameters.
     *
     * @param points      random points (each modulo another prime) for the Jacobian rank
     * @param fiberBudget most Gr&ouml;bner-basis pair reductions for the fiber count (0: skip)
     */
    public record Params(
            @Param(label = "Rank points", min = 1, max = 12, defaultValue = "3",
                    description = "Random points, each modulo a different prime near 2^31, at which the Jacobian rank "
                            + "is computed exactly; the largest rank is reported") int points,
            @Param(label = "Fiber budget", min = 0, max = 10_000_000, defaultValue = "20000",
                    description = "Most S-pair reductions of the modular Groebner basis that counts the generic fiber; "
                            + "0 skips the count") int fiberBudget) {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) throws Exception {
        MixedGraph g = GraphReader.read(inputs.get(0).path());
        ctx.progress().begin("Jacobian rank", 2);
        int params = g.parameterCount();
        int m = g.sigmaCount();
        int rank = JacobianRank.rank(g, p.points(), ctx.random(2));
        ctx.progress().worked(1);
        Result.Builder out = Result.builder();
        GraphSummary.add(g, inputs.get(0).fileName(), out, ctx);
        out.metric("parameters", params);
        out.metric("expectedDimension", Math.min(params, m));
        out.metric("jacobianRank", rank);
        out.metric("modelDimension", rank);
        out.metric("codimension", m - rank);
        out.metric("expectedCodimension", Math.max(0, m - params));
        boolean finite = rank == params;
        out.value("genericallyFinite", finite);
        out.value("simple", g.isSimple());
        out.value("simplicityViolations", g.simplicityViolations());
        String fiberMethod;
        double fiber;
        if (!finite) {
            fiber = Double.POSITIVE_INFINITY;
            fiberMethod = "Jacobian rank " + rank + " < " + params + " parameters: positive-dimensional fibers";
        } else if (g.isAcyclic() && g.isSimple()) {
            fiber = 1;
            fiberMethod = "acyclic bow-free graph: generically identifiable (Brito-Pearl 2002)";
        } else if (p.fiberBudget() > 0) {
            FiberCount.Count c = FiberCount.count(g, p.fiberBudget(), ctx.random(3), ctx.progress());
            fiber = c.solutions() < 0 ? Double.NaN : c.solutions();
            fiberMethod = c.method();
        } else {
            fiber = Double.NaN;
            fiberMethod = "not computed (fiberBudget = 0)";
        }
        if (!Double.isNaN(fiber)) {
            out.metric("genericFiber", fiber);
        }
        out.value("genericFiberMethod", fiberMethod);
        if (g.isSimple() && !finite) {
            ctx.log().warn("simple graph with Jacobian rank " + rank + " < " + params
                    + ": contradicts the finiteness theorem, or every random point was unlucky; rerun with another seed");
        }
        ctx.log().info("Jacobian rank " + rank + " of " + params + " parameters (" + m + " covariances); fiber: " + fiberMethod);
        ctx.progress().worked(1);
        return out.build();
    }
}
