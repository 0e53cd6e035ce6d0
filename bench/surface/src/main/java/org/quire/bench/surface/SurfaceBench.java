package org.quire.bench.surface;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.L2Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import org.quire.geometry.TriangleMesh;
import org.quire.geometry.index.MeshBvh;
import org.quire.geometry.io.GeometryFiles;
import org.quire.nn.Adam;
import org.quire.nn.Matrix;
import org.quire.nn.Tape;
import org.quire.nn.Tensor;
import org.quire.surface.csp.CspNetwork;
import org.quire.surface.csp.MeshSource;
import org.quire.surface.csp.Normalisation;
import org.quire.surface.csp.TrainingData;

/**
 * bench/surface: (1) exact closest points of Quire's MeshBvh against Open3D's RaycastingScene on the same meshes and
 * queries (near-surface and uniform), agreement relative to the mesh extent and the query throughput ratio; (2) CSP
 * training steps of org.quire.nn against libtorch (DJL, CPU, float32) on the same network and batches. Prints ratios.
 *
 * <p>Usage: {@code closest PYTHON SCRIPT WORKDIR MESH...} and {@code train MESH WIDTH...}.
 */
public final class SurfaceBench {

    static final int QUERIES = 200_000;
    static final int REPEATS = 3;

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        switch (args[0]) {
            case "closest":
                closest(args[1], Path.of(args[2]), Path.of(args[3]), Arrays.copyOfRange(args, 4, args.length));
                break;
            case "train":
                train(Path.of(args[1]), Arrays.copyOfRange(args, 2, args.length));
                break;
            default:
                throw new IllegalArgumentException("mode must be closest or train, was " + args[0]);
        }
    }

    // ------------------------------------------------------------------ closest points

    static void closest(String python, Path script, Path work, String[] meshes) throws Exception {
        Files.createDirectories(work);
        System.out.printf("%-28s %8s %6s %9s %10s %10s %10s %9s %9s %10s%n", "mesh (queries)", "tris", "open", "set",
                "quire1 q/s", "quire2 q/s", "o3d q/s", "ratio2", "ratio1", "max|dd|/ext");
        List<String> failures = new ArrayList<>();
        warmUp(Path.of(meshes[0]));
        for (String m : meshes) {
            Path mesh = Path.of(m);
            TriangleMesh tm = GeometryFiles.readMesh(mesh);
            int open = boundaryEdges(tm);
            double[] b = tm.bounds();
            double extent = Math.max(b[3] - b[0], Math.max(b[4] - b[1], b[5] - b[2]));
            Normalisation n = Normalisation.of(b);
            MeshSource src = new MeshSource(tm, mesh.getFileName().toString());
            long t0 = System.nanoTime();
            MeshBvh bvh = new MeshBvh(tm);
            double build = (System.nanoTime() - t0) / 1e9;
            for (String set : new String[] {"near", "uniform"}) {
                SplittableRandom r = new SplittableRandom(set.equals("near") ? 1 : 2);
                double[] unit = new double[3 * QUERIES];
                if (set.equals("near")) {
                    src.sample(QUERIES, r, unit, null);
                    for (int i = 0; i < unit.length; i++) {
                        unit[i] += 0.0158 * gaussian(r);
                    }
                } else {
                    for (int i = 0; i < unit.length; i++) {
                        unit[i] = r.nextDouble() - 0.5;
                    }
                }
                double[] q = n.toWorld(unit);
                Path qf = work.resolve(mesh.getFileName() + "." + set + ".q.bin");
                Path of = work.resolve(mesh.getFileName() + "." + set + ".o3d.bin");
                write(qf, q);
                double t1 = best(() -> bvh.closestAll(q, 1, null));
                double t2 = best(() -> bvh.closestAll(q, 2, null));
                MeshBvh.Batch ours = bvh.closestAll(q, 2, null);
                Process p = new ProcessBuilder(python, script.toString(), mesh.toString(), qf.toString(), of.toString(),
                        Integer.toString(REPEATS)).redirectErrorStream(true).start();
                String o3dOut = new String(p.getInputStream().readAllBytes()).trim();
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("Open3D failed on " + mesh + ": " + o3dOut);
                }
                String line = o3dOut.lines().filter(l -> l.startsWith("open3d ")).findFirst().orElseThrow(
                        () -> new IllegalStateException("no timing line from Open3D: " + o3dOut));
                String[] f = line.split(" ");
                double o3dTime = Double.parseDouble(f[f.length - 1]);
                double[] theirs = read(of);
                double worst = 0;
                for (int i = 0; i < QUERIES; i++) {
                    double dt = Math.sqrt(sq(q[3 * i] - theirs[3 * i]) + sq(q[3 * i + 1] - theirs[3 * i + 1]) + sq(q[3 * i + 2] - theirs[3 * i + 2]));
                    worst = Math.max(worst, Math.abs(dt - ours.distances[i]));
                }
                double rel = worst / extent;
                if (rel > 1e-5) {
                    failures.add(mesh.getFileName() + " " + set + ": max |distance difference| / extent = " + rel);
                }
                double qps1 = QUERIES / t1;
                double qps2 = QUERIES / t2;
                double qpsO = QUERIES / o3dTime;
                System.out.printf("%-28s %8d %6s %9s %10.0f %10.0f %10.0f %9.2f %9.2f %10.2e%n", mesh.getFileName(),
                        tm.triangleCount(), open > 0 ? open + "b" : "closed", set, qps1, qps2, qpsO, qps2 / qpsO, qps1 / qpsO, rel);
                if (set.equals("near")) {
                    System.out.printf("    build: Quire BVH %.3f s, %s%n", build, line.substring(line.indexOf("build_s")));
                }
            }
        }
        System.out.println("ratio2 = Quire (2 threads) / Open3D queries per second (Open3D uses its default threads); "
                + "ratio1 = Quire on 1 thread / Open3D; max|dd|/ext = largest |distance difference| over the mesh extent "
                + "(Open3D computes in float32)");
        if (!failures.isEmpty()) {
            System.out.println("DISAGREEMENT: " + failures);
            System.exit(1);
        }
    }

    /** Runs the Java side once on the first mesh so that the timed runs measure compiled code, as Open3D's do. */
    static void warmUp(Path mesh) throws Exception {
        TriangleMesh tm = GeometryFiles.readMesh(mesh);
        MeshBvh bvh = new MeshBvh(tm);
        double[] b = tm.bounds();
        SplittableRandom r = new SplittableRandom(3);
        double[] q = new double[3 * QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            for (int d = 0; d < 3; d++) {
                q[3 * i + d] = b[d] + (b[3 + d] - b[d]) * r.nextDouble();
            }
        }
        for (int k = 0; k < 3; k++) {
            bvh.closestAll(q, 1, null);
            bvh.closestAll(q, 2, null);
        }
    }

    static int boundaryEdges(TriangleMesh m) {
        java.util.HashMap<Long, Integer> use = new java.util.HashMap<>();
        int[] t = m.trianglesView();
        for (int f = 0; f < m.triangleCount(); f++) {
            for (int e = 0; e < 3; e++) {
                long a = t[3 * f + e];
                long b = t[3 * f + (e + 1) % 3];
                use.merge(Math.min(a, b) << 32 | Math.max(a, b), 1, Integer::sum);
            }
        }
        int c = 0;
        for (int v : use.values()) {
            c += v == 1 ? 1 : 0;
        }
        return c;
    }

    interface Work {
        void run() throws Exception;
    }

    static double best(Work w) throws Exception {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < REPEATS; i++) {
            long t = System.nanoTime();
            w.run();
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        return best;
    }

    static void write(Path p, double[] v) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(v);
        Files.write(p, b.array());
    }

    static double[] read(Path p) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[b.capacity() / 8];
        b.asDoubleBuffer().get(v);
        return v;
    }

    static double sq(double x) {
        return x * x;
    }

    static double gaussian(SplittableRandom r) {
        while (true) {
            double u = 2 * r.nextDouble() - 1;
            double v = 2 * r.nextDouble() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * Math.sqrt(-2 * Math.log(s) / s);
            }
        }
    }

    // ------------------------------------------------------------------ training steps

    static final int BATCH = 1024;
    static final int WARMUP = 5;
    static final int STEPS = 30;

    static void train(Path mesh, String[] widths) throws Exception {
        TriangleMesh tm = GeometryFiles.readMesh(mesh);
        MeshSource src = new MeshSource(tm, mesh.getFileName().toString());
        TrainingData data = TrainingData.generate(src, new TrainingData.Config(50_000, 0.0158, 0.005, 50_000,
                TrainingData.GroundTruth.EXACT), new SplittableRandom(1), 2, null);
        // the same batches for both: 1024 queries + 1024 surface points per step (spec §1.3)
        int batches = WARMUP + STEPS;
        SplittableRandom r = new SplittableRandom(2);
        double[][] xs = new double[batches][6 * BATCH];
        double[][] ys = new double[batches][6 * BATCH];
        for (int s = 0; s < batches; s++) {
            for (int i = 0; i < BATCH; i++) {
                int k = r.nextInt(data.trainSize());
                System.arraycopy(data.trainX, 3 * k, xs[s], 3 * i, 3);
                System.arraycopy(data.trainY, 3 * k, ys[s], 3 * i, 3);
                int j = r.nextInt(data.surfaceSize());
                System.arraycopy(data.surface, 3 * j, xs[s], 3 * (BATCH + i), 3);
                System.arraycopy(data.surface, 3 * j, ys[s], 3 * (BATCH + i), 3);
            }
        }
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        System.out.println("libtorch " + Engine.getEngine("PyTorch").getVersion() + " via DJL " + Engine.getDjlVersion()
                + "; mesh " + mesh.getFileName() + "; batch " + BATCH + " + " + BATCH + " surface points; " + STEPS
                + " timed steps after " + WARMUP);
        System.out.printf("%-10s %14s %14s %16s %10s %10s%n", "network", "quire1 st/s", "quire2 st/s", "libtorch1 st/s",
                "ratio1", "ratio2");
        for (String w : widths) {
            int width = Integer.parseInt(w);
            double q1 = quireSteps(width, xs, ys, 1);
            double q2 = quireSteps(width, xs, ys, 2);
            double t1 = torchSteps(width, xs, ys);
            System.out.printf("%-10s %14.2f %14.2f %16.2f %10.3f %10.3f%n", width + "x4", q1, q2, t1, q1 / t1, q2 / t1);
        }
        System.out.println("ratio = Quire steps/s (float64, 1 or 2 threads) / libtorch steps/s (float32, 1 intra-op thread, "
                + "the spec's anchor setting)");
    }

    static double quireSteps(int width, double[][] xs, double[][] ys, int threads) {
        CspNetwork net = new CspNetwork(width, 4, false, new SplittableRandom(3));
        Adam adam = new Adam(net.parameters(), 1e-3);
        Tape tape = new Tape(threads);
        long t0 = 0;
        for (int s = 0; s < xs.length; s++) {
            if (s == WARMUP) {
                t0 = System.nanoTime();
            }
            tape.reset();
            Tensor pred = net.forward(tape, tape.constant(Matrix.wrap(2 * BATCH, 3, xs[s])));
            Tensor loss = tape.scale(tape.mse(pred, tape.constant(Matrix.wrap(2 * BATCH, 3, ys[s]))), 3.0);
            adam.zeroGrad();
            tape.backward(loss);
            adam.step();
        }
        return STEPS / ((System.nanoTime() - t0) / 1e9);
    }

    static double torchSteps(int width, double[][] xs, double[][] ys) {
        SequentialBlock block = new SequentialBlock();
        for (int i = 0; i < 4; i++) {
            block.add(Linear.builder().setUnits(width).build());
            block.add(Activation::relu);
        }
        block.add(Linear.builder().setUnits(3).build());
        try (Model model = Model.newInstance("csp-" + width, Device.cpu(), "PyTorch")) {
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(new L2Loss("l2", 1.0f))
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build())
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(2 * BATCH, 3));
                NDManager manager = model.getNDManager();
                long t0 = 0;
                for (int s = 0; s < xs.length; s++) {
                    if (s == WARMUP) {
                        t0 = System.nanoTime();
                    }
                    try (NDManager sub = manager.newSubManager()) {
                        NDArray x = sub.create(toFloat(xs[s]), new Shape(2 * BATCH, 3));
                        NDArray y = sub.create(toFloat(ys[s]), new Shape(2 * BATCH, 3));
                        try (GradientCollector c = trainer.newGradientCollector()) {
                            NDList pred = trainer.forward(new NDList(x));
                            NDArray loss = trainer.getLoss().evaluate(new NDList(y), pred);
                            c.backward(loss);
                            loss.toType(DataType.FLOAT32, false).getFloat();
                        }
                        trainer.step();
                    }
                }
                return STEPS / ((System.nanoTime() - t0) / 1e9);
            }
        }
    }

    static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
