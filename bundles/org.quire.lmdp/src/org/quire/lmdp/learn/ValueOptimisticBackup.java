package org.quire.lmdp.learn;

import org.quire.lmdp.model.Lmdp;

/**
 * The value-optimistic backup (spec §1.3): α_h[m](a) = min{1, R + P̂v + β} with the Bernstein bonus
 * β = c1·√(Var_P̂(v)·ι/Ñ) + c2·ι/Ñ on the empirical variance of the next-step alpha entry v of the same context.
 * Immutable; thread-safe.
 */
public final class ValueOptimisticBackup extends OptimisticBackup {
    private final double c1;
    private final double c2;

    /** A backup with constants c1, c2 &ge; 0. */
    public ValueOptimisticBackup(EmpiricalModel empirical, Lmdp known, double iota, double c1, double c2) {
        super(empirical, known, iota);
        this.c1 = c1;
        this.c2 = c2;
    }

    @Override
    protected double optimisticExpectation(int h, double[] p, double n, double[] v) {
        double mean = mean(p, v);
        double var = variance(p, v, mean);
        return mean + c1 * Math.sqrt(var * iota() / n) + c2 * iota() / n;
    }
}
