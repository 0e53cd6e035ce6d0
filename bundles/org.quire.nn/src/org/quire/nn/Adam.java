package org.quire.nn;

import java.util.Arrays;
import java.util.List;

/**
 * The Adam optimiser (Kingma and Ba), with PyTorch's update
 * {@code p -= (lr / (1 - b1^t)) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)} and optional global gradient-norm
 * clipping. Reads {@link Parameter#grad()} and updates {@link Parameter#value()} in place. Not thread-safe.
 */
public final class Adam {

    private final Parameter[] params;
    private final double[][] m;
    private final double[][] v;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private double learningRate;
    private double maxNorm = Double.POSITIVE_INFINITY;
    private long steps;

    /** Adam with betas 0.9 and 0.999 and epsilon 1e-8. */
    public Adam(List<Parameter> parameters, double learningRate) {
        this(parameters, learningRate, 0.9, 0.999, 1e-8);
    }

    /**
     * @param learningRate &gt; 0
     * @param beta1        in [0, 1)
     * @param beta2        in [0, 1)
     * @param epsilon      &gt; 0
     */
    public Adam(List<Parameter> parameters, double learningRate, double beta1, double beta2, double epsilon) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("betas must be in [0, 1), were " + beta1 + ", " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, was " + epsilon);
        }
        setLearningRate(learningRate);
        this.params = parameters.toArray(new Parameter[0]);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        m = new double[params.length][];
        v = new double[params.length][];
        for (int i = 0; i < params.length; i++) {
            m[i] = new double[params[i].size()];
            v[i] = new double[params[i].size()];
        }
    }

    /**
     * Before each step, scales the gradients (as used by the update; the stored gradients are left unchanged) so
     * that their global L2 norm is at most {@code maxNorm}; {@code maxNorm <= 0} or infinite disables. Returns this.
     */
    public Adam clipGradientNorm(double maxNorm) {
        this.maxNorm = maxNorm > 0 ? maxNorm : Double.POSITIVE_INFINITY;
        return this;
    }

    /** Sets the learning rate (&gt; 0) for the following steps. */
    public void setLearningRate(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, was " + lr);
        }
        this.learningRate = lr;
    }

    /** The learning rate. */
    public double learningRate() {
        return learningRate;
    }

    /** Steps taken. */
    public long steps() {
        return steps;
    }

    /**
     * One update from the current gradients (which are not zeroed: call {@link #zeroGrad()}).
     *
     * @return the global L2 norm of the gradients before clipping
     */
    public double step() {
        double sq = 0;
        for (Parameter p : params) {
            for (double g : p.grad().data()) {
                sq += g * g;
            }
        }
        double norm = Math.sqrt(sq);
        double clip = norm > maxNorm ? maxNorm / norm : 1.0;
        steps++;
        double bc1 = 1.0 - Math.pow(beta1, steps);
        double bc2 = Math.sqrt(1.0 - Math.pow(beta2, steps));
        double stepSize = learningRate / bc1;
        double b1 = beta1;
        double b2 = beta2;
        double eps = epsilon;
        for (int i = 0; i < params.length; i++) {
            double[] w = params[i].value().data();
            double[] g = params[i].grad().data();
            double[] mi = m[i];
            double[] vi = v[i];
            for (int j = 0; j < w.length; j++) {
                double gj = g[j] * clip;
                double mj = b1 * mi[j] + (1.0 - b1) * gj;
                double vj = b2 * vi[j] + (1.0 - b2) * gj * gj;
                mi[j] = mj;
                vi[j] = vj;
                w[j] -= stepSize * mj / (Math.sqrt(vj) / bc2 + eps);
            }
        }
        return norm;
    }

    /** Sets every parameter's gradient to zero. */
    public void zeroGrad() {
        for (Parameter p : params) {
            Arrays.fill(p.grad().data(), 0.0);
        }
    }
}
