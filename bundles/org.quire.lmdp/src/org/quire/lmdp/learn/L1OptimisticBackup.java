package org.quire.lmdp.learn;

import org.quire.lmdp.model.Lmdp;

/**
 * The L-UCRL-style baseline (Kwon et al. 2021): an L1 (Weissman) confidence set ‖P − P̂‖₁ ≤ √(2S·ι/Ñ) per
 * (m, s, a), maximised UCRL2-style at every alpha backup (add up to half the radius to the best entry, remove the
 * same mass from the worst entries). Immutable; thread-safe.
 */
public final class L1OptimisticBackup extends OptimisticBackup {

    /** A backup with the Weissman radius. */
    public L1OptimisticBackup(EmpiricalModel empirical, Lmdp known, double iota) {
        super(empirical, known, iota);
    }

    @Override
    protected double optimisticExpectation(int h, double[] p, double n, double[] v) {
        double radius = Math.sqrt(2 * p.length * iota() / n);
        return maximise(p, radius, v);
    }

    /** max Σ q v over the simplex with ‖q − p‖₁ ≤ radius. */
    static double maximise(double[] p, double radius, double[] v) {
        int[] order = descending(v);
        double[] q = p.clone();
        int best = order[0];
        double add = Math.min(1 - q[best], radius / 2);
        q[best] += add;
        double excess = add;
        for (int i = order.length - 1; i > 0 && excess > 0; i--) {
            int x = order[i];
            double take = Math.min(q[x], excess);
            q[x] -= take;
            excess -= take;
        }
        return mean(q, v);
    }
}
