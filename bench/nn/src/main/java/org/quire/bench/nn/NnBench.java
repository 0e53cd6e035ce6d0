package org.quire.bench.nn;

import java.util.Arrays;
import java.util.List;
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

import org.quire.nn.Adam;
import org.quire.nn.Matrix;
import org.quire.nn.Mlp;
import org.quire.nn.Tape;
import org.quire.nn.Tensor;

/**
 * Times one training step (forward, MSE loss, backward, Adam update) of the same MLP in Quire's org.quire.nn and
 * in libtorch through DJL: 3 -> 256 -> 256 -> 256 -> 256 -> 3, relu, batch 2048, float64, both on the same
 * number of threads. Prints the median step time of each after warm-up and the ratio of steps per second.
 *
 * <p>Arguments (all optional): {@code threads warmup steps repeats activation}; defaults 2, 10, 30, 3, relu (the best
 * median of the repeats is reported, to discount other load on the machine; activation relu or tanh, used by both).
 */
public final class NnBench {

    static final int IN = 3;
    static final int WIDTH = 256;
    static final int HIDDEN_LAYERS = 4;
    static final int OUT = 3;
    static final int BATCH = 2048;
    static final float LEARNING_RATE = 1e-3f;

    private NnBench() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        boolean tanh = args.length > 4 && args[4].equalsIgnoreCase("tanh");
        if (args.length > 4 && !tanh && !args[4].equalsIgnoreCase("relu")) {
            throw new IllegalArgumentException("activation (5th argument) must be relu or tanh, was " + args[4]);
        }
        // libtorch must come from the native jar on the classpath, never from the network
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");

        SplittableRandom random = new SplittableRandom(42);
        double[] x = new double[BATCH * IN];
        double[] y = new double[BATCH * OUT];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble(-1, 1);
        }
        for (int i = 0; i < BATCH; i++) {
            for (int j = 0; j < OUT; j++) {
                y[i * OUT + j] = Math.sin((j + 1) * x[i * IN + j]);
            }
        }

        System.out.printf("bench/nn: MLP %d-%s-%d %s, batch %d, float64, MSE + Adam, %d threads, median of %d steps after %d warm-up, best of %d%n",
                IN, String.join("-", java.util.Collections.nCopies(HIDDEN_LAYERS, Integer.toString(WIDTH))), OUT,
                tanh ? "tanh" : "relu", BATCH,
                threads, steps, warmup, repeats);

        double quire = Double.POSITIVE_INFINITY;
        double torch = Double.POSITIVE_INFINITY;
        double torch32 = Double.POSITIVE_INFINITY;
        QuireStep q = new QuireStep(threads, x, y, tanh);
        try (TorchStep t = new TorchStep(x, y, DataType.FLOAT64, tanh); TorchStep t32 = new TorchStep(x, y, DataType.FLOAT32, tanh)) {
            System.out.println("libtorch: " + Engine.getEngine("PyTorch").getVersion() + " via DJL " + Engine.getDjlVersion()
                    + ", loaded offline from the native jar");
            for (int r = 0; r < repeats; r++) {
                quire = Math.min(quire, medianSeconds(q::step, warmup, steps));
                torch = Math.min(torch, medianSeconds(t::step, warmup, steps));
                torch32 = Math.min(torch32, medianSeconds(t32::step, warmup, steps));
            }
            System.out.printf("final losses: quire %.5f, libtorch %.5f%n", q.lastLoss, t.lastLoss);
        }
        System.out.printf("quire    float64: %8.2f ms/step  %7.2f steps/s%n", quire * 1e3, 1 / quire);
        System.out.printf("libtorch float64: %8.2f ms/step  %7.2f steps/s%n", torch * 1e3, 1 / torch);
        System.out.printf("libtorch float32: %8.2f ms/step  %7.2f steps/s  (for reference only)%n", torch32 * 1e3, 1 / torch32);
        System.out.printf("ratio quire/libtorch (steps/s, float64): %.3f%n", torch / quire);
        System.out.println("load average at the end (other processes compete for the cores): " + loadAverage());
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The median wall time of {@code steps} calls after {@code warmup} untimed ones. */
    static double medianSeconds(Runnable step, int warmup, int steps) {
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        double[] t = new double[steps];
        for (int i = 0; i < steps; i++) {
            long start = System.nanoTime();
            step.run();
            t[i] = (System.nanoTime() - start) * 1e-9;
        }
        Arrays.sort(t);
        return steps % 2 == 1 ? t[steps / 2] : 0.5 * (t[steps / 2 - 1] + t[steps / 2]);
    }

    static int[] layerSizes() {
        int[] sizes = new int[HIDDEN_LAYERS + 2];
        sizes[0] = IN;
        for (int i = 1; i <= HIDDEN_LAYERS; i++) {
            sizes[i] = WIDTH;
        }
        sizes[HIDDEN_LAYERS + 1] = OUT;
        return sizes;
    }

    /** The Quire training step. */
    static final class QuireStep {
        final Mlp mlp;
        final Adam adam;
        final Tape tape;
        final Matrix x;
        final Matrix y;
        double lastLoss;

        QuireStep(int threads, double[] x, double[] y, boolean tanh) {
            this.mlp = new Mlp("bench", layerSizes(), tanh ? org.quire.nn.Activation.TANH : org.quire.nn.Activation.RELU, false,
                    new SplittableRandom(1));
            this.adam = new Adam(mlp.parameters(), LEARNING_RATE);
            this.tape = new Tape(threads);
            this.x = Matrix.wrap(BATCH, IN, x);
            this.y = Matrix.wrap(BATCH, OUT, y);
        }

        void step() {
            tape.reset();
            Tensor loss = tape.mse(mlp.forward(tape, tape.constant(x)), tape.constant(y));
            adam.zeroGrad();
            tape.backward(loss);
            adam.step();
            lastLoss = loss.item();
        }
    }

    /** The libtorch training step through DJL's trainer (same network, loss mean((p - y)^2), Adam, same learning rate). */
    static final class TorchStep implements AutoCloseable {
        final Model model;
        final Trainer trainer;
        final NDManager manager;
        final double[] x;
        final double[] y;
        final DataType type;
        double lastLoss;

        TorchStep(double[] x, double[] y, DataType type, boolean tanh) {
            this.x = x;
            this.y = y;
            this.type = type;
            SequentialBlock block = new SequentialBlock();
            for (int i = 0; i < HIDDEN_LAYERS; i++) {
                block.add(Linear.builder().setUnits(WIDTH).build());
                block.add(tanh ? Activation::tanh : Activation::relu);
            }
            block.add(Linear.builder().setUnits(OUT).build());
            model = Model.newInstance("bench-" + type, Device.cpu(), "PyTorch");
            model.setDataType(type);
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(new L2Loss("mse", 1.0f))
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(LEARNING_RATE)).build())
                    .optDevices(new Device[] {Device.cpu()});
            trainer = model.newTrainer(config);
            trainer.initialize(new Shape(BATCH, IN));
            manager = model.getNDManager();
            skipFloat32GradientCheck(trainer);
        }

        void step() {
            try (NDManager sub = manager.newSubManager()) {
                NDArray xs = sub.create(x, new Shape(BATCH, IN)).toType(type, false);
                NDArray ys = sub.create(y, new Shape(BATCH, OUT)).toType(type, false);
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList pred = trainer.forward(new NDList(xs));
                    NDArray loss = trainer.getLoss().evaluate(new NDList(ys), pred);
                    collector.backward(loss);
                    lastLoss = loss.toType(DataType.FLOAT64, false).getDouble();
                }
                trainer.step();
            }
        }

        /**
         * DJL's Trainer.step() first validates the gradients once by reading their sum as a float, which fails for
         * float64 parameters; mark that one-time check as done (it does not affect the timed work).
         */
        private static void skipFloat32GradientCheck(Trainer trainer) {
            try {
                java.lang.reflect.Field f = Trainer.class.getDeclaredField("gradientsChecked");
                f.setAccessible(true);
                f.setBoolean(trainer, true);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot disable DJL's float32-only gradient check", e);
            }
        }

        @Override
        public void close() {
            trainer.close();
            model.close();
        }
    }

}
