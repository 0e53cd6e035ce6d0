package org.quire.lmdp.learn;

import org.quire.lmdp.model.Lmdp;

/**
 * Snapshot counts Ñ_m(s,a) and empirical rows P̂_m(·|s,a) = N_m(s,a,·)/Ñ_m(s,a) (all zero where Ñ = 0), plus the
 * smoothed planning model under which beliefs are tracked: P̃ = (1 − λ) P̂ + λ/S (uniform where Ñ = 0), so that no
 * transition ever zeroes a belief. Immutable; thread-safe.
 */
public final class EmpiricalModel {
    /** Default belief smoothing λ of the planning model. */
    public static final double SMOOTHING = 1e-3;

    private final double[][][] counts;
    private final double[][][][] rows;

    EmpiricalModel(double[][][] counts, double[][][][] rows) {
        this.counts = counts;
        this.rows = rows;
    }

    /** Number of contexts of the counts. */
    public int contexts() {
        return counts.length;
    }

    /** Ñ_m(s,a) (≥ 0). */
    public double count(int m, int s, int a) {
        return counts[m][s][a];
    }

    /** P̂_m(next|s,a); 0 everywhere when Ñ_m(s,a) = 0. */
    public double probability(int m, int s, int a, int next) {
        return rows[m][s][a][next];
    }

    /** The row P̂_m(·|s,a) without copying; callers must not modify it. */
    double[] row(int m, int s, int a) {
        return rows[m][s][a];
    }

    /**
     * The planning model: weights, initial distributions and rewards of {@code known} (which the learners are
     * given), transitions P̃ = (1 − λ) P̂ + λ/S, uniform where nothing was observed.
     *
     * @param known     supplies w, ν and R; must have the same M, S, A as the counts
     * @param smoothing λ in (0, 1]
     */
    public Lmdp planningModel(Lmdp known, double smoothing) {
        int contexts = known.contexts();
        int states = known.states();
        int actions = known.actions();
        if (contexts != counts.length || states != counts[0].length || actions != counts[0][0].length) {
            throw new IllegalArgumentException("planning model: counts have M=" + counts.length + " S=" + counts[0].length
                    + " A=" + counts[0][0].length + " but the known parts have M=" + contexts + " S=" + states + " A=" + actions);
        }
        Lmdp.Builder b = Lmdp.builder(contexts, states, actions, known.horizon());
        for (int m = 0; m < contexts; m++) {
            b.weight(m, known.weight(m));
            for (int s = 0; s < states; s++) {
                b.initial(m, s, known.initial(m, s));
                for (int a = 0; a < actions; a++) {
                    b.reward(m, s, a, known.reward(m, s, a));
                    b.transitions(m, s, a, smoothedRow(rows[m][s][a], counts[m][s][a] > 0, smoothing));
                }
            }
        }
        return b.build();
    }

    static double[] smoothedRow(double[] empirical, boolean observed, double smoothing) {
        int n = empirical.length;
        double[] row = new double[n];
        for (int x = 0; x < n; x++) {
            row[x] = observed ? (1 - smoothing) * empirical[x] + smoothing / n : 1.0 / n;
        }
        return row;
    }
}
