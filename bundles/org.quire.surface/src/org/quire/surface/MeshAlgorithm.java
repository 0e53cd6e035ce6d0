package org.quire.surface;

import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.Input;
import org.quire.api.InputException;
import org.quire.api.InputFile;
import org.quire.api.Progress;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.result.PointCloud;
import org.quire.api.result.Result;
import org.quire.geometry.TriangleMesh;
import org.quire.geometry.index.KdTree;
import org.quire.surface.csp.CspModel;
import org.quire.surface.csp.MeshSampler;
import org.quire.surface.csp.MeshSource;
import org.quire.surface.csp.Normalisation;
import org.quire.surface.csp.UdfMesher;
import org.quire.surface.eval.Chamfer;
import org.quire.surface.io.ModelTable;

/**
 * {@code surface.mesh}: the paper's UDF shell of a trained model (marching on {@code u = τ}, τ = 1.5 voxels; open
 * sheets become thin closed slabs) and the projected point cloud, in the source's coordinates, with Chamfer distances
 * and F-scores against the source surface (samples stored in the model, or a reference mesh). Stateless.
 */
@Component(service = Algorithm.class)
@AlgorithmInfo(id = "surface.mesh", family = "surface", name = "Mesh a closest-point network",
        description = "Explicit surface of a trained CSP model, open surfaces included: the level set u = tau of the "
                + "unsigned distance u = |x - f(x)| on a grid (a thin two-sided shell, as the paper), the projected point "
                + "cloud f(x) with Jacobian normals, and Chamfer distances and F-scores to the source.",
        references = {"R. Venkatesh et al., Deep Implicit Surface Point Prediction Networks, ICCV 2021 (arXiv:2106.05779)"})
@Input(name = "model", formats = {"csv"}, description = "model.csv written by surface.fit")
@Input(name = "reference", formats = {"obj", "ply", "off", "stl"}, minCount = 0,
        description = "Optional source mesh for the Chamfer distances (default: the surface samples stored in the model)")
public final class MeshAlgorithm implements Algorithm<MeshAlgorithm.Params> {

    /**
     * Parameters.
     *
     * @param resolution grid cells per axis
     * @param tau        iso-level in voxels
     * @param points     projected-cloud size
     * @param samples    Chamfer samples per side
     */
    public record Params(
            @Param(label = "Grid resolution", defaultValue = "128", min = 8, max = 512,
                    description = "Cells per axis over the normalised box (paper 256 after MISE)") int resolution,
            @Param(label = "Level tau", defaultValue = "1.5", min = 0.1, max = 10, unit = "voxels",
                    description = "Iso-level of the unsigned distance (paper 1.5 voxels)") double tau,
            @Param(label = "Projected points", defaultValue = "100000", min = 0, max = 5_000_000,
                    description = "Most points of the projected cloud (0: none)") int points,
            @Param(label = "Chamfer samples", defaultValue = "30000", min = 100, max = 1_000_000,
                    description = "Samples per side of the Chamfer distances (paper 30,000)") int samples) {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) throws Exception {
        CspModel model = ModelTable.read(inputs.get(0).path());
        Normalisation n = model.normalisation();
        Progress progress = ctx.progress();
        progress.begin("surface.mesh", 100);
        long t0 = System.nanoTime();
        UdfMesher.Output o = UdfMesher.extract(model.network(), new UdfMesher.Settings(p.resolution(), p.tau(), p.points()),
                ctx.threads(), progress.split(85));
        long t1 = System.nanoTime();
        ctx.log().info(String.format(Locale.ROOT, "%d^3 grid: %d field evaluations in %.1f s on %d threads", p.resolution(),
                o.evaluations(), (t1 - t0) / 1e9, ctx.threads()));
        Result.Builder out = Result.builder();
        TriangleMesh shell = o.shell();
        if (shell.triangleCount() == 0) {
            ctx.log().warn("the distance never falls below tau = " + p.tau() + " voxels on the grid: the mesh is empty "
                    + "(raise tau or the resolution, or train longer)");
        }
        double[] reference;
        if (inputs.size() > 1) {
            TriangleMesh ref = SurfaceInputs.mesh(inputs.get(1));
            MeshSource src = new MeshSource(ref, n, inputs.get(1).fileName());
            reference = new double[3 * p.samples()];
            src.sample(p.samples(), ctx.random(2), reference, null);
        } else {
            reference = model.sourceSamples();
            if (reference.length == 0) {
                throw new InputException(inputs.get(0).path(), 0, "the model stores no source samples: give the source mesh as "
                        + "the reference input");
            }
            if (reference.length > 3 * p.samples()) {
                reference = java.util.Arrays.copyOf(reference, 3 * p.samples());
            }
        }
        out.metric("shellVertices", shell.vertexCount());
        out.metric("shellTriangles", shell.triangleCount());
        out.metric("projectedPoints", o.projected().length / 3);
        out.metric("evaluations", o.evaluations());
        out.metric("tau", p.tau() / p.resolution());
        if (shell.triangleCount() > 0) {
            double[] predicted = new double[3 * p.samples()];
            new MeshSampler(shell).sample(p.samples(), ctx.random(1), predicted, null);
            Chamfer c = Chamfer.of(predicted, reference, ctx.threads());
            out.metric("chamferL1", c.l1() * 1e4);
            out.metric("chamferL2", c.l2() * 1e4);
            double[] f = fScores(predicted, reference, new double[] {0.01, 0.005});
            out.metric("fScore01", f[0]);
            out.metric("fScore005", f[1]);
        }
        if (o.projected().length > 0) {
            Chamfer c = Chamfer.of(o.projected(), reference, ctx.threads());
            out.metric("projectedChamferL1", c.l1() * 1e4);
            out.metric("projectedChamferL2", c.l2() * 1e4);
        }
        progress.worked(10);
        out.mesh(TriangleMesh.adopt(n.toWorld(shell.verticesView()), shell.triangles()).toResult("shell"));
        double[] w = n.toWorld(o.projected());
        float[] xyz = new float[w.length];
        float[] nn = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            xyz[i] = (float) w[i];
            nn[i] = (float) o.projectedNormals()[i];
        }
        out.cloud(new PointCloud("projected", xyz, nn, null));
        out.value("source", model.source());
        progress.worked(5);
        return out.build();
    }

    /** F-score 2PR/(P+R) at each threshold, P and R the fractions of nearest-neighbour distances below it. */
    static double[] fScores(double[] predicted, double[] reference, double[] thresholds) {
        KdTree tp = new KdTree(predicted);
        KdTree tr = new KdTree(reference);
        int np = predicted.length / 3;
        int nr = reference.length / 3;
        double[] dp = new double[np];
        double[] dr = new double[nr];
        for (int i = 0; i < np; i++) {
            dp[i] = Math.sqrt(tr.nearestDistanceSquared(predicted[3 * i], predicted[3 * i + 1], predicted[3 * i + 2]));
        }
        for (int i = 0; i < nr; i++) {
            dr[i] = Math.sqrt(tp.nearestDistanceSquared(reference[3 * i], reference[3 * i + 1], reference[3 * i + 2]));
        }
        double[] f = new double[thresholds.length];
        for (int k = 0; k < thresholds.length; k++) {
            double prec = fraction(dp, thresholds[k]);
            double rec = fraction(dr, thresholds[k]);
            f[k] = prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0;
        }
        return f;
    }

    private static double fraction(double[] d, double t) {
        int c = 0;
        for (double x : d) {
            c += x < t ? 1 : 0;
        }
        return (double) c / d.length;
    }
}
