package org.quire.lmdp.model;

import java.util.Arrays;

/**
 * An immutable latent MDP: M contexts sharing S states, A actions and horizon H. Context m has weight w_m,
 * initial distribution ν_m, transition kernel P_m(s'|s,a) and a deterministic reward R_m(s,a) that the agent
 * observes after acting. All indices are 0-based; steps run h = 0..H-1. Thread-safe (immutable).
 */
public final class Lmdp {
    /** Tolerance for rows and weights summing to 1. */
    public static final double SUM_TOLERANCE = 1e-9;

    private final int contexts;
    private final int states;
    private final int actions;
    private final int horizon;
    private final double[] weights;
    private final double[][] initial;
    private final double[][][][] transitions;
    private final int[][][][] successors;
    private final double[][][] rewards;

    private Lmdp(int contexts, int states, int actions, int horizon, double[] weights, double[][] initial,
            double[][][][] transitions, double[][][] rewards) {
        this.contexts = contexts;
        this.states = states;
        this.actions = actions;
        this.horizon = horizon;
        this.weights = weights;
        this.initial = initial;
        this.transitions = transitions;
        this.rewards = rewards;
        this.successors = new int[contexts][states][actions][];
        for (int m = 0; m < contexts; m++) {
            for (int s = 0; s < states; s++) {
                for (int a = 0; a < actions; a++) {
                    double[] row = transitions[m][s][a];
                    successors[m][s][a] = java.util.stream.IntStream.range(0, states).filter(n -> row[n] > 0).toArray();
                }
            }
        }
    }

    /** Number of contexts M (≥ 1). */
    public int contexts() {
        return contexts;
    }

    /** Number of states S (≥ 1). */
    public int states() {
        return states;
    }

    /** Number of actions A (≥ 1). */
    public int actions() {
        return actions;
    }

    /** Horizon H (≥ 1): number of decisions per episode. */
    public int horizon() {
        return horizon;
    }

    /** Mixing weight w_m of context m. */
    public double weight(int m) {
        return weights[m];
    }

    /** Initial probability ν_m(s). */
    public double initial(int m, int s) {
        return initial[m][s];
    }

    /** Transition probability P_m(next | s, a). */
    public double transition(int m, int s, int a, int next) {
        return transitions[m][s][a][next];
    }

    /** Successor states with positive probability under P_m(·|s,a), ascending. Returns a copy. */
    public int[] successors(int m, int s, int a) {
        return successors[m][s][a].clone();
    }

    /** Deterministic reward R_m(s, a), observed after acting. */
    public double reward(int m, int s, int a) {
        return rewards[m][s][a];
    }

    /** Maximum transition degree Γ = max over (m, s, a) of the support size. */
    public int maxDegree() {
        int g = 0;
        for (int[][][] x : successors) {
            for (int[][] y : x) {
                for (int[] z : y) {
                    g = Math.max(g, z.length);
                }
            }
        }
        return g;
    }

    /** The same LMDP with another horizon (≥ 1). */
    public Lmdp withHorizon(int h) {
        if (h < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + h);
        }
        return new Lmdp(contexts, states, actions, h, weights, initial, transitions, rewards);
    }

    /**
     * Largest possible episode return: DP over (h, s) of the max over contexts and actions of
     * R_m(s,a) + max over successors; the horizon-free setting assumes this is ≤ 1.
     */
    public double maxReturn() {
        double[] next = new double[states];
        for (int h = horizon - 1; h >= 0; h--) {
            double[] cur = new double[states];
            for (int s = 0; s < states; s++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int m = 0; m < contexts; m++) {
                    for (int a = 0; a < actions; a++) {
                        double v = 0;
                        for (int n : successors[m][s][a]) {
                            v = Math.max(v, next[n]);
                        }
                        best = Math.max(best, rewards[m][s][a] + v);
                    }
                }
                cur[s] = best;
            }
            next = cur;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int m = 0; m < contexts; m++) {
            for (int s = 0; s < states; s++) {
                if (initial[m][s] > 0) {
                    best = Math.max(best, next[s]);
                }
            }
        }
        return best;
    }

    /** A builder with all numbers zero; weights, initial rows and transition rows must be set before {@link Builder#build()}. */
    public static Builder builder(int contexts, int states, int actions, int horizon) {
        return new Builder(contexts, states, actions, horizon);
    }

    /** Mutable builder; not thread-safe. {@link #build()} validates and copies. */
    public static final class Builder {
        private final int contexts;
        private final int states;
        private final int actions;
        private final int horizon;
        private final double[] weights;
        private final double[][] initial;
        private final double[][][][] transitions;
        private final double[][][] rewards;

        private Builder(int contexts, int states, int actions, int horizon) {
            if (contexts < 1 || states < 1 || actions < 1 || horizon < 1) {
                throw new IllegalArgumentException("contexts, states, actions and horizon must be >= 1, got M=" + contexts
                        + " S=" + states + " A=" + actions + " H=" + horizon);
            }
            this.contexts = contexts;
            this.states = states;
            this.actions = actions;
            this.horizon = horizon;
            weights = new double[contexts];
            initial = new double[contexts][states];
            transitions = new double[contexts][states][actions][states];
            rewards = new double[contexts][states][actions];
        }

        /** Sets w_m. */
        public Builder weight(int m, double w) {
            weights[m] = w;
            return this;
        }

        /** Sets ν_m(s). */
        public Builder initial(int m, int s, double p) {
            initial[m][s] = p;
            return this;
        }

        /** Sets the whole initial row ν_m (length S). */
        public Builder initial(int m, double[] row) {
            checkLength(row, states, "initial of context " + m);
            initial[m] = row.clone();
            return this;
        }

        /** Sets P_m(next|s,a). */
        public Builder transition(int m, int s, int a, int next, double p) {
            transitions[m][s][a][next] = p;
            return this;
        }

        /** Sets the whole row P_m(·|s,a) (length S). */
        public Builder transitions(int m, int s, int a, double[] row) {
            checkLength(row, states, "transitions of context " + m + ", state " + s + ", action " + a);
            transitions[m][s][a] = row.clone();
            return this;
        }

        /** Sets R_m(s,a). */
        public Builder reward(int m, int s, int a, double r) {
            rewards[m][s][a] = r;
            return this;
        }

        private static void checkLength(double[] row, int n, String what) {
            if (row.length != n) {
                throw new IllegalArgumentException(what + ": expected " + n + " numbers, found " + row.length);
            }
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the context, state and action of the first problem: a non-finite or
         *         negative number, a row not summing to 1 within {@link Lmdp#SUM_TOLERANCE}, weights not summing to 1
         */
        public Lmdp build() {
            String problem = firstProblem();
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            double[][][][] t = new double[contexts][states][actions][];
            double[][][] r = new double[contexts][states][];
            double[][] nu = new double[contexts][];
            for (int m = 0; m < contexts; m++) {
                nu[m] = initial[m].clone();
                for (int s = 0; s < states; s++) {
                    r[m][s] = rewards[m][s].clone();
                    for (int a = 0; a < actions; a++) {
                        t[m][s][a] = transitions[m][s][a].clone();
                    }
                }
            }
            return new Lmdp(contexts, states, actions, horizon, weights.clone(), nu, t, r);
        }

        private String firstProblem() {
            double wsum = 0;
            for (int m = 0; m < contexts; m++) {
                if (!(weights[m] >= 0) || Double.isInfinite(weights[m])) {
                    return "context " + m + ": weight must be a finite number >= 0, got " + weights[m];
                }
                wsum += weights[m];
            }
            if (Math.abs(wsum - 1) > SUM_TOLERANCE) {
                return "weights must sum to 1 within " + SUM_TOLERANCE + ", they sum to " + wsum;
            }
            for (int m = 0; m < contexts; m++) {
                String p = rowProblem(initial[m], "context " + m + ", initial distribution");
                if (p != null) {
                    return p;
                }
                for (int s = 0; s < states; s++) {
                    for (int a = 0; a < actions; a++) {
                        String where = "context " + m + ", state " + s + ", action " + a;
                        p = rowProblem(transitions[m][s][a], where + ", transitions");
                        if (p != null) {
                            return p;
                        }
                        double rw = rewards[m][s][a];
                        if (!(rw >= 0) || Double.isInfinite(rw)) {
                            return where + ", reward: must be a finite number >= 0, got " + rw;
                        }
                    }
                }
            }
            return null;
        }

        private static String rowProblem(double[] row, String where) {
            double sum = 0;
            for (int i = 0; i < row.length; i++) {
                if (!(row[i] >= 0) || Double.isInfinite(row[i])) {
                    return where + ": entry " + i + " must be a finite number >= 0, got " + row[i];
                }
                sum += row[i];
            }
            if (Math.abs(sum - 1) > SUM_TOLERANCE) {
                return where + ": must sum to 1 within " + SUM_TOLERANCE + ", sums to " + sum;
            }
            return null;
        }
    }

    @Override
    public String toString() {
        return "Lmdp[M=" + contexts + ", S=" + states + ", A=" + actions + ", H=" + horizon + ", w="
                + Arrays.toString(weights) + "]";
    }
}
