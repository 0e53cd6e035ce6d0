package org.quire.surface;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.Input;
import org.quire.api.InputFile;
import org.quire.api.Progress;
import org.quire.api.RunContext;
import org.quire.api.params.ParameterException;
import org.quire.api.params.Param;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.PointCloud;
import org.quire.api.result.Result;
import org.quire.api.result.Series;
import org.quire.api.result.Table;
import org.quire.geometry.TriangleMesh;
import org.quire.surface.analytic.AnalyticShapes;
import org.quire.surface.analytic.AnalyticSurface;
import org.quire.surface.csp.AnalyticSource;
import org.quire.surface.csp.CspModel;
import org.quire.surface.csp.CspNetwork;
import org.quire.surface.csp.CspTrainer;
import org.quire.surface.csp.MeshSource;
import org.quire.surface.csp.Normalisation;
import org.quire.surface.csp.TrainingData;
import org.quire.surface.csp.TrainingSource;
import org.quire.surface.eval.FieldMetrics;
import org.quire.surface.io.ModelTable;

/**
 * {@code surface.fit}: trains a CSP network on one shape (spec §1.3, §1.4) and reports its accuracy on held-out
 * near-surface queries. The model is written as the table {@code model} ({@code model.csv}, format in
 * {@link ModelTable}), which {@code surface.predict}, {@code surface.render} and {@code surface.mesh} read. Stateless.
 */
@Component(service = Algorithm.class)
@AlgorithmInfo(id = "surface.fit", family = "surface", name = "Fit a closest-surface-point network",
        description = "Trains a ReLU MLP f: R^3 -> R^3 to map points to their closest point on a mesh or an analytic "
                + "surface (the paper's sampling: uniform plus two noise levels around the surface, exact or "
                + "nearest-sample targets, Adam), and reports closest-point, distance and normal errors on held-out "
                + "near-surface points with the training-loss chart. The model is a reduced version of the paper's.",
        references = {"R. Venkatesh, T. Karmali, S. Sharma, A. Ghosh, R. V. Babu, L. A. Jeni, M. Singh, Deep Implicit "
                + "Surface Point Prediction Networks, ICCV 2021 (arXiv:2106.05779)"})
@Input(name = "mesh", formats = {"obj", "ply", "off", "stl"}, minCount = 0,
        description = "Triangle mesh to learn (needed when source = mesh)")
public final class FitAlgorithm implements Algorithm<FitAlgorithm.Params> {

    /** Points in the projected-cloud result. */
    static final int CLOUD_POINTS = 20_000;

    /**
     * Parameters.
     *
     * @param source       mesh or an analytic shape
     * @param preset       network and schedule preset, or custom
     * @param width        hidden width (custom)
     * @param depth        hidden layers (custom)
     * @param steps        optimiser steps (custom)
     * @param batch        queries per step (custom)
     * @param learningRate Adam's learning rate
     * @param schedule     constant (paper) or cosine
     * @param residual     predict the displacement
     * @param queries      N of the sampling mix
     * @param reference    surface samples in the pool
     * @param groundTruth  exact or nn-samples
     * @param sigmaFar     wide noise
     * @param sigmaNear    narrow noise
     */
    public record Params(
            @Param(label = "Source", defaultValue = "mesh",
                    choices = {"mesh", "sphere", "plane", "disk", "cylinder", "hemisphere", "torus", "moebius"},
                    description = "What to learn: the input mesh, or an analytic surface (then no input is needed)") String source,
            @Param(label = "Preset", defaultValue = "quick", choices = {"custom", "tiny", "quick", "preview", "default", "standard"},
                    description = "tiny 32x3/300 steps/batch 256 (seconds); quick 64x4/2000 steps (minutes); preview "
                            + "64x4/20000; default 128x4/20000 (spec: <= 60 min); standard 256x4/20000; custom uses width, "
                            + "depth, steps and batch. A preset other than custom overrides those four") String preset,
            @Param(label = "Width", defaultValue = "64", min = 1, max = 4096, description = "Hidden width (preset custom)") int width,
            @Param(label = "Depth", defaultValue = "4", min = 1, max = 32, description = "Hidden layers (preset custom)") int depth,
            @Param(label = "Steps", defaultValue = "2000", min = 1, max = 10_000_000,
                    description = "Optimiser steps (preset custom; paper 1,000,000)") int steps,
            @Param(label = "Batch", defaultValue = "1024", min = 1, max = 1_000_000,
                    description = "Queries per step, plus as many surface points (preset custom; paper 1024)") int batch,
            @Param(label = "Learning rate", defaultValue = "1e-3", min = 0, minExclusive = true, max = 1,
                    description = "Adam's learning rate (paper 1e-4 constant; Quire's presets use 1e-3 with cosine decay)") double learningRate,
            @Param(label = "Schedule", defaultValue = "cosine", choices = {"constant", "cosine"},
                    description = "Learning-rate schedule: constant (paper) or cosine decay to 1 %") String schedule,
            @Param(label = "Residual", defaultValue = "false",
                    description = "Predict the displacement f(x) - x instead of f(x) (not in the paper)") boolean residual,
            @Param(label = "Queries N", defaultValue = "100000", min = 10, max = 10_000_000,
                    description = "Noisy queries per noise level (plus N/10 uniform); paper 250,000") int queries,
            @Param(label = "Reference samples", defaultValue = "100000", min = 1000, max = 10_000_000,
                    description = "Surface samples in the pool (fresh surface points, nn-samples targets); paper 250,000") int reference,
            @Param(label = "Ground truth", defaultValue = "exact", choices = {"exact", "nn-samples"},
                    description = "Targets: exact closest points (Quire) or the nearest reference sample (paper)") String groundTruth,
            @Param(label = "Wide noise", defaultValue = "0.0158", min = 0, minExclusive = true, max = 1, unit = "normalised",
                    description = "Standard deviation of the wider surface noise (paper sqrt(2.5e-4))") double sigmaFar,
            @Param(label = "Narrow noise", defaultValue = "0.005", min = 0, minExclusive = true, max = 1, unit = "normalised",
                    description = "Standard deviation of the narrower surface noise (paper sqrt(2.5e-5))") double sigmaNear) {
    }

    /** A resolved network and schedule. */
    record Plan(int width, int depth, int steps, int batch) {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    /** The network and schedule of a preset (custom: the parameters). */
    static Plan plan(Params p) {
        switch (p.preset()) {
            case "tiny":
                return new Plan(32, 3, 300, 256);
            case "quick":
                return new Plan(64, 4, 2000, 1024);
            case "preview":
                return new Plan(64, 4, 20_000, 1024);
            case "default":
                return new Plan(128, 4, 20_000, 1024);
            case "standard":
                return new Plan(256, 4, 20_000, 1024);
            default:
                return new Plan(p.width(), p.depth(), p.steps(), p.batch());
        }
    }

    /** The training source named by the parameters. */
    static TrainingSource source(Params p, List<InputFile> inputs) throws Exception {
        if (p.source().equals("mesh")) {
            if (inputs.isEmpty()) {
                throw new ParameterException("source", "source = mesh needs a mesh input (--input mesh.obj), or choose an analytic source");
            }
            TriangleMesh mesh = SurfaceInputs.mesh(inputs.get(0));
            return new MeshSource(mesh, inputs.get(0).fileName());
        }
        AnalyticSurface s = AnalyticShapes.byName(p.source());
        if (s.name().equals("moebius")) {
            // no closed form: its 200 x 40 tessellation through the BVH is the oracle (spec §6.1)
            return new MeshSource(s.mesh(200), Normalisation.IDENTITY, "analytic moebius (200x40 tessellation)");
        }
        return new AnalyticSource(s);
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) throws Exception {
        if (!p.source().equals("mesh") && !inputs.isEmpty()) {
            ctx.log().warn("source = " + p.source() + ": the input mesh " + inputs.get(0).fileName() + " is ignored");
        }
        Plan plan = plan(p);
        Progress progress = ctx.progress();
        progress.begin("surface.fit", 100);
        TrainingSource src = source(p, inputs);
        TrainingData.GroundTruth gt = p.groundTruth().equals("nn-samples") ? TrainingData.GroundTruth.NN_SAMPLES
                : TrainingData.GroundTruth.EXACT;
        long t0 = System.nanoTime();
        TrainingData data = TrainingData.generate(src, new TrainingData.Config(p.queries(), p.sigmaFar(), p.sigmaNear(),
                p.reference(), gt), ctx.random(1), ctx.threads(), progress.split(5));
        long t1 = System.nanoTime();
        CspNetwork net = new CspNetwork(plan.width(), plan.depth(), p.residual(), ctx.random(2));
        CspTrainer.Schedule schedule = p.schedule().equals("constant") ? CspTrainer.Schedule.CONSTANT : CspTrainer.Schedule.COSINE;
        double[] losses = CspTrainer.train(net, data, new CspTrainer.Config(plan.steps(), plan.batch(), p.learningRate(), schedule,
                ctx.threads()), ctx.random(3), progress.split(85));
        long t2 = System.nanoTime();
        ctx.log().info(String.format(Locale.ROOT, "%s: %d training and %d held-out queries in %.1f s; %d steps of a %dx%d "
                + "network (%d parameters) in %.1f s (%.2f steps/s on %d threads)", src.description(), data.trainSize(),
                data.heldSize(), (t1 - t0) / 1e9, plan.steps(), plan.width(), plan.depth(), net.parameterCount(), (t2 - t1) / 1e9,
                plan.steps() / Math.max(1e-9, (t2 - t1) / 1e9), ctx.threads()));
        Map<String, Double> metrics = FieldMetrics.evaluate(net, data.heldX, data.heldY, data.heldNormals, data.surface,
                ctx.threads());
        progress.worked(5);
        Result.Builder out = Result.builder();
        metrics.forEach(out::metric);
        out.metric("finalLoss", mean(losses, Math.max(0, losses.length - Math.max(1, losses.length / 50)), losses.length));
        out.metric("parameters", net.parameterCount());
        out.metric("width", plan.width());
        out.metric("depth", plan.depth());
        out.metric("steps", plan.steps());
        out.metric("batch", plan.batch());
        out.metric("heldOutQueries", data.heldSize());
        out.value("source", src.description());
        Normalisation n = src.normalisation();
        out.value("normalisation", new double[] {n.cx(), n.cy(), n.cz(), n.scale()});
        out.value("fidelityNote", "reduced model: the paper trains 3-120-512-1024-2048-2048-1024-512-256-128-3 (9.67M "
                + "parameters) for 1M steps; this run trained " + net.parameterCount() + " parameters for " + plan.steps() + " steps");
        int keep = Math.min(FieldMetrics.CHAMFER_POINTS, data.surfaceSize());
        double[] samples = java.util.Arrays.copyOf(data.surface, 3 * keep);
        CspModel model = new CspModel(net, n, samples, src.description());
        out.table(ModelTable.toTable("model", model));
        addLoss(out, losses);
        addCloud(out, net, data, n, ctx.threads());
        progress.worked(5);
        return out.build();
    }

    private static void addLoss(Result.Builder out, double[] losses) {
        int points = Math.min(losses.length, 500);
        double[] step = new double[points];
        double[] mean = new double[points];
        for (int k = 0; k < points; k++) {
            int from = (int) ((long) k * losses.length / points);
            int to = (int) ((long) (k + 1) * losses.length / points);
            step[k] = to;
            mean[k] = mean(losses, from, to);
        }
        out.table(Table.builder("loss").numeric("step", step).numeric("loss", mean).build());
        boolean positive = true;
        for (double v : mean) {
            positive &= v > 0;
        }
        out.chart(ChartSpec.line("lossChart", "Training loss (mean over each window of steps)", "step",
                "loss: mean |f(x) - CSP(x)|^2", Series.of("loss", step, mean)).withLogAxes(false, positive));
    }

    /** The projected held-out points f(x) in world coordinates, coloured by their closest-point error. */
    private static void addCloud(Result.Builder out, CspNetwork net, TrainingData data, Normalisation n, int threads) {
        int k = Math.min(CLOUD_POINTS, data.heldSize());
        double[] x = java.util.Arrays.copyOf(data.heldX, 3 * k);
        double[] f = new double[3 * k];
        net.closest(x, f, threads);
        double[] w = n.toWorld(f);
        float[] xyz = new float[3 * k];
        float[] err = new float[k];
        for (int i = 0; i < k; i++) {
            double e2 = 0;
            for (int d = 0; d < 3; d++) {
                xyz[3 * i + d] = (float) w[3 * i + d];
                e2 += Math.pow(f[3 * i + d] - data.heldY[3 * i + d], 2);
            }
            err[i] = (float) Math.sqrt(e2);
        }
        out.cloud(new PointCloud("projected", xyz, null, null, err, "closest-point error (normalised units)"));
    }

    private static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return to > from ? s / (to - from) : Double.NaN;
    }
}
