package org.quire.lmdp.plan;

import org.quire.lmdp.model.Lmdp;

/** Belief arithmetic over contexts for an LMDP (Bayes updates with reward indicator likelihoods, context classes). Stateless. */
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

    /**
     * Classes of contexts the belief model cannot tell apart: equal rewards and equal transition rows at every
     * (s, a). Returns class[m] = the lowest context index of m's class. A belief whose support lies in one class keeps
     * that support and its ratios after every update (the likelihoods are equal), so its subtree is a plain MDP over
     * (h, s). Initial distributions are not compared (they only matter before the first update).
     */
    public static int[] indistinguishableClasses(Lmdp model) {
        int mm = model.contexts();
        int[] cls = new int[mm];
        for (int m = 0; m < mm; m++) {
            cls[m] = m;
            for (int k = 0; k < m; k++) {
                if (cls[k] == k && sameDynamics(model, k, m)) {
                    cls[m] = k;
                    break;
                }
            }
        }
        return cls;
    }

    private static boolean sameDynamics(Lmdp model, int m1, int m2) {
        for (int s = 0; s < model.states(); s++) {
            for (int a = 0; a < model.actions(); a++) {
                if (model.reward(m1, s, a) != model.reward(m2, s, a)) {
                    return false;
                }
                for (int n = 0; n < model.states(); n++) {
                    if (model.transition(m1, s, a, n) != model.transition(m2, s, a, n)) {
                        return false;
                    }
                }
            }
        }
        return true;
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
