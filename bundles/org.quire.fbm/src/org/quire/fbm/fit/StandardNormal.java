package org.quire.fbm.fit;

import java.util.SplittableRandom;

/** Standard normal variates from a {@link SplittableRandom} by Box–Muller on its doubles (JDK-independent, stateless). */
public final class StandardNormal {

    private StandardNormal() {
    }

    /** One N(0, 1) variate (uses two doubles of the stream). */
    public static double next(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
