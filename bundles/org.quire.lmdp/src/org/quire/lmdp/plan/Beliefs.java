package org.quire.lmdp.plan;

import java.util.Arrays;
import org.quire.lmdp.model.Lmdp;

/** Belief arithmetic over contexts for an LMDP (Bayes updates with reward indicator likelihoods, rounding keys). Stateless. */
public final class Beliefs {
    /** Grid used to round beliefs for memoisation keys. */
    public static final double KEY_RESOLUTION = 1e-10;

    private Beliefs() {
    }

    /** b(m) ∝ w_m ν_m(s); the prior weights if no context can start in s. */
    public static double[] initial(Lmdp model, int s) {
        int mm = model.contexts();
        double[] b = new double[mm];
        for (int m = 0; m < mm; m++) {
            b[m] = model.weight(m) * model.initial(m, s);
        }
        if (!normalise(b)) {
            for (int m = 0; m < mm; m++) {
                b[m] = model.weight(m);
            }
            normalise(b);
        }
        return b;
    }

    /**
     * b'(m) ∝ b(m) [R_m(s,a) = reward] P_m(next|s,a). If that is zero everywhere, falls back to w_m [R_m(s,a) = reward]
     * P_m(next|s,a), then to w_m [R_m(s,a) = reward], then to w. Rewards are compared exactly (they are deterministic).
     */
    public static double[] update(Lmdp model, double[] belief, int s, int a, double reward, int next) {
        int mm = model.contexts();
        double[] b = new double[mm];
        for (int m = 0; m < mm; m++) {
            b[m] = model.reward(m, s, a) == reward ? belief[m] * model.transition(m, s, a, next) : 0;
        }
        if (normalise(b)) {
            return b;
        }
        for (int m = 0; m < mm; m++) {
            b[m] = model.reward(m, s, a) == reward ? model.weight(m) * model.transition(m, s, a, next) : 0;
        }
        if (normalise(b)) {
            return b;
        }
        for (int m = 0; m < mm; m++) {
            b[m] = model.reward(m, s, a) == reward ? model.weight(m) : 0;
        }
        if (normalise(b)) {
            return b;
        }
        for (int m = 0; m < mm; m++) {
            b[m] = model.weight(m);
        }
        normalise(b);
        return b;
    }

    /** Scales b to sum 1 in place; returns false (leaving b unchanged) when the sum is not positive. */
    static boolean normalise(double[] b) {
        double sum = 0;
        for (double x : b) {
            sum += x;
        }
        if (!(sum > 0)) {
            return false;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] /= sum;
        }
        return true;
    }

    /** A hashable key for (h, s, belief rounded to {@link #KEY_RESOLUTION}). */
    static final class Key {
        private final int h;
        private final int s;
        private final long[] rounded;
        private final int hash;

        Key(int h, int s, double[] belief) {
            this.h = h;
            this.s = s;
            rounded = new long[belief.length];
            for (int i = 0; i < belief.length; i++) {
                rounded[i] = Math.round(belief[i] / KEY_RESOLUTION);
            }
            hash = (31 * h + s) * 31 + Arrays.hashCode(rounded);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.h == h && k.s == s && Arrays.equals(k.rounded, rounded);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
