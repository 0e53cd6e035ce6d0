package org.quire.sem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

/**
 * {@code sem.vanishing}: minimal generators of the Gaussian vanishing ideal I<sub>G</sub> up to {@code maxDegree} by
 * exact modular evaluation, multidegree blocks, rational reconstruction and exact certification
 * ({@link VanishingIdealExplorer}). When a budget (monomials per degree, block size, time) would be exceeded the run
 * returns a <b>clearly flagged partial result</b>: {@code values.complete = false}, {@code values.stopReason}, the
 * metric {@code completeDegree} (degrees finished) and a warning (batch exit code 1); it never hangs. Stateless.
 */
@Component(service = Algorithm.class)
@AlgorithmInfo(id = "sem.vanishing", family = "sem", name = "SEM Gaussian vanishing ideal",
        description = "Minimal generators of the vanishing ideal of a mixed-graph linear Gaussian SEM (directed cycles "
                + "allowed) up to a degree bound, by exact modular interpolation per multidegree, rational "
                + "reconstruction and exact re-check at fresh points; minors of Sigma are recognised.",
        references = {"B. Adhikari, E. Gross, M. Harkonen, E. Tsigaridas, One-connection rule for structural equation "
                + "models, arXiv:2210.00239 (2022)",
                "S. Sullivant, K. Talaska, J. Draisma, Trek separation for Gaussian graphical models, Ann. Statist. 38 (2010)"})
@Input(name = "graph", formats = {"json", "txt", "graph"},
        description = "Mixed graph: JSON {\"nodes\": n, \"directed\": [[i,j],...], \"bidirected\": [[i,j],...]} (1-based) "
                + "or edge-list text '1->2; 2->3; 3->1; 1<->4'")
public final class VanishingAlgorithm implements Algorithm<VanishingAlgorithm.Params> {

    /**
     * Parameters.
     *
     * @param maxDegree          highest degree scanned
     * @param maxBlockMonomials  largest multidegree block
     * @param maxDegreeMonomials most monomials in one degree
     * @param timeLimit          wall-clock budget in seconds
     * @param verifyPoints       exact certification points
     * @param margin             evaluation points beyond the block size
     */
    public record Params(
            @Param(label = "Degree bound", min = 1, max = 40, defaultValue = "4",
                    description = "Highest degree scanned; generators are complete up to this degree") int maxDegree,
            @Param(label = "Block cap", min = 1, max = 20000, defaultValue = "4000",
                    description = "Most monomials in one multidegree block (the linear systems are block x block)") int maxBlockMonomials,
            @Param(label = "Degree cap", min = 1, max = 100_000_000, defaultValue = "5000000",
                    description = "Most degree-d monomials in the n(n+1)/2 covariances") int maxDegreeMonomials,
            @Param(label = "Time limit", unit = "s", min = 0, max = 86400, defaultValue = "600",
                    description = "Wall-clock budget of the scan; 0 means none") double timeLimit,
            @Param(label = "Certification points", min = 1, max = 1000, defaultValue = "20",
                    description = "Fresh random integer parameter points at which every generator must vanish exactly") int verifyPoints,
            @Param(label = "Point margin", min = 1, max = 1000, defaultValue = "8",
                    description = "Evaluation points beyond the block size (more: lower failure probability)") int margin) {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) throws Exception {
        MixedGraph g = GraphReader.read(inputs.get(0).path());
        VanishingIdealExplorer.Options o = new VanishingIdealExplorer.Options(p.maxDegree(), p.maxBlockMonomials(),
                p.maxDegreeMonomials(), p.timeLimit(), p.verifyPoints(), p.margin());
        VanishingIdealExplorer.Outcome r = new VanishingIdealExplorer(g, o, ctx::random).run(ctx.threads(), ctx.progress());
        Result.Builder out = Result.builder();
        String[] s = g.sigmaNames();
        List<String> polys = new ArrayList<>();
        List<String> m2 = new ArrayList<>();
        Map<Integer, Integer> perDegree = new TreeMap<>();
        for (VanishingIdealExplorer.DegreeSummary d : r.degrees()) {
            perDegree.put(d.degree(), d.newGenerators());
        }
        int k = r.generators().size();
        double[] deg = new double[k];
        String[] md = new String[k];
        double[] terms = new double[k];
        String[] cls = new String[k];
        String[] text = new String[k];
        for (int i = 0; i < k; i++) {
            VanishingIdealExplorer.Generator gen = r.generators().get(i);
            String f = gen.polynomial().format(s);
            polys.add(f);
            m2.add(f.replaceAll("s_(\\d+)_(\\d+)", "s_($1,$2)"));
            deg[i] = gen.degree();
            md[i] = Arrays.toString(gen.multidegree());
            terms[i] = gen.polynomial().size();
            cls[i] = gen.classification();
            text[i] = f;
        }
        out.value("generators", polys);
        out.value("generatorsMacaulay2", m2);
        out.value("complete", r.complete());
        out.value("completeDegree", r.completeDegree());
        out.value("stopReason", r.stopReason());
        out.metric("generators", k);
        for (Map.Entry<Integer, Integer> e : perDegree.entrySet()) {
            out.metric("degree" + e.getKey(), e.getValue());
        }
        out.metric("completeDegree", r.completeDegree());
        out.metric("expectedCodimension", Math.max(0, g.sigmaCount() - g.parameterCount()));
        GraphSummary.add(g, inputs.get(0).fileName(), out, ctx);
        out.table(Table.builder("generators").numeric("degree", deg).text("multidegree", md).numeric("terms", terms)
                .text("classification", cls).text("polynomial", text).build());
        int nd = r.degrees().size();
        if (nd > 0) {
            double[] d = new double[nd];
            double[] mon = new double[nd];
            double[] blocks = new double[nd];
            double[] largest = new double[nd];
            double[] dim = new double[nd];
            double[] lower = new double[nd];
            double[] fresh = new double[nd];
            for (int i = 0; i < nd; i++) {
                VanishingIdealExplorer.DegreeSummary x = r.degrees().get(i);
                d[i] = x.degree();
                mon[i] = x.monomials();
                blocks[i] = x.blocks();
                largest[i] = x.largestBlock();
                dim[i] = x.idealDimension();
                lower[i] = x.lowerDimension();
                fresh[i] = x.newGenerators();
            }
            out.value("idealDimensions", dim);
            out.table(Table.builder("degrees").numeric("degree", d).numeric("monomials", mon).numeric("blocks", blocks)
                    .numeric("largestBlock", largest).numeric("idealDimension", dim).numeric("fromLowerDegrees", lower)
                    .numeric("newGenerators", fresh).build());
            out.chart(ChartSpec.scatter("degreesChart", "Vanishing ideal by degree", "degree d", "count",
                    Series.of("dim I_d", d, dim), Series.of("new minimal generators", d, fresh)));
        }
        String summary;
        if (!r.complete()) {
            summary = "PARTIAL: " + k + " minimal generator(s), complete up to degree " + r.completeDegree() + " only ("
                    + r.stopReason() + ")";
            ctx.log().warn("partial result: generators are complete up to degree " + r.completeDegree() + " only: "
                    + r.stopReason());
        } else if (k == 0) {
            summary = "no generator up to degree " + p.maxDegree();
            ctx.log().info(summary);
        } else {
            summary = k + " minimal generator(s) up to degree " + p.maxDegree() + ", per degree " + perDegree;
        }
        out.value("summary", summary);
        return out.build();
    }
}
