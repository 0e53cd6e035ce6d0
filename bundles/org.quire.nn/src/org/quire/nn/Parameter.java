package org.quire.nn;

import java.util.Arrays;

/**
 * A trainable matrix and the gradient accumulated into it by {@link Tape#backward(Tensor)}. The value is held
 * live (optimisers update it in place). Not thread-safe.
 */
public final class Parameter {

    private final String name;
    private final Matrix value;
    private final Matrix grad;

    /** A parameter called {@code name} (used by {@link ParameterIo}) holding {@code value} (not copied); gradient zero. */
    public Parameter(String name, Matrix value) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("parameter name must not be empty");
        }
        this.name = name;
        this.value = value;
        this.grad = new Matrix(value.rows(), value.cols());
    }

    /** The name. */
    public String name() {
        return name;
    }

    /** The live value. */
    public Matrix value() {
        return value;
    }

    /** The live accumulated gradient d(loss)/d(value), same shape as the value. */
    public Matrix grad() {
        return grad;
    }

    /** Rows of the value. */
    public int rows() {
        return value.rows();
    }

    /** Columns of the value. */
    public int cols() {
        return value.cols();
    }

    /** Number of scalars. */
    public int size() {
        return value.size();
    }

    /** Sets the gradient to zero. */
    public void zeroGrad() {
        Arrays.fill(grad.data(), 0.0);
    }

    @Override
    public String toString() {
        return "Parameter[" + name + ", " + rows() + "x" + cols() + "]";
    }
}
