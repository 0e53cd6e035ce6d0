package org.quire.surface;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.Input;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.result.Result;
import org.quire.api.result.Table;
import org.quire.surface.csp.CspModel;
import org.quire.surface.csp.FieldOps;
import org.quire.surface.io.ModelTable;
import org.quire.surface.io.QueryCsv;

/**
 * {@code surface.predict}: closest points and Jacobian normals of query points from a model written by
 * {@code surface.fit}. The normal n_J is the right-singular vector of the smallest singular value of the 3×3 Jacobian
 * at the query, oriented towards the query ({@code n·(x − f(x)) ≥ 0}; arbitrary where x is on the predicted surface).
 * Stateless.
 */
@Component(service = Algorithm.class)
@AlgorithmInfo(id = "surface.predict", family = "surface", name = "Predict closest points with a CSP network",
        description = "Closest surface points, unsigned distances and Jacobian normals of query points from a trained "
                + "closest-surface-point network (model.csv of surface.fit).",
        references = {"R. Venkatesh et al., Deep Implicit Surface Point Prediction Networks, ICCV 2021 (arXiv:2106.05779)"})
@Input(name = "model", formats = {"csv"}, description = "model.csv written by surface.fit")
@Input(name = "queries", formats = {"csv"}, description = "Query points: CSV with header x,y,z (the source's units)")
public final class PredictAlgorithm implements Algorithm<PredictAlgorithm.Params> {

    /**
     * Parameters.
     *
     * @param orient orient the normals towards the query points
     */
    public record Params(
            @Param(label = "Orient normals", defaultValue = "true",
                    description = "Turn each normal towards its query point (else the SVD's arbitrary sign)") boolean orient) {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) throws Exception {
        CspModel model = ModelTable.read(inputs.get(0).path());
        double[] q = QueryCsv.read(inputs.get(1).path());
        int n = q.length / 3;
        ctx.progress().begin("predicting", 3);
        double[] f = new double[3 * n];
        model.closest(q, f, ctx.threads());
        ctx.progress().worked(1);
        double[] jac = new double[9 * n];
        model.jacobian(q, jac, ctx.threads());
        double[] normals = new double[3 * n];
        double[] sigma = new double[3 * n];
        FieldOps.jacobianNormals(jac, normals, sigma);
        ctx.progress().worked(1);
        double[][] c = new double[9][n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double dot = 0;
            for (int d = 0; d < 3; d++) {
                dot += normals[3 * i + d] * (q[3 * i + d] - f[3 * i + d]);
            }
            double s = p.orient() && dot < 0 ? -1 : 1;
            double u2 = 0;
            for (int d = 0; d < 3; d++) {
                c[d][i] = q[3 * i + d];
                c[3 + d][i] = f[3 * i + d];
                c[6 + d][i] = s * normals[3 * i + d];
                u2 += Math.pow(q[3 * i + d] - f[3 * i + d], 2);
            }
            sum += Math.sqrt(u2);
        }
        Result.Builder out = Result.builder();
        out.metric("queries", n);
        out.metric("meanDistance", sum / n);
        out.metric("parameters", model.network().parameterCount());
        out.value("source", model.source());
        out.table(Table.builder("predicted").numeric("x", c[0]).numeric("y", c[1]).numeric("z", c[2]).numeric("px", c[3])
                .numeric("py", c[4]).numeric("pz", c[5]).numeric("nx", c[6]).numeric("ny", c[7]).numeric("nz", c[8]).build());
        ctx.progress().worked(1);
        return out.build();
    }
}
