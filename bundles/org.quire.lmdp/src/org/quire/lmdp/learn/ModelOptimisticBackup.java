package org.quire.lmdp.learn;

import org.quire.lmdp.model.Lmdp;

/**
 * The model-optimistic backup (spec §1.4) as a history-rectangular relaxation: at each alpha backup the expectation
 * is maximised over the per-entry Bernstein confidence set |P(s') − P̂(s')| ≤ c1·√(2P̂(s')ι/Ñ) + c2·ι/Ñ intersected
 * with the simplex, independently per (h, s, belief, m, a). The inner maximisation is UCRL2-style: every entry
 * starts at its lower limit and the remaining mass goes to the entries with the largest v, up to their upper limits.
 * The relaxation is at least as optimistic as the joint (non-rectangular) problem of the paper; whether the paper's
 * analysis stays tight under it is open. Immutable; thread-safe.
 */
public final class ModelOptimisticBackup extends OptimisticBackup {
    private final double c1;
    private final double c2;

    /** A backup with constants c1, c2 &ge; 0. */
    public ModelOptimisticBackup(EmpiricalModel empirical, Lmdp known, double iota, double c1, double c2) {
        super(empirical, known, iota);
        this.c1 = c1;
        this.c2 = c2;
    }

    @Override
    protected double optimisticExpectation(int h, double[] p, double n, double[] v) {
        int size = p.length;
        double[] lower = new double[size];
        double[] upper = new double[size];
        for (int x = 0; x < size; x++) {
            double radius = c1 * Math.sqrt(2 * p[x] * iota() / n) + c2 * iota() / n;
            lower[x] = Math.max(0, p[x] - radius);
            upper[x] = Math.min(1, p[x] + radius);
        }
        return maximise(lower, upper, v);
    }

    /** max Σ q v over lower ≤ q ≤ upper, Σ q = 1 (requires Σ lower ≤ 1 ≤ Σ upper). */
    static double maximise(double[] lower, double[] upper, double[] v) {
        double remaining = 1;
        double value = 0;
        for (int x = 0; x < lower.length; x++) {
            remaining -= lower[x];
            value += lower[x] * v[x];
        }
        for (int x : descending(v)) {
            if (remaining <= 0) {
                break;
            }
            double add = Math.min(upper[x] - lower[x], remaining);
            value += add * v[x];
            remaining -= add;
        }
        return value;
    }
}
