package org.quire.surface.csp;

import java.util.SplittableRandom;

import org.quire.api.Progress;
import org.quire.geometry.index.KdTree;

/**
 * The training set of spec §1.4 in normalised coordinates: a pool of {@code reference} area-uniform surface samples,
 * and {@code 0.1 N} uniform queries in [−0.5, 0.5]³ plus {@code N} surface samples with Gaussian noise σ = 0.0158 and
 * {@code N} with σ = 0.005 (paper: N = 250,000; both σ are parameters). Ground truth is the exact closest point by
 * default, or the paper's nearest reference sample ({@link GroundTruth#NN_SAMPLES}). Every tenth noisy query is held
 * out (spec: 10 %) with its exact closest point and normal, for the metrics. Immutable after generation.
 */
public final class TrainingData {

    /** How the training targets are computed. */
    public enum GroundTruth {
        /** Exact closest point on the surface (BVH or closed form): Quire's default. */
        EXACT,
        /** Nearest of the reference samples (faiss IndexFlatL2 in the paper): reproduces its quantisation. */
        NN_SAMPLES
    }

    /**
     * Sampling settings.
     *
     * @param queries    N, the number of noisy queries per noise level (the uniform ones are N / 10)
     * @param sigmaFar   standard deviation of the wider noise (paper √2.5e-4 ≈ 0.0158)
     * @param sigmaNear  standard deviation of the narrower noise (paper √2.5e-5 ≈ 0.005)
     * @param reference  surface samples in the pool (paper 250,000)
     * @param truth      target kind
     */
    public record Config(int queries, double sigmaFar, double sigmaNear, int reference, GroundTruth truth) {
        public Config {
            if (queries < 10 || reference < 1) {
                throw new IllegalArgumentException("need at least 10 queries and 1 reference sample, had " + queries + ", " + reference);
            }
            if (!(sigmaFar > 0) || !(sigmaNear > 0)) {
                throw new IllegalArgumentException("noise levels must be > 0, were " + sigmaFar + ", " + sigmaNear);
            }
        }
    }

    /** Training queries (3m) and their targets (3m). */
    public final double[] trainX;
    public final double[] trainY;
    /** Held-out near-surface queries (3h), their exact closest points and the unit surface normals there. */
    public final double[] heldX;
    public final double[] heldY;
    public final double[] heldNormals;
    /** Reference surface samples (3r) and their normals. */
    public final double[] surface;
    public final double[] surfaceNormals;

    private TrainingData(double[] trainX, double[] trainY, double[] heldX, double[] heldY, double[] heldNormals,
            double[] surface, double[] surfaceNormals) {
        this.trainX = trainX;
        this.trainY = trainY;
        this.heldX = heldX;
        this.heldY = heldY;
        this.heldNormals = heldNormals;
        this.surface = surface;
        this.surfaceNormals = surfaceNormals;
    }

    /** Number of training queries. */
    public int trainSize() {
        return trainX.length / 3;
    }

    /** Number of held-out queries. */
    public int heldSize() {
        return heldX.length / 3;
    }

    /** Number of reference surface samples. */
    public int surfaceSize() {
        return surface.length / 3;
    }

    /**
     * Draws the samples from {@code random} (on the calling thread) and computes the ground truth on up to
     * {@code threads} threads; reports to {@code progress} (may be null).
     */
    public static TrainingData generate(TrainingSource source, Config c, SplittableRandom random, int threads, Progress progress) {
        Progress p = progress == null ? Progress.none() : progress;
        p.begin("training data", 4);
        int r = c.reference();
        double[] surface = new double[3 * r];
        double[] surfaceNormals = new double[3 * r];
        source.sample(r, random, surface, surfaceNormals);
        p.worked(1);
        int n = c.queries();
        int uniform = n / 10;
        int total = uniform + 2 * n;
        double[] q = new double[3 * total];
        for (int i = 0; i < 3 * uniform; i++) {
            q[i] = random.nextDouble() - 0.5;
        }
        double[] s = new double[3 * n];
        for (int level = 0; level < 2; level++) {
            double sigma = level == 0 ? c.sigmaFar() : c.sigmaNear();
            source.sample(n, random, s, null);
            int base = 3 * (uniform + level * n);
            for (int i = 0; i < 3 * n; i++) {
                q[base + i] = s[i] + sigma * gaussian(random);
            }
        }
        p.worked(1);
        double[] exact = new double[3 * total];
        double[] normals = new double[3 * total];
        source.closest(q, exact, normals, threads, null);
        p.worked(1);
        double[] target = exact;
        if (c.truth() == GroundTruth.NN_SAMPLES) {
            KdTree tree = new KdTree(surface);
            target = new double[3 * total];
            for (int i = 0; i < total; i++) {
                int k = tree.nearest(q[3 * i], q[3 * i + 1], q[3 * i + 2]);
                System.arraycopy(surface, 3 * k, target, 3 * i, 3);
            }
        }
        int held = 0;
        for (int i = uniform; i < total; i++) {
            if ((i - uniform) % 10 == 9) {
                held++;
            }
        }
        double[] tx = new double[3 * (total - held)];
        double[] ty = new double[3 * (total - held)];
        double[] hx = new double[3 * held];
        double[] hy = new double[3 * held];
        double[] hn = new double[3 * held];
        int a = 0;
        int b = 0;
        for (int i = 0; i < total; i++) {
            if (i >= uniform && (i - uniform) % 10 == 9) {
                System.arraycopy(q, 3 * i, hx, 3 * b, 3);
                System.arraycopy(exact, 3 * i, hy, 3 * b, 3);
                System.arraycopy(normals, 3 * i, hn, 3 * b, 3);
                b++;
            } else {
                System.arraycopy(q, 3 * i, tx, 3 * a, 3);
                System.arraycopy(target, 3 * i, ty, 3 * a, 3);
                a++;
            }
        }
        p.worked(1);
        return new TrainingData(tx, ty, hx, hy, hn, surface, surfaceNormals);
    }

    /** A standard normal draw (Marsaglia's polar method), independent of the JDK's Gaussian. */
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
}
