package org.quire.surface.csp;

import java.util.List;
import java.util.SplittableRandom;

import org.quire.compute.Parallel;
import org.quire.nn.Activation;
import org.quire.nn.Gemm;
import org.quire.nn.Matrix;
import org.quire.nn.Mlp;
import org.quire.nn.Parameter;
import org.quire.nn.Tape;
import org.quire.nn.Tensor;

/**
 * The CSP network (spec §1.2, reduced): a plain ReLU MLP {@code 3 → [width] × depth → 3} without positional encoding,
 * working in normalised coordinates (the shape inside [−0.5, 0.5]³). With {@code residual} the network predicts the
 * displacement and {@code f(x) = x + g(x)} (an option of Quire's, not the paper's); otherwise {@code f(x) = g(x)} as in
 * the paper.
 *
 * <p>Initialisation as the official code: Xavier-uniform weights, biases 0.01, drawn in layer order from the given
 * generator.
 *
 * <p>Inference ({@link #closest}, {@link #jacobian}) runs outside the autodiff tape on blocks of
 * {@value #BLOCK} points with single-threaded {@link Gemm} products, the blocks split over the threads, so results
 * do not depend on the thread count. The Jacobian is exact: the tangents {@code ∂h/∂x} (three per point) go through
 * the same layers and ReLU masks ({@code J = W_L D_{L−1} W_{L−1} … D₁ W₁}). The inference methods are thread-safe as
 * long as nobody trains the network at the same time; training ({@link #forward(Tape, Tensor)}) is not thread-safe.
 */
public final class CspNetwork implements ClosestPointField {

    /** Name prefix of the parameters: {@code csp.<layer>.weight} and {@code csp.<layer>.bias}. */
    public static final String NAME = "csp";
    /** Points per inference block. */
    static final int BLOCK = 256;

    private final Mlp mlp;
    private final boolean residual;

    /**
     * A freshly initialised network.
     *
     * @param width    hidden width, &ge; 1
     * @param depth    number of hidden layers, &ge; 1
     * @param residual predict {@code f(x) − x} instead of {@code f(x)}
     */
    public CspNetwork(int width, int depth, boolean residual, SplittableRandom random) {
        if (width < 1 || depth < 1) {
            throw new IllegalArgumentException("width and depth must be >= 1, were " + width + " and " + depth);
        }
        int[] sizes = new int[depth + 2];
        sizes[0] = 3;
        for (int i = 1; i <= depth; i++) {
            sizes[i] = width;
        }
        sizes[depth + 1] = 3;
        this.mlp = new Mlp(NAME, sizes, Activation.RELU, false, random);
        this.residual = residual;
        List<Parameter> ps = mlp.parameters();
        for (int l = 0; l < ps.size(); l += 2) {
            Matrix w = ps.get(l).value();
            double a = Math.sqrt(6.0 / (w.rows() + w.cols()));
            double[] d = w.data();
            for (int i = 0; i < d.length; i++) {
                d[i] = a * (2 * random.nextDouble() - 1);
            }
            java.util.Arrays.fill(ps.get(l + 1).value().data(), 0.01);
        }
    }

    /** The underlying MLP (its parameters are live). */
    public Mlp mlp() {
        return mlp;
    }

    /** Whether the network predicts the displacement {@code f(x) − x}. */
    public boolean residual() {
        return residual;
    }

    /** Hidden width. */
    public int width() {
        return mlp.layerSizes()[1];
    }

    /** Number of hidden layers. */
    public int depth() {
        return mlp.layerSizes().length - 2;
    }

    /** Trainable parameters, layer by layer (weight then bias). */
    public List<Parameter> parameters() {
        return mlp.parameters();
    }

    /** Total number of scalars in the parameters. */
    public int parameterCount() {
        return mlp.parameterCount();
    }

    /** {@code f(x)} for a batch ({@code B x 3}) recorded on {@code tape}, for training. */
    public Tensor forward(Tape tape, Tensor x) {
        Tensor g = mlp.forward(tape, x);
        return residual ? tape.add(g, x) : g;
    }

    @Override
    public void closest(double[] xyz, double[] out, int threads) {
        run(xyz, out, null, threads);
    }

    @Override
    public void jacobian(double[] xyz, double[] out, int threads) {
        run(xyz, null, out, threads);
    }

    /** Closest points and Jacobians in one pass (either output may be null). */
    public void closestAndJacobian(double[] xyz, double[] closest, double[] jacobians, int threads) {
        run(xyz, closest, jacobians, threads);
    }

    private void run(double[] xyz, double[] closest, double[] jac, int threads) {
        int n = xyz.length / 3;
        int blocks = (n + BLOCK - 1) / BLOCK;
        List<Parameter> ps = mlp.parameters();
        int layers = ps.size() / 2;
        double[][] w = new double[layers][];
        double[][] b = new double[layers][];
        int[] sizes = mlp.layerSizes();
        for (int l = 0; l < layers; l++) {
            w[l] = ps.get(2 * l).value().data();
            b[l] = ps.get(2 * l + 1).value().data();
        }
        int maxWidth = 0;
        for (int s : sizes) {
            maxWidth = Math.max(maxWidth, s);
        }
        final int mw = maxWidth;
        Parallel.forRange(threads, blocks, blk -> {
            int from = blk * BLOCK;
            int rows = Math.min(n, from + BLOCK) - from;
            double[] h = new double[rows * mw];
            double[] h2 = new double[rows * mw];
            double[] t = jac != null ? new double[3 * rows * mw] : null;
            double[] t2 = jac != null ? new double[3 * rows * mw] : null;
            System.arraycopy(xyz, 3 * from, h, 0, 3 * rows);
            if (jac != null) {
                java.util.Arrays.fill(t, 0, 9 * rows, 0.0);
                for (int i = 0; i < rows; i++) {
                    // tangent row 3i+j is d h / d x_j: starts as the identity
                    t[9 * i] = 1;
                    t[9 * i + 4] = 1;
                    t[9 * i + 8] = 1;
                }
            }
            for (int l = 0; l < layers; l++) {
                int in = sizes[l];
                int outW = sizes[l + 1];
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(b[l], 0, h2, r * outW, outW);
                }
                Gemm.multiply(1, rows, outW, in, h, false, w[l], false, h2, true);
                if (jac != null) {
                    Gemm.multiply(1, 3 * rows, outW, in, t, false, w[l], false, t2, false);
                }
                if (l < layers - 1) {
                    for (int r = 0; r < rows; r++) {
                        int o = r * outW;
                        for (int c = 0; c < outW; c++) {
                            if (h2[o + c] <= 0) {
                                h2[o + c] = 0;
                                if (t2 != null) {
                                    t2[3 * o + c] = 0;
                                    t2[3 * o + outW + c] = 0;
                                    t2[3 * o + 2 * outW + c] = 0;
                                }
                            }
                        }
                    }
                }
                double[] s = h;
                h = h2;
                h2 = s;
                if (jac != null) {
                    s = t;
                    t = t2;
                    t2 = s;
                }
            }
            if (closest != null) {
                for (int i = 0; i < 3 * rows; i++) {
                    closest[3 * from + i] = residual ? h[i] + xyz[3 * from + i] : h[i];
                }
            }
            if (jac != null) {
                for (int i = 0; i < rows; i++) {
                    for (int a = 0; a < 3; a++) {
                        for (int c = 0; c < 3; c++) {
                            // t[3i + c][a] = d f_a / d x_c
                            jac[9 * (from + i) + 3 * a + c] = t[9 * i + 3 * c + a] + (residual && a == c ? 1 : 0);
                        }
                    }
                }
            }
        });
    }
}
