package org.quire.nn;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.quire.compute.Parallel;

/**
 * Records operations on batched matrices ({@link Tensor}s) and runs reverse-mode differentiation from a scalar
 * loss ({@link #backward(Tensor)}), accumulating gradients into {@link Parameter#grad()} and into
 * {@link #variable(Matrix) variables}.
 *
 * <p>Elementwise binary operations broadcast: per dimension the two sizes must agree or one of them be 1 (a
 * 1x1 scalar, a 1xC row or an Rx1 column), and gradients are summed over broadcast dimensions.
 *
 * <p>Memory: buffers of a recorded graph are recycled by {@link #reset()}, so a training loop that records the same
 * graph every iteration ({@code reset(); build; backward; step}) stops allocating after the first iteration.
 *
 * <p>Threading: not thread-safe. {@code threads} splits matrix products over output rows and large elementwise
 * operations over elements; results are bit-identical for every thread count.
 */
public final class Tape {

    /** Elementwise operations with at least this many elements use several threads. */
    private static final int PARALLEL_ELEMENTS = 1 << 16;
    /** Elements per parallel block of an elementwise operation. */
    private static final int ELEMENT_BLOCK = 1 << 13;

    private final int threads;
    private final List<Tensor> nodes = new ArrayList<>();
    private final Map<Parameter, Tensor> parameterLeaves = new IdentityHashMap<>();
    private final BufferPool pool = new BufferPool();
    private int generation;
    private boolean backwardDone;

    /** A tape running everything on the calling thread. */
    public Tape() {
        this(1);
    }

    /** A tape splitting large operations over up to {@code threads} threads (&ge; 1); results do not depend on it. */
    public Tape(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.threads = threads;
    }

    /** The thread budget. */
    public int threads() {
        return threads;
    }

    /** Number of recorded nodes. */
    public int size() {
        return nodes.size();
    }

    int generation() {
        return generation;
    }

    /** Forgets every recorded node and recycles its buffers; tensors recorded before become invalid. */
    public void reset() {
        for (Tensor t : nodes) {
            if (t.ownsValue) {
                pool.give(t.value);
            }
            if (t.ownsGrad && t.grad != null) {
                pool.give(t.grad);
            }
            t.grad = null;
        }
        nodes.clear();
        parameterLeaves.clear();
        generation++;
        backwardDone = false;
    }

    // ------------------------------------------------------------------ leaves

    /** A constant holding a copy of {@code m}; no gradient flows into it. */
    public Tensor constant(Matrix m) {
        double[] v = pool.take(m.size());
        System.arraycopy(m.data(), 0, v, 0, m.size());
        return record(m.rows(), m.cols(), v, false, null);
    }

    /** A {@code rows x cols} constant with every element {@code value}. */
    public Tensor constant(int rows, int cols, double value) {
        double[] v = pool.take(Matrix.checkedSize(rows, cols));
        java.util.Arrays.fill(v, value);
        return record(rows, cols, v, false, null);
    }

    /** A 1x1 constant. */
    public Tensor scalar(double value) {
        return constant(1, 1, value);
    }

    /** A leaf holding a copy of {@code m} whose gradient is kept ({@link Tensor#grad()}), e.g. for inputs. */
    public Tensor variable(Matrix m) {
        double[] v = pool.take(m.size());
        System.arraycopy(m.data(), 0, v, 0, m.size());
        return record(m.rows(), m.cols(), v, true, null);
    }

    /**
     * The leaf of parameter {@code p}: reads {@code p.value()} live (do not change it until backward has run);
     * backward adds into {@code p.grad()}. Recorded once per tape however often it is asked for.
     */
    public Tensor param(Parameter p) {
        Tensor t = parameterLeaves.get(p);
        if (t != null) {
            return t;
        }
        Matrix v = p.value();
        t = new Tensor(this, generation, nodes.size(), v.rows(), v.cols(), v.data(), false, true, null, p);
        t.grad = p.grad().data();
        t.ownsGrad = false;
        nodes.add(t);
        parameterLeaves.put(p, t);
        return t;
    }

    // ------------------------------------------------------------------ linear algebra

    /** {@code a * b}: {@code (m x k) * (k x n) -> m x n}. */
    public Tensor matmul(Tensor a, Tensor b) {
        return matmul(a, false, b, false);
    }

    /** {@code op(a) * op(b)} where {@code op} transposes when asked; inner sizes must agree. */
    public Tensor matmul(Tensor a, boolean transA, Tensor b, boolean transB) {
        check(a, "a");
        check(b, "b");
        int m = transA ? a.cols : a.rows;
        int k = transA ? a.rows : a.cols;
        int kb = transB ? b.cols : b.rows;
        int n = transB ? b.rows : b.cols;
        if (k != kb) {
            throw new IllegalArgumentException("matmul: op(a) is " + m + "x" + k + " but op(b) is " + kb + "x" + n);
        }
        double[] out = pool.take(m * n);
        Gemm.multiply(threads, m, n, k, a.value, transA, b.value, transB, out, false);
        boolean rg = a.requiresGrad || b.requiresGrad;
        return record(m, n, out, rg, rg ? t -> {
            double[] g = t.grad;
            if (a.requiresGrad) {
                double[] ga = gradOf(a);
                if (!transA) {
                    Gemm.multiply(threads, m, k, n, g, false, b.value, !transB, ga, true);
                } else {
                    Gemm.multiply(threads, k, m, n, b.value, transB, g, true, ga, true);
                }
            }
            if (b.requiresGrad) {
                double[] gb = gradOf(b);
                if (!transB) {
                    Gemm.multiply(threads, k, n, m, a.value, !transA, g, false, gb, true);
                } else {
                    Gemm.multiply(threads, n, k, m, g, true, a.value, transA, gb, true);
                }
            }
        } : null);
    }

    /** A dense layer {@code x * w + bias}: x {@code B x in}, w {@code in x out}, bias {@code 1 x out} or null. */
    public Tensor linear(Tensor x, Tensor w, Tensor bias) {
        check(x, "x");
        check(w, "w");
        int rows = x.rows;
        int in = x.cols;
        int out = w.cols;
        if (w.rows != in) {
            throw new IllegalArgumentException("linear: x is " + rows + "x" + in + " but w is " + w.rows + "x" + w.cols);
        }
        if (bias != null) {
            check(bias, "bias");
            if (bias.rows != 1 || bias.cols != out) {
                throw new IllegalArgumentException("linear: bias must be 1x" + out + ", was " + bias.rows + "x" + bias.cols);
            }
        }
        double[] y = pool.take(rows * out);
        if (bias != null) {
            double[] bv = bias.value;
            for (int r = 0; r < rows; r++) {
                System.arraycopy(bv, 0, y, r * out, out);
            }
        }
        Gemm.multiply(threads, rows, out, in, x.value, false, w.value, false, y, bias != null);
        boolean rg = x.requiresGrad || w.requiresGrad || (bias != null && bias.requiresGrad);
        return record(rows, out, y, rg, rg ? t -> {
            double[] g = t.grad;
            if (x.requiresGrad) {
                boolean fresh = x.grad == null;
                Gemm.multiply(threads, rows, in, out, g, false, w.value, true, fresh ? uninitialisedGrad(x) : x.grad, !fresh);
            }
            if (w.requiresGrad) {
                Gemm.multiply(threads, in, out, rows, x.value, true, g, false, gradOf(w), true);
            }
            if (bias != null && bias.requiresGrad) {
                columnSums(g, rows, out, gradOf(bias));
            }
        } : null);
    }

    // ------------------------------------------------------------------ elementwise binary (broadcasting)

    /** {@code a + b} with broadcasting. */
    public Tensor add(Tensor a, Tensor b) {
        return binary(a, b, BinaryOp.ADD);
    }

    /** {@code a - b} with broadcasting. */
    public Tensor sub(Tensor a, Tensor b) {
        return binary(a, b, BinaryOp.SUB);
    }

    /** Elementwise {@code a * b} with broadcasting. */
    public Tensor mul(Tensor a, Tensor b) {
        return binary(a, b, BinaryOp.MUL);
    }

    /** Elementwise {@code a / b} with broadcasting. */
    public Tensor div(Tensor a, Tensor b) {
        return binary(a, b, BinaryOp.DIV);
    }

    /** {@code a + bias} where {@code bias} is a {@code 1 x a.cols()} row added to every row. */
    public Tensor addRow(Tensor a, Tensor rowBias) {
        check(a, "a");
        check(rowBias, "rowBias");
        if (rowBias.rows != 1 || rowBias.cols != a.cols) {
            throw new IllegalArgumentException("addRow: bias must be 1x" + a.cols + ", was " + rowBias.rows + "x" + rowBias.cols);
        }
        return binary(a, rowBias, BinaryOp.ADD);
    }

    /** {@code s * a}. */
    public Tensor scale(Tensor a, double s) {
        return unary(a, new UnaryOp() {
            @Override
            void forward(double[] x, double[] y, int from, int to) {
                for (int i = from; i < to; i++) {
                    y[i] = s * x[i];
                }
            }

            @Override
            void backward(double[] x, double[] y, double[] gy, double[] gx, int from, int to) {
                for (int i = from; i < to; i++) {
                    gx[i] += s * gy[i];
                }
            }
        });
    }

    /** {@code a + s} elementwise. */
    public Tensor addScalar(Tensor a, double s) {
        return unary(a, new UnaryOp() {
            @Override
            void forward(double[] x, double[] y, int from, int to) {
                for (int i = from; i < to; i++) {
                    y[i] = x[i] + s;
                }
            }

            @Override
            void backward(double[] x, double[] y, double[] gy, double[] gx, int from, int to) {
                for (int i = from; i < to; i++) {
                    gx[i] += gy[i];
                }
            }
        });
    }

    /** {@code -a}. */
    public Tensor neg(Tensor a) {
        return scale(a, -1.0);
    }

    // ------------------------------------------------------------------ elementwise unary

    /** tanh (absolute error below 3e-16, see {@link Activation#TANH}). */
    public Tensor tanh(Tensor a) {
        return unary(a, UnaryOp.TANH);
    }

    /** 1 / (1 + exp(-a)). */
    public Tensor sigmoid(Tensor a) {
        return unary(a, UnaryOp.SIGMOID);
    }

    /** log(1 + exp(a)), evaluated as log1p(exp(-|a|)) + max(a, 0). */
    public Tensor softplus(Tensor a) {
        return unary(a, UnaryOp.SOFTPLUS);
    }

    /** max(a, 0); derivative 0 at 0. */
    public Tensor relu(Tensor a) {
        return unary(a, UnaryOp.RELU);
    }

    /** exp. */
    public Tensor exp(Tensor a) {
        return unary(a, UnaryOp.EXP);
    }

    /** Natural log (NaN or -inf for non-positive values, as {@link Math#log}). */
    public Tensor log(Tensor a) {
        return unary(a, UnaryOp.LOG);
    }

    /** a². */
    public Tensor square(Tensor a) {
        return unary(a, UnaryOp.SQUARE);
    }

    /** √a (derivative infinite at 0). */
    public Tensor sqrt(Tensor a) {
        return unary(a, UnaryOp.SQRT);
    }

    /** sin (radians). */
    public Tensor sin(Tensor a) {
        return unary(a, UnaryOp.SIN);
    }

    /** cos (radians). */
    public Tensor cos(Tensor a) {
        return unary(a, UnaryOp.COS);
    }

    /** {@code f(a)} elementwise. */
    public Tensor activate(Tensor a, Activation f) {
        switch (f) {
            case TANH:
                return tanh(a);
            case RELU:
                return relu(a);
            case SIGMOID:
                return sigmoid(a);
            case SOFTPLUS:
                return softplus(a);
            default:
                return a;
        }
    }

    // ------------------------------------------------------------------ reductions

    /** The sum of all elements, 1x1 (summed in row-major order). */
    public Tensor sum(Tensor a) {
        return total(a, 1.0);
    }

    /** The mean of all elements, 1x1. */
    public Tensor mean(Tensor a) {
        return total(a, 1.0 / a.size());
    }

    private Tensor total(Tensor a, double factor) {
        check(a, "a");
        double[] x = a.value;
        int n = a.size();
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i];
        }
        double[] out = pool.take(1);
        out[0] = s * factor;
        return record(1, 1, out, a.requiresGrad, a.requiresGrad ? t -> {
            double g = t.grad[0] * factor;
            double[] ga = gradOf(a);
            elementwise(n, (from, to) -> {
                for (int i = from; i < to; i++) {
                    ga[i] += g;
                }
            });
        } : null);
    }

    /** Column sums over the batch: {@code R x C -> 1 x C}. */
    public Tensor sumRows(Tensor a) {
        check(a, "a");
        int rows = a.rows;
        int cols = a.cols;
        double[] x = a.value;
        double[] out = pool.takeZeroed(cols);
        columnSums(x, rows, cols, out);
        return record(1, cols, out, a.requiresGrad, a.requiresGrad ? t -> {
            double[] g = t.grad;
            double[] ga = gradOf(a);
            for (int r = 0; r < rows; r++) {
                int base = r * cols;
                for (int c = 0; c < cols; c++) {
                    ga[base + c] += g[c];
                }
            }
        } : null);
    }

    /** Row sums over the features: {@code R x C -> R x 1}. */
    public Tensor sumCols(Tensor a) {
        check(a, "a");
        int rows = a.rows;
        int cols = a.cols;
        double[] x = a.value;
        double[] out = pool.take(rows);
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            double s = 0;
            for (int c = 0; c < cols; c++) {
                s += x[base + c];
            }
            out[r] = s;
        }
        return record(rows, 1, out, a.requiresGrad, a.requiresGrad ? t -> {
            double[] g = t.grad;
            double[] ga = gradOf(a);
            for (int r = 0; r < rows; r++) {
                int base = r * cols;
                double gr = g[r];
                for (int c = 0; c < cols; c++) {
                    ga[base + c] += gr;
                }
            }
        } : null);
    }

    /** Mean squared error {@code mean((a - target)^2)}, 1x1; shapes must be equal. */
    public Tensor mse(Tensor a, Tensor target) {
        check(a, "a");
        check(target, "target");
        if (a.rows != target.rows || a.cols != target.cols) {
            throw new IllegalArgumentException("mse: a is " + a.rows + "x" + a.cols + " but target is " + target.rows + "x" + target.cols);
        }
        int n = a.size();
        double[] x = a.value;
        double[] y = target.value;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - y[i];
            s += d * d;
        }
        double[] out = pool.take(1);
        out[0] = s / n;
        boolean rg = a.requiresGrad || target.requiresGrad;
        return record(1, 1, out, rg, rg ? t -> {
            double g = 2.0 * t.grad[0] / n;
            double[] ga = a.requiresGrad ? gradOf(a) : null;
            double[] gt = target.requiresGrad ? gradOf(target) : null;
            for (int i = 0; i < n; i++) {
                double d = g * (x[i] - y[i]);
                if (ga != null) {
                    ga[i] += d;
                }
                if (gt != null) {
                    gt[i] -= d;
                }
            }
        } : null);
    }

    // ------------------------------------------------------------------ shape

    /** Columns {@code [from, to)} of {@code a}. */
    public Tensor sliceCols(Tensor a, int from, int to) {
        check(a, "a");
        if (from < 0 || to > a.cols || from >= to) {
            throw new IllegalArgumentException("sliceCols: [" + from + ", " + to + ") is not a non-empty range of 0.." + a.cols);
        }
        int rows = a.rows;
        int cols = a.cols;
        int w = to - from;
        double[] out = pool.take(rows * w);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(a.value, r * cols + from, out, r * w, w);
        }
        return record(rows, w, out, a.requiresGrad, a.requiresGrad ? t -> {
            double[] g = t.grad;
            double[] ga = gradOf(a);
            for (int r = 0; r < rows; r++) {
                int src = r * w;
                int dst = r * cols + from;
                for (int c = 0; c < w; c++) {
                    ga[dst + c] += g[src + c];
                }
            }
        } : null);
    }

    /** Rows {@code [from, to)} of {@code a}. */
    public Tensor sliceRows(Tensor a, int from, int to) {
        check(a, "a");
        if (from < 0 || to > a.rows || from >= to) {
            throw new IllegalArgumentException("sliceRows: [" + from + ", " + to + ") is not a non-empty range of 0.." + a.rows);
        }
        int cols = a.cols;
        int n = (to - from) * cols;
        double[] out = pool.take(n);
        System.arraycopy(a.value, from * cols, out, 0, n);
        return record(to - from, cols, out, a.requiresGrad, a.requiresGrad ? t -> {
            double[] g = t.grad;
            double[] ga = gradOf(a);
            int base = from * cols;
            for (int i = 0; i < n; i++) {
                ga[base + i] += g[i];
            }
        } : null);
    }

    /** The columns of {@code parts} side by side; all parts have the same number of rows. */
    public Tensor concatCols(Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concatCols: no parts");
        }
        int rows = parts[0].rows;
        int cols = 0;
        boolean rg = false;
        for (int i = 0; i < parts.length; i++) {
            check(parts[i], "parts[" + i + "]");
            if (parts[i].rows != rows) {
                throw new IllegalArgumentException("concatCols: parts[" + i + "] has " + parts[i].rows + " rows, expected " + rows);
            }
            cols += parts[i].cols;
            rg |= parts[i].requiresGrad;
        }
        Tensor[] ps = parts.clone();
        int total = cols;
        double[] out = pool.take(rows * total);
        int offset = 0;
        for (Tensor p : ps) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(p.value, r * p.cols, out, r * total + offset, p.cols);
            }
            offset += p.cols;
        }
        return record(rows, total, out, rg, rg ? t -> {
            double[] g = t.grad;
            int off = 0;
            for (Tensor p : ps) {
                if (p.requiresGrad) {
                    double[] gp = gradOf(p);
                    for (int r = 0; r < rows; r++) {
                        int src = r * total + off;
                        int dst = r * p.cols;
                        for (int c = 0; c < p.cols; c++) {
                            gp[dst + c] += g[src + c];
                        }
                    }
                }
                off += p.cols;
            }
        } : null);
    }

    /** The rows of {@code parts} stacked; all parts have the same number of columns. */
    public Tensor concatRows(Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concatRows: no parts");
        }
        int cols = parts[0].cols;
        int rows = 0;
        boolean rg = false;
        for (int i = 0; i < parts.length; i++) {
            check(parts[i], "parts[" + i + "]");
            if (parts[i].cols != cols) {
                throw new IllegalArgumentException("concatRows: parts[" + i + "] has " + parts[i].cols + " columns, expected " + cols);
            }
            rows += parts[i].rows;
            rg |= parts[i].requiresGrad;
        }
        Tensor[] ps = parts.clone();
        double[] out = pool.take(rows * cols);
        int offset = 0;
        for (Tensor p : ps) {
            System.arraycopy(p.value, 0, out, offset, p.size());
            offset += p.size();
        }
        return record(rows, cols, out, rg, rg ? t -> {
            double[] g = t.grad;
            int off = 0;
            for (Tensor p : ps) {
                int n = p.size();
                if (p.requiresGrad) {
                    double[] gp = gradOf(p);
                    for (int i = 0; i < n; i++) {
                        gp[i] += g[off + i];
                    }
                }
                off += n;
            }
        } : null);
    }

    // ------------------------------------------------------------------ extension

    /** The reverse-mode rule of a {@link #custom(Matrix, CustomGradient, Tensor...) custom} operation. */
    @FunctionalInterface
    public interface CustomGradient {
        /**
         * Adds d(loss)/d(inputs[i]) into {@code inputGrads[i]} (null where input i needs no gradient), given
         * {@code outputGrad} = d(loss)/d(output). Must not keep or modify {@code outputGrad}.
         */
        void backward(Matrix outputGrad, Matrix[] inputGrads);
    }

    /**
     * Records an operation computed by the caller: {@code value} (copied) is the output for {@code inputs}, and
     * {@code gradient} propagates to them.
     */
    public Tensor custom(Matrix value, CustomGradient gradient, Tensor... inputs) {
        boolean rg = false;
        for (int i = 0; i < inputs.length; i++) {
            check(inputs[i], "inputs[" + i + "]");
            rg |= inputs[i].requiresGrad;
        }
        Tensor[] ins = inputs.clone();
        double[] v = pool.take(value.size());
        System.arraycopy(value.data(), 0, v, 0, value.size());
        int rows = value.rows();
        int cols = value.cols();
        return record(rows, cols, v, rg, rg ? t -> {
            Matrix[] grads = new Matrix[ins.length];
            for (int i = 0; i < ins.length; i++) {
                if (ins[i].requiresGrad) {
                    grads[i] = Matrix.wrap(ins[i].rows, ins[i].cols, gradOf(ins[i]));
                }
            }
            gradient.backward(Matrix.wrap(rows, cols, t.grad), grads);
        } : null);
    }

    // ------------------------------------------------------------------ backward

    /**
     * Back-propagates from the 1x1 {@code loss} (seeded with 1), adding into the gradients of every parameter and
     * variable it depends on. Once per recorded graph: call {@link #reset()} before recording the next one.
     */
    public void backward(Tensor loss) {
        check(loss, "loss");
        if (loss.rows != 1 || loss.cols != 1) {
            throw new IllegalArgumentException("backward needs a 1x1 loss, was " + loss.rows + "x" + loss.cols);
        }
        if (backwardDone) {
            throw new IllegalStateException("backward already ran on this tape; call reset() and record the graph again");
        }
        backwardDone = true;
        if (!loss.requiresGrad) {
            return;
        }
        gradOf(loss)[0] += 1.0;
        for (int i = loss.index; i >= 0; i--) {
            Tensor t = nodes.get(i);
            if (t.backward != null && t.grad != null) {
                t.backward.run(t);
            }
        }
    }

    // ------------------------------------------------------------------ internals

    private Tensor record(int rows, int cols, double[] value, boolean requiresGrad, Tensor.Backward backward) {
        Tensor t = new Tensor(this, generation, nodes.size(), rows, cols, value, true, requiresGrad, backward, null);
        nodes.add(t);
        return t;
    }

    /** A gradient buffer for {@code t}, which has none yet, with unspecified contents: the caller overwrites it all. */
    private double[] uninitialisedGrad(Tensor t) {
        t.grad = pool.take(t.size());
        t.ownsGrad = true;
        return t.grad;
    }

    /** The gradient buffer of {@code t}, zero-allocated on first use. */
    double[] gradOf(Tensor t) {
        if (t.grad == null) {
            t.grad = pool.takeZeroed(t.size());
            t.ownsGrad = true;
        }
        return t.grad;
    }

    private void check(Tensor t, String name) {
        if (t == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (t.tape != this) {
            throw new IllegalArgumentException(name + " was recorded on another tape");
        }
        t.checkValid();
    }

    /** A loop body over an index range. */
    @FunctionalInterface
    private interface Range {
        void run(int from, int to);
    }

    /** Runs {@code body} over {@code [0, n)}, in blocks on several threads when n is large (elements are independent). */
    private void elementwise(int n, Range body) {
        if (threads == 1 || n < PARALLEL_ELEMENTS) {
            body.run(0, n);
            return;
        }
        int blocks = (n + ELEMENT_BLOCK - 1) / ELEMENT_BLOCK;
        Parallel.forRange(threads, blocks, b -> body.run(b * ELEMENT_BLOCK, Math.min(n, (b + 1) * ELEMENT_BLOCK)));
    }

    /** {@code sums[c] += sum_r g[r][c]}, each column summed in row order by one thread (blocks of 32 columns). */
    private void columnSums(double[] g, int rows, int cols, double[] sums) {
        Range body = (c0, c1) -> {
            for (int r = 0; r < rows; r++) {
                int base = r * cols;
                for (int c = c0; c < c1; c++) {
                    sums[c] += g[base + c];
                }
            }
        };
        if (threads == 1 || rows * cols < PARALLEL_ELEMENTS || cols < 64) {
            body.run(0, cols);
            return;
        }
        int blocks = (cols + 31) / 32;
        Parallel.forRange(threads, blocks, b -> body.run(b * 32, Math.min(cols, (b + 1) * 32)));
    }

    private Tensor unary(Tensor a, UnaryOp op) {
        check(a, "a");
        int n = a.size();
        double[] x = a.value;
        double[] y = pool.take(n);
        elementwise(n, (from, to) -> op.forward(x, y, from, to));
        return record(a.rows, a.cols, y, a.requiresGrad, a.requiresGrad ? t -> {
            double[] gy = t.grad;
            double[] gx = gradOf(a);
            elementwise(n, (from, to) -> op.backward(x, y, gy, gx, from, to));
        } : null);
    }

    private static int broadcast(int p, int q, String what, Tensor a, Tensor b) {
        if (p == q || q == 1) {
            return p;
        }
        if (p == 1) {
            return q;
        }
        throw new IllegalArgumentException("cannot broadcast " + a.rows + "x" + a.cols + " with " + b.rows + "x" + b.cols
                + " (" + what + " differ and neither is 1)");
    }

    private Tensor binary(Tensor a, Tensor b, BinaryOp op) {
        check(a, "a");
        check(b, "b");
        int rows = broadcast(a.rows, b.rows, "rows", a, b);
        int cols = broadcast(a.cols, b.cols, "columns", a, b);
        int n = rows * cols;
        double[] x = a.value;
        double[] y = b.value;
        double[] z = pool.take(n);
        boolean same = a.rows == b.rows && a.cols == b.cols;
        if (same) {
            elementwise(n, (from, to) -> op.forward(x, y, z, from, to));
        } else {
            int aRow = a.rows == 1 ? 0 : a.cols;
            int aCol = a.cols == 1 ? 0 : 1;
            int bRow = b.rows == 1 ? 0 : b.cols;
            int bCol = b.cols == 1 ? 0 : 1;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    z[r * cols + c] = op.apply(x[r * aRow + c * aCol], y[r * bRow + c * bCol]);
                }
            }
        }
        boolean rg = a.requiresGrad || b.requiresGrad;
        return record(rows, cols, z, rg, rg ? t -> {
            double[] g = t.grad;
            double[] ga = a.requiresGrad ? gradOf(a) : null;
            double[] gb = b.requiresGrad ? gradOf(b) : null;
            if (same) {
                elementwise(n, (from, to) -> op.backward(x, y, g, ga, gb, from, to));
            } else {
                int aRow = a.rows == 1 ? 0 : a.cols;
                int aCol = a.cols == 1 ? 0 : 1;
                int bRow = b.rows == 1 ? 0 : b.cols;
                int bCol = b.cols == 1 ? 0 : 1;
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        int ia = r * aRow + c * aCol;
                        int ib = r * bRow + c * bCol;
                        double gi = g[r * cols + c];
                        if (ga != null) {
                            ga[ia] += op.gradA(x[ia], y[ib], gi);
                        }
                        if (gb != null) {
                            gb[ib] += op.gradB(x[ia], y[ib], gi);
                        }
                    }
                }
            }
        } : null);
    }
}
