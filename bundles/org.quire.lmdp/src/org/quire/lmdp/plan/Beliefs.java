package org.quire.lmdp.plan;

import org.quire.lmdp.model.Lmdp;

/** Belief arithmetic over contexts for an LMDP (Bayes updates with reward indicator likelihoods). Stateless. */
public final class Beliefs {
    /** Grid used to round beliefs for memoisation keys. */
    public static final double KEY_RESOLUTION = 1e-10;
    /** 1 / {@link #KEY_RESOLUTION}. */
    static final double KEY_SCALE = 1 / KEY_RESOLUTION;

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
        return update(model, belief, s, a, reward, next, new double[model.contexts()]);
    }

    /** {@link #update(Lmdp, double[], int, int, double, int)} into {@code b} (every entry overwritten); returns b. */
    static double[] update(Lmdp model, double[] belief, int s, int a, double reward, int next, double[] b) {
        int mm = model.contexts();
        double sum = 0;
        for (int m = 0; m < mm; m++) { // the first attempt in one pass: it is the planner's inner loop
            double x = belief[m] > 0 && model.reward(m, s, a) == reward ? belief[m] * model.transition(m, s, a, next) : 0;
            b[m] = x;
            sum += x;
        }
        if (sum > 0) {
            for (int m = 0; m < mm; m++) {
                b[m] /= sum;
            }
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
}
