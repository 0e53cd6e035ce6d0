package org.quire.lmdp.learn;

import org.quire.lmdp.model.Lmdp;

/**
 * The Hoeffding-bonus variant of the L-UCRL-style baseline: α_h[m](a) = min{1, R + P̂v + (H − h)/H·√(ι/Ñ)} with h
 * 0-based (the spec's (H − h + 1)/H with h 1-based). Summed over the H steps this bonus pays a √H factor that the
 * Bernstein bonus avoids. Immutable; thread-safe.
 */
public final class HoeffdingBackup extends OptimisticBackup {

    /** A backup with the Hoeffding bonus. */
    public HoeffdingBackup(EmpiricalModel empirical, Lmdp known, double iota) {
        super(empirical, known, iota);
    }

    @Override
    protected double optimisticExpectation(int h, double[] p, double n, double[] v) {
        return mean(p, v) + (double) (horizon() - h) / horizon() * Math.sqrt(iota() / n);
    }
}
