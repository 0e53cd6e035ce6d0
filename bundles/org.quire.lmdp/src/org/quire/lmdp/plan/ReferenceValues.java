package org.quire.lmdp.plan;

import org.quire.lmdp.model.Lmdp;

/**
 * Reference values for an LMDP: the context-known value Σ_m w_m V*_m (per-context finite-horizon value iteration)
 * and per-context value-iteration tables. Stateless and thread-safe.
 */
public final class ReferenceValues {
    private ReferenceValues() {
    }

    /** V*_{m,h}(s) for h = 0..H (row H is 0): finite-horizon value iteration of context m. */
    public static double[][] valueIteration(Lmdp l, int m) {
        int ss = l.states();
        double[][] v = new double[l.horizon() + 1][ss];
        for (int h = l.horizon() - 1; h >= 0; h--) {
            for (int s = 0; s < ss; s++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < l.actions(); a++) {
                    double q = l.reward(m, s, a);
                    for (int n : l.successors(m, s, a)) {
                        q += l.transition(m, s, a, n) * v[h + 1][n];
                    }
                    best = Math.max(best, q);
                }
                v[h][s] = best;
            }
        }
        return v;
    }

    /** Optimal value of context m alone: Σ_s ν_m(s) V*_{m,0}(s). */
    public static double contextValue(Lmdp l, int m) {
        double[] v0 = valueIteration(l, m)[0];
        double x = 0;
        for (int s = 0; s < l.states(); s++) {
            x += l.initial(m, s) * v0[s];
        }
        return x;
    }

    /** The context-known value Σ_m w_m V*_m, an upper bound on the LMDP's optimal value. */
    public static double contextKnownValue(Lmdp l) {
        double x = 0;
        for (int m = 0; m < l.contexts(); m++) {
            x += l.weight(m) * contextValue(l, m);
        }
        return x;
    }
}
