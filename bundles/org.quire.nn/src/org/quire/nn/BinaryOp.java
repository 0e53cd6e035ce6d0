package org.quire.nn;

/** Elementwise binary functions {@code z = f(x, y)} with their partial derivatives. */
enum BinaryOp {
    ADD, SUB, MUL, DIV;

    /** f(x, y). */
    double apply(double x, double y) {
        switch (this) {
            case ADD:
                return x + y;
            case SUB:
                return x - y;
            case MUL:
                return x * y;
            default:
                return x / y;
        }
    }

    /** g * df/dx. */
    double gradA(double x, double y, double g) {
        switch (this) {
            case ADD:
            case SUB:
                return g;
            case MUL:
                return g * y;
            default:
                return g / y;
        }
    }

    /** g * df/dy. */
    double gradB(double x, double y, double g) {
        switch (this) {
            case ADD:
                return g;
            case SUB:
                return -g;
            case MUL:
                return g * x;
            default:
                return -g * x / (y * y);
        }
    }

    /** {@code z[i] = f(x[i], y[i])} for equal shapes. */
    void forward(double[] x, double[] y, double[] z, int from, int to) {
        switch (this) {
            case ADD:
                for (int i = from; i < to; i++) {
                    z[i] = x[i] + y[i];
                }
                break;
            case SUB:
                for (int i = from; i < to; i++) {
                    z[i] = x[i] - y[i];
                }
                break;
            case MUL:
                for (int i = from; i < to; i++) {
                    z[i] = x[i] * y[i];
                }
                break;
            default:
                for (int i = from; i < to; i++) {
                    z[i] = x[i] / y[i];
                }
                break;
        }
    }

    /** Gradient accumulation for equal shapes; {@code gx} or {@code gy} may be null (not needed). */
    void backward(double[] x, double[] y, double[] g, double[] gx, double[] gy, int from, int to) {
        if (gx != null) {
            for (int i = from; i < to; i++) {
                gx[i] += gradA(x[i], y[i], g[i]);
            }
        }
        if (gy != null) {
            for (int i = from; i < to; i++) {
                gy[i] += gradB(x[i], y[i], g[i]);
            }
        }
    }
}
