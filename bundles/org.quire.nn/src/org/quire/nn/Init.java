package org.quire.nn;

import java.util.SplittableRandom;

/** Weight initialisation schemes for a weight matrix of shape {@code fanIn x fanOut}. */
public enum Init {
    /** Glorot/Xavier normal: N(0, 2 / (fanIn + fanOut)); for tanh, sigmoid, softplus and linear layers. */
    XAVIER,
    /** He/Kaiming normal: N(0, 2 / fanIn); for relu layers. */
    HE,
    /** All zeros. */
    ZERO;

    /**
     * Fills {@code w} (fanIn = rows, fanOut = cols) in row-major order with draws from {@code random}, so the
     * result depends on the generator's state only.
     */
    public void fill(Matrix w, SplittableRandom random) {
        double[] d = w.data();
        if (this == ZERO) {
            java.util.Arrays.fill(d, 0.0);
            return;
        }
        double variance = this == XAVIER ? 2.0 / (w.rows() + w.cols()) : 2.0 / Math.max(1, w.rows());
        double sd = Math.sqrt(variance);
        for (int i = 0; i < d.length; i++) {
            d[i] = sd * gaussian(random);
        }
    }

    /** A standard normal draw by Marsaglia's polar method (JDK-independent). */
    static double gaussian(SplittableRandom random) {
        while (true) {
            double u = 2.0 * random.nextDouble() - 1.0;
            double v = 2.0 * random.nextDouble() - 1.0;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * Math.sqrt(-2.0 * Math.log(s) / s);
            }
        }
    }
}
