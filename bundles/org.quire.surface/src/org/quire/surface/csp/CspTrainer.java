package org.quire.surface.csp;

import java.util.SplittableRandom;

import org.quire.api.Progress;
import org.quire.nn.Adam;
import org.quire.nn.Matrix;
import org.quire.nn.Tape;
import org.quire.nn.Tensor;

/**
 * Trains a {@link CspNetwork} as the official single-shape code does (spec §1.3): each step takes {@code batch}
 * training queries (drawn uniformly with replacement) plus {@code batch} reference surface points whose target is the
 * point itself, and minimises {@code mean over the batch of ‖f(x) − CSP(x)‖²} (sum over xyz, mean over points) with
 * Adam. No other loss term. The learning rate is constant (paper: 1e-4) or follows a cosine decay to 1 % of it (an
 * extension of spec §3.5). Deterministic for a given generator; the thread count splits the matrix products only.
 */
public final class CspTrainer {

    /** Learning-rate schedules. */
    public enum Schedule {
        /** The paper's constant rate. */
        CONSTANT,
        /** {@code lr_t = lr (0.01 + 0.99 (1 + cos(π t / T)) / 2)}. */
        COSINE
    }

    /**
     * Settings.
     *
     * @param steps        optimiser steps, &ge; 1
     * @param batch        queries per step (the same number of surface points is added), &ge; 1
     * @param learningRate Adam's rate, &gt; 0
     * @param schedule     rate schedule
     * @param threads      thread budget of the matrix products
     */
    public record Config(int steps, int batch, double learningRate, Schedule schedule, int threads) {
        public Config {
            if (steps < 1 || batch < 1 || threads < 1) {
                throw new IllegalArgumentException("steps, batch and threads must be >= 1, were " + steps + ", " + batch + ", " + threads);
            }
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("learning rate must be > 0, was " + learningRate);
            }
        }
    }

    private CspTrainer() {
    }

    /**
     * Trains {@code network} in place.
     *
     * @param progress one unit per step; cancellation stops with {@link org.quire.api.CancelledException}
     * @return the training loss of every step
     */
    public static double[] train(CspNetwork network, TrainingData data, Config c, SplittableRandom random, Progress progress) {
        Progress p = progress == null ? Progress.none() : progress;
        p.begin("training", c.steps());
        Tape tape = new Tape(c.threads());
        Adam adam = new Adam(network.parameters(), c.learningRate());
        int b = c.batch();
        double[] xs = new double[6 * b];
        double[] ys = new double[6 * b];
        double[] losses = new double[c.steps()];
        int m = data.trainSize();
        int r = data.surfaceSize();
        long lastMessage = System.nanoTime();
        for (int step = 0; step < c.steps(); step++) {
            for (int i = 0; i < b; i++) {
                int k = random.nextInt(m);
                System.arraycopy(data.trainX, 3 * k, xs, 3 * i, 3);
                System.arraycopy(data.trainY, 3 * k, ys, 3 * i, 3);
                int s = random.nextInt(r);
                System.arraycopy(data.surface, 3 * s, xs, 3 * (b + i), 3);
                System.arraycopy(data.surface, 3 * s, ys, 3 * (b + i), 3);
            }
            if (c.schedule() == Schedule.COSINE) {
                double t = (double) step / c.steps();
                adam.setLearningRate(c.learningRate() * (0.01 + 0.99 * 0.5 * (1 + Math.cos(Math.PI * t))));
            }
            tape.reset();
            Tensor x = tape.constant(Matrix.wrap(2 * b, 3, xs));
            Tensor pred = network.forward(tape, x);
            Tensor loss = tape.scale(tape.mse(pred, tape.constant(Matrix.wrap(2 * b, 3, ys))), 3.0);
            adam.zeroGrad();
            tape.backward(loss);
            adam.step();
            losses[step] = loss.item();
            if (!Double.isFinite(losses[step])) {
                throw new IllegalStateException("training diverged at step " + (step + 1) + " (loss " + losses[step]
                        + "): lower the learning rate");
            }
            p.worked(1);
            long now = System.nanoTime();
            if (now - lastMessage > 1_000_000_000L) {
                p.message(String.format(java.util.Locale.ROOT, "step %d/%d, loss %.3g", step + 1, c.steps(), losses[step]));
                lastMessage = now;
            }
        }
        return losses;
    }
}
