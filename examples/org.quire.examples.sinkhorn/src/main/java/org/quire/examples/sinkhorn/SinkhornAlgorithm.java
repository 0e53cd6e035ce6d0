package org.quire.examples.sinkhorn;

import java.util.ArrayList;
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
import org.quire.api.result.ChartSpec;
import org.quire.api.result.Result;
import org.quire.api.result.Series;
import org.quire.api.result.Table;

/**
 * {@code ot.sinkhorn}: entropic optimal transport between two weighted point sets (squared Euclidean cost, or a cost
 * matrix from a third file) by stabilised Sinkhorn or Sinkhorn-Newton-Sparse ({@link OtSolver}). The chosen method's
 * plan gives the metrics and the map table; with {@code compare} the other method is run too, for the convergence chart.
 * Stateless; a run uses {@link RunContext#threads()} threads with results independent of that number.
 */
@Component(service = Algorithm.class)
@AlgorithmInfo(id = "ot.sinkhorn", family = "ot", name = "Entropic optimal transport (Sinkhorn, Sinkhorn-Newton-Sparse)",
        description = "Entropic optimal transport between two weighted point sets with squared Euclidean cost (or a given "
                + "cost matrix): stabilised log-domain-safe Sinkhorn, or Sinkhorn-Newton-Sparse (Sinkhorn warm start, "
                + "then Newton steps on the dual with a sparsified Hessian solved by conjugate gradient, with line "
                + "search). Reports the transport cost, the marginal error and the convergence of both methods.",
        references = {"X. Tang, M. Shavlovsky, H. Rahmanian, E. Tardini, K. K. Thekumparampil, T. Xiao, L. Ying, "
                + "Accelerating Sinkhorn Algorithm with Sparse Newton Iterations, ICLR 2024 (arXiv:2401.12253)",
                "M. Cuturi, Sinkhorn Distances: Lightspeed Computation of Optimal Transport, NeurIPS 2013",
                "B. Schmitzer, Stabilized Sparse Scaling Algorithms for Entropy Regularized Transport Problems, "
                        + "SIAM J. Sci. Comput. 41(3), 2019"})
@Input(name = "source", formats = {"csv"}, description = "Source points: header row, coordinate columns, optional "
        + "'weight' column (>= 0; uniform without it; normalised to 1)")
@Input(name = "target", formats = {"csv"}, description = "Target points, same coordinate columns as the source")
@Input(name = "cost", formats = {"csv"}, minCount = 0, description = "Optional cost matrix: one row per source point, "
        + "one column per target point (an optional header row is skipped); replaces the squared Euclidean cost")
public final class SinkhornAlgorithm implements Algorithm<SinkhornAlgorithm.Params> {

    /**
     * Parameters.
     *
     * @param reg           entropic regularisation eps (cost units)
     * @param method        sinkhorn or sns
     * @param tolerance     target L1 marginal error
     * @param maxIterations most iterations per method
     * @param warmStart     SNS Sinkhorn warm-start iterations
     * @param keepPerRow    SNS cap on Hessian entries per row
     * @param dropMass      SNS fraction of a row's plan mass that may be left out of the Hessian
     * @param compare       also run the other method for the convergence chart
     */
    public record Params(
            @Param(label = "Regularisation eps", unit = "cost units", min = 0, minExclusive = true, defaultValue = "0.01",
                    description = "Entropic regularisation eps in K = exp(-C/eps), in the units of the cost (squared "
                            + "coordinate units by default); smaller is closer to exact transport and slower") double reg,
            @Param(label = "Method", defaultValue = "sns", choices = {"sinkhorn", "sns"},
                    description = "sinkhorn: stabilised Sinkhorn-Knopp; sns: Sinkhorn-Newton-Sparse (Tang et al. 2024)")
            String method,
            @Param(label = "Tolerance", min = 0, defaultValue = "1e-9",
                    description = "Stop when |P1 - a|_1 + |P^T 1 - b|_1 is at most this") double tolerance,
            @Param(label = "Most iterations", min = 1, max = 10_000_000, defaultValue = "10000",
                    description = "Most Sinkhorn iterations plus Newton steps; the run warns when it stops unconverged")
            int maxIterations,
            @Param(label = "SNS warm start", min = 0, max = 1_000_000, defaultValue = "20",
                    description = "Sinkhorn iterations before the first Newton step (sns only)") int warmStart,
            @Param(label = "SNS entries per row", min = 1, max = 100_000, defaultValue = "512",
                    description = "Most plan entries per row kept in the sparsified Hessian (sns only)") int keepPerRow,
            @Param(label = "SNS dropped mass", min = 0, max = 1, maxExclusive = true, defaultValue = "0.01",
                    description = "A row's entries below dropMass/m of its mass are left out of the Hessian, so at "
                            + "most this fraction of each row's mass is dropped (sns only)") double dropMass,
            @Param(label = "Compare methods", defaultValue = "true",
                    description = "Also run the other method, for the convergence chart (metrics are the chosen one's)")
            boolean compare) {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) throws Exception {
        WeightedPoints src = WeightedPoints.read(inputs.get(0).path());
        WeightedPoints dst = WeightedPoints.read(inputs.get(1).path());
        InputFile costFile = inputs.size() > 2 ? inputs.get(2) : null;
        if (costFile == null && src.dim() == 0) {
            throw new InputException(src.file(), 1, "no coordinate columns (only 'weight'); give coordinates or a cost "
                    + "matrix as the third input");
        }
        if (costFile == null && src.dim() != dst.dim()) {
            throw new InputException(dst.file(), 1, String.format(Locale.ROOT,
                    "has %d coordinate columns (%s) but the source %s has %d (%s)", dst.dim(),
                    String.join(", ", dst.coordinates()), src.file().getFileName(), src.dim(),
                    String.join(", ", src.coordinates())));
        }
        int[] si = support(src.weights());
        int[] ti = support(dst.weights());
        if (si.length < src.size() || ti.length < dst.size()) {
            ctx.log().info((src.size() - si.length) + " source and " + (dst.size() - ti.length)
                    + " target points of zero weight take no mass and are left out");
        }
        double[] cost;
        if (costFile != null) {
            double[] full = CostMatrixCsv.read(costFile.path(), src.size(), dst.size());
            OtProblem.checkSize(si.length, ti.length);
            cost = new double[si.length * ti.length];
            for (int i = 0; i < si.length; i++) {
                for (int j = 0; j < ti.length; j++) {
                    cost[i * ti.length + j] = full[si[i] * dst.size() + ti[j]];
                }
            }
        } else {
            cost = OtProblem.squaredEuclidean(select(src, si), select(dst, ti), src.dim());
        }
        OtProblem problem = new OtProblem(OtProblem.normalised(pick(src.weights(), si)),
                OtProblem.normalised(pick(dst.weights(), ti)), cost);

        OtSolver.Method chosen = p.method().equalsIgnoreCase("sinkhorn") ? OtSolver.Method.SINKHORN : OtSolver.Method.SNS;
        OtSolver.Method other = chosen == OtSolver.Method.SNS ? OtSolver.Method.SINKHORN : OtSolver.Method.SNS;
        ctx.progress().begin("entropic optimal transport", p.compare() ? 2 : 1);
        OtSolution sol = OtSolver.solve(problem, options(p, chosen), ctx.threads(), ctx.progress().split(1));
        OtSolution cmp = p.compare() ? OtSolver.solve(problem, options(p, other), ctx.threads(), ctx.progress().split(1))
                : null;
        if (!sol.converged()) {
            ctx.log().warn(String.format(Locale.ROOT, "%s stopped after %d iterations with marginal error %.3g > "
                    + "tolerance %.3g (raise maxIterations or reg)", name(chosen), sol.iterations(),
                    sol.marginalError(), p.tolerance()));
        }

        Result.Builder out = Result.builder();
        out.metric("transportCost", sol.transportCost());
        out.metric("entropicCost", sol.entropicCost());
        out.metric("iterations", sol.iterations());
        out.metric("marginalError", sol.marginalError());
        out.metric("kernelPasses", sol.kernelPasses());
        if (chosen == OtSolver.Method.SNS) {
            out.metric("newtonSteps", sol.newtonSteps());
            out.metric("cgIterations", sol.cgIterations());
        }
        out.metric("sources", si.length);
        out.metric("targets", ti.length);
        out.value("method", name(chosen));
        out.value("converged", sol.converged());
        List<Series> series = new ArrayList<>();
        List<String> methodCol = new ArrayList<>();
        List<Double> itCol = new ArrayList<>();
        List<Double> errCol = new ArrayList<>();
        for (OtSolution s : cmp == null ? List.of(sol) : List.of(sol, cmp)) {
            String nm = name(s.options().method());
            if (s != sol) {
                out.metric(nm + "Iterations", s.iterations());
                out.metric(nm + "MarginalError", s.marginalError());
                out.metric(nm + "TransportCost", s.transportCost());
            }
            double[] h = s.errorHistory();
            double[] x = new double[h.length];
            double[] y = new double[h.length];
            for (int t = 0; t < h.length; t++) {
                x[t] = t + 1;
                y[t] = Math.max(h[t], Double.MIN_NORMAL);   // log axis: an exact zero is drawn at the floor
                methodCol.add(nm);
                itCol.add(x[t]);
                errCol.add(h[t]);
            }
            series.add(Series.of(nm, x, y));
        }
        out.table(Table.builder("convergence")
                .text("method", methodCol.toArray(String[]::new))
                .numeric("iteration", itCol.stream().mapToDouble(Double::doubleValue).toArray())
                .numeric("marginalError", errCol.stream().mapToDouble(Double::doubleValue).toArray())
                .build());
        out.chart(ChartSpec.line("convergenceChart", String.format(Locale.ROOT,
                "Marginal error per iteration (eps = %s)", p.reg()), "iteration", "|P1 - a|_1 + |P^T 1 - b|_1",
                series.toArray(Series[]::new)).withLogAxes(false, true));
        mapTable(out, sol, src, dst, si, ti, costFile == null);
        return out.build();
    }

    private static String name(OtSolver.Method m) {
        return m == OtSolver.Method.SNS ? "sns" : "sinkhorn";
    }

    private static OtSolver.Options options(Params p, OtSolver.Method m) {
        OtSolver.Options d = OtSolver.Options.of(m, p.reg());
        return new OtSolver.Options(m, p.reg(), p.tolerance(), p.maxIterations(), p.warmStart(), p.keepPerRow(),
                p.dropMass(), d.cgTolerance(), d.maxCg());
    }

    /** Per source point (of positive weight): the target taking most of its mass, and its barycentric image. */
    private static void mapTable(Result.Builder out, OtSolution sol, WeightedPoints src, WeightedPoints dst, int[] si,
            int[] ti, boolean geometric) {
        int n = si.length;
        int m = ti.length;
        int dim = geometric ? dst.dim() : 0;
        double[] source = new double[n];
        double[] target = new double[n];
        double[] mass = new double[n];
        double[] rowMass = new double[n];
        double[][] bary = new double[dim][n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            double bestMass = -1;
            double total = 0;
            for (int j = 0; j < m; j++) {
                double pij = sol.plan(i, j);
                total += pij;
                if (pij > bestMass) {
                    bestMass = pij;
                    best = j;
                }
                for (int d = 0; d < dim; d++) {
                    bary[d][i] += pij * dst.coordinate(ti[j], d);
                }
            }
            source[i] = si[i];
            target[i] = ti[best];
            mass[i] = bestMass;
            rowMass[i] = total;
            for (int d = 0; d < dim; d++) {
                bary[d][i] /= total;
            }
        }
        Table.Builder t = Table.builder("map").numeric("source", source).numeric("target", target)
                .numeric("mass", mass).numeric("rowMass", rowMass);
        for (int d = 0; d < dim; d++) {
            t.numeric("image_" + dst.coordinates().get(d), bary[d]);
        }
        out.table(t.build());
        if (dim >= 2) {
            double[][] s = new double[2][n];
            double[][] q = new double[2][dst.size()];
            for (int i = 0; i < n; i++) {
                s[0][i] = src.coordinate(si[i], 0);
                s[1][i] = src.coordinate(si[i], 1);
            }
            for (int j = 0; j < dst.size(); j++) {
                q[0][j] = dst.coordinate(j, 0);
                q[1][j] = dst.coordinate(j, 1);
            }
            out.chart(ChartSpec.scatter("mapChart", "Source, target and barycentric images of the sources",
                    dst.coordinates().get(0), dst.coordinates().get(1), Series.of("source", s[0], s[1]),
                    Series.of("target", q[0], q[1]), Series.of("image of source", bary[0], bary[1])));
        }
    }

    private static int[] support(double[] w) {
        int c = 0;
        for (double x : w) {
            c += x > 0 ? 1 : 0;
        }
        int[] idx = new int[c];
        c = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0) {
                idx[c++] = i;
            }
        }
        return idx;
    }

    private static double[] pick(double[] w, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = w[idx[i]];
        }
        return out;
    }

    private static double[] select(WeightedPoints p, int[] idx) {
        int dim = p.dim();
        double[] out = new double[idx.length * dim];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(p.xyz(), idx[i] * dim, out, i * dim, dim);
        }
        return out;
    }
}
