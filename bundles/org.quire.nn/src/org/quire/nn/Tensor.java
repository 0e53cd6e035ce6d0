package org.quire.nn;

/**
 * A matrix-valued node recorded on a {@link Tape}: its value and, after {@link Tape#backward(Tensor)}, the
 * gradient of the loss with respect to it. Valid until the owning tape's {@link Tape#reset()}; using it after
 * that throws {@link IllegalStateException}. Not thread-safe.
 */
public final class Tensor {

    /** Reverse-mode rule of an operation: adds the contributions of {@code out.grad} into its inputs' gradients. */
    @FunctionalInterface
    interface Backward {
        void run(Tensor out);
    }

    final Tape tape;
    final int generation;
    final int index;
    final int rows;
    final int cols;
    final double[] value;
    final boolean ownsValue;
    final boolean requiresGrad;
    final Backward backward;
    final Parameter parameter;
    double[] grad;
    boolean ownsGrad;

    Tensor(Tape tape, int generation, int index, int rows, int cols, double[] value, boolean ownsValue,
            boolean requiresGrad, Backward backward, Parameter parameter) {
        this.tape = tape;
        this.generation = generation;
        this.index = index;
        this.rows = rows;
        this.cols = cols;
        this.value = value;
        this.ownsValue = ownsValue;
        this.requiresGrad = requiresGrad;
        this.backward = backward;
        this.parameter = parameter;
    }

    /** Rows (batch size). */
    public int rows() {
        return rows;
    }

    /** Columns (features). */
    public int cols() {
        return cols;
    }

    /** {@code rows * cols}. */
    public int size() {
        return rows * cols;
    }

    /** The value as a live view (a parameter leaf shows the parameter's value itself). */
    public Matrix value() {
        checkValid();
        return Matrix.wrap(rows, cols, parameter != null ? parameter.value().data() : value);
    }

    /** Element (r, c) of the value. */
    public double get(int r, int c) {
        checkValid();
        if (r < 0 || r >= rows || c < 0 || c >= cols) {
            throw new IndexOutOfBoundsException("(" + r + ", " + c + ") outside a " + rows + "x" + cols + " tensor");
        }
        return value[r * cols + c];
    }

    /** The value of a 1x1 tensor. */
    public double item() {
        checkValid();
        if (rows != 1 || cols != 1) {
            throw new IllegalStateException("item() needs a 1x1 tensor, this is " + rows + "x" + cols);
        }
        return value[0];
    }

    /**
     * d(loss)/d(this) after {@link Tape#backward(Tensor)} (a copy; zeros where no gradient reached it). For a
     * parameter leaf this is the parameter's accumulated gradient.
     */
    public Matrix grad() {
        checkValid();
        Matrix g = new Matrix(rows, cols);
        if (grad != null) {
            System.arraycopy(grad, 0, g.data(), 0, g.size());
        }
        return g;
    }

    /** Whether gradients flow into this tensor (it depends on a parameter or variable). */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** The tape that recorded this tensor. */
    public Tape tape() {
        return tape;
    }

    void checkValid() {
        if (generation != tape.generation()) {
            throw new IllegalStateException("tensor used after its tape was reset");
        }
    }

    @Override
    public String toString() {
        return "Tensor[" + rows + "x" + cols + (requiresGrad ? ", grad" : "") + "]";
    }
}
