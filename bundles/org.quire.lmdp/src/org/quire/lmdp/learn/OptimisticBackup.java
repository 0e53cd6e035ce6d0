package org.quire.lmdp.learn;

import org.quire.lmdp.model.Lmdp;
import org.quire.lmdp.plan.ContextBackup;

/**
 * Common frame of the optimistic alpha backups: α_h[m](a) = min{1, R_m(s,a) + U(h, P̂_m(·|s,a), Ñ_m(s,a), v)}, with
 * α = 1 where Ñ_m(s,a) = 0 (truncation at 1, the maximal return). Subclasses supply the optimistic expectation U.
 * Immutable; thread-safe as long as subclasses keep no mutable state besides per-call scratch.
 */
public abstract class OptimisticBackup implements ContextBackup {
    private final EmpiricalModel empirical;
    private final Lmdp known;
    private final double iota;

    /**
     * @param empirical snapshot counts and empirical rows
     * @param known     supplies the rewards R_m(s,a) and the horizon
     * @param iota      the log term ι = ln(M S A K H / δ) (&gt; 0)
     */
    protected OptimisticBackup(EmpiricalModel empirical, Lmdp known, double iota) {
        this.empirical = empirical;
        this.known = known;
        this.iota = iota;
    }

    /** ι = ln(M·S·A·K·H / δ); at least 1 so that bonuses never vanish. */
    public static double iota(int contexts, int states, int actions, long episodes, int horizon, double delta) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must lie in (0, 1), got " + delta);
        }
        double x = Math.log((double) contexts * states * actions * Math.max(1, episodes) * horizon / delta);
        return Math.max(1, x);
    }

    /** The log term ι. */
    public double iota() {
        return iota;
    }

    /** Horizon H of the model. */
    protected int horizon() {
        return known.horizon();
    }

    @Override
    public final double backup(int h, int m, int s, int a, double[] v) {
        double n = empirical.count(m, s, a);
        if (n <= 0) {
            return 1;
        }
        double value = known.reward(m, s, a) + optimisticExpectation(h, empirical.row(m, s, a), n, v);
        return Math.max(0, Math.min(1, value));
    }

    /**
     * The optimistic expected next alpha entry (bonus included).
     *
     * @param h   step, 0-based
     * @param p   empirical row P̂_m(·|s,a) (sums to 1; do not modify)
     * @param n   Ñ_m(s,a) &ge; 1
     * @param v   the same context's alpha entry of the chosen child for each next state
     */
    protected abstract double optimisticExpectation(int h, double[] p, double n, double[] v);

    static double mean(double[] p, double[] v) {
        double sum = 0;
        for (int x = 0; x < p.length; x++) {
            sum += p[x] * v[x];
        }
        return sum;
    }

    static double variance(double[] p, double[] v, double mean) {
        double sum = 0;
        for (int x = 0; x < p.length; x++) {
            double d = v[x] - mean;
            sum += p[x] * d * d;
        }
        return sum;
    }

    /** Indices of v sorted by decreasing value (ties by index). */
    static int[] descending(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (x, y) -> {
            int c = Double.compare(v[y], v[x]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        int[] out = new int[idx.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = idx[i];
        }
        return out;
    }
}
