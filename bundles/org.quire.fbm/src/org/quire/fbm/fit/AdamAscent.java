package org.quire.fbm.fit;

/**
 * Adam (Kingma &amp; Ba) for maximising a function of a few unconstrained parameters given its gradient, with
 * β1 = 0.9, β2 = 0.999, ε = 1e-8. Frozen coordinates are never moved. Not thread-safe (one per optimisation).
 */
public final class AdamAscent {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double[] first;
    private final double[] second;
    private final boolean[] frozen;
    private int step;

    /** @param frozen which coordinates stay fixed (its length is the parameter count) */
    public AdamAscent(boolean[] frozen) {
        this.frozen = frozen.clone();
        first = new double[frozen.length];
        second = new double[frozen.length];
    }

    /** Moves {@code x} in place one ascent step of size {@code learningRate} along the gradient. */
    public void step(double[] x, double[] gradient, double learningRate) {
        step++;
        double c1 = 1 - Math.pow(BETA1, step);
        double c2 = 1 - Math.pow(BETA2, step);
        for (int i = 0; i < x.length; i++) {
            if (frozen[i]) {
                continue;
            }
            double g = gradient[i];
            first[i] = BETA1 * first[i] + (1 - BETA1) * g;
            second[i] = BETA2 * second[i] + (1 - BETA2) * g * g;
            x[i] += learningRate * (first[i] / c1) / (Math.sqrt(second[i] / c2) + EPSILON);
        }
    }
}
