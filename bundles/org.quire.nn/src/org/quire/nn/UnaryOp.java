package org.quire.nn;

/** Forward and reverse loops of an elementwise function {@code y = f(x)} over an index range. */
abstract class UnaryOp {

    /** {@code y[i] = f(x[i])} for i in [from, to). */
    abstract void forward(double[] x, double[] y, int from, int to);

    /** {@code gx[i] += gy[i] * f'(x[i])} for i in [from, to), given the forward values {@code y}. */
    abstract void backward(double[] x, double[] y, double[] gy, double[] gx, int from, int to);

    static final UnaryOp TANH = new UnaryOp() {
        @Override
        void forward(double[] x, double[] y, int from, int to) {
            for (int i = from; i < to; i++) {
                y[i] = Activation.tanh(x[i]);
            }
        }

        @Override
        void backward(double[] x, double[] y, double[] gy, double[] gx, int from, int to) {
            for (int i = from; i < to; i++) {
                gx[i] += gy[i] * (1.0 - y[i] * y[i]);
            }
        }
    };

    static final UnaryOp SIGMOID = new UnaryOp() {
        @Override
        void forward(double[] x, double[] y, int from, int to) {
            for (int i = from; i < to; i++) {
                y[i] = Activation.sigmoid(x[i]);
            }
        }

        @Override
        void backward(double[] x, double[] y, double[] gy, double[] gx, int from, int to) {
            for (int i = from; i < to; i++) {
                gx[i] += gy[i] * y[i] * (1.0 - y[i]);
            }
        }
    };

    static final UnaryOp SOFTPLUS = new UnaryOp() {
        @Override
        void forward(double[] x, double[] y, int from, int to) {
            for (int i = from; i < to; i++) {
                y[i] = Activation.softplus(x[i]);
            }
        }

        @Override
        void backward(double[] x, double[] y, double[] gy, double[] gx, int from, int to) {
            for (int i = from; i < to; i++) {
                gx[i] += gy[i] * Activation.sigmoid(x[i]);
            }
        }
    };

    static final UnaryOp RELU = new UnaryOp() {
        @Override
        void forward(double[] x, double[] y, int from, int to) {
            for (int i = from; i < to; i++) {
                y[i] = Math.max(x[i], 0.0);
            }
        }

        @Override
        void backward(double[] x, double[] y, double[] gy, double[] gx, int from, int to) {
            for (int i = from; i < to; i++) {
                gx[i] += x[i] > 0 ? gy[i] : 0.0;
            }
        }
    };

    static final UnaryOp EXP = new UnaryOp() {
        @Override
        void forward(double[] x, double[] y, int from, int to) {
            for (int i = from; i < to; i++) {
                y[i] = Math.exp(x[i]);
            }
        }

        @Override
        void backward(double[] x, double[] y, double[] gy, double[] gx, int from, int to) {
            for (int i = from; i < to; i++) {
                gx[i] += gy[i] * y[i];
            }
        }
    };

    static final UnaryOp LOG = new UnaryOp() {
        @Override
        void forward(double[] x, double[] y, int from, int to) {
            for (int i = from; i < to; i++) {
                y[i] = Math.log(x[i]);
            }
        }

        @Override
        void backward(double[] x, double[] y, double[] gy, double[] gx, int from, int to) {
            for (int i = from; i < to; i++) {
                gx[i] += gy[i] / x[i];
            }
        }
    };

    static final UnaryOp SQUARE = new UnaryOp() {
        @Override
        void forward(double[] x, double[] y, int from, int to) {
            for (int i = from; i < to; i++) {
                y[i] = x[i] * x[i];
            }
        }

        @Override
        void backward(double[] x, double[] y, double[] gy, double[] gx, int from, int to) {
            for (int i = from; i < to; i++) {
                gx[i] += 2.0 * x[i] * gy[i];
            }
        }
    };

    static final UnaryOp SQRT = new UnaryOp() {
        @Override
        void forward(double[] x, double[] y, int from, int to) {
            for (int i = from; i < to; i++) {
                y[i] = Math.sqrt(x[i]);
            }
        }

        @Override
        void backward(double[] x, double[] y, double[] gy, double[] gx, int from, int to) {
            for (int i = from; i < to; i++) {
                gx[i] += 0.5 * gy[i] / y[i];
            }
        }
    };

    static final UnaryOp SIN = new UnaryOp() {
        @Override
        void forward(double[] x, double[] y, int from, int to) {
            for (int i = from; i < to; i++) {
                y[i] = Math.sin(x[i]);
            }
        }

        @Override
        void backward(double[] x, double[] y, double[] gy, double[] gx, int from, int to) {
            for (int i = from; i < to; i++) {
                gx[i] += gy[i] * Math.cos(x[i]);
            }
        }
    };

    static final UnaryOp COS = new UnaryOp() {
        @Override
        void forward(double[] x, double[] y, int from, int to) {
            for (int i = from; i < to; i++) {
                y[i] = Math.cos(x[i]);
            }
        }

        @Override
        void backward(double[] x, double[] y, double[] gy, double[] gx, int from, int to) {
            for (int i = from; i < to; i++) {
                gx[i] -= gy[i] * Math.sin(x[i]);
            }
        }
    };
}
