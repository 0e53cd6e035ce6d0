package org.quire.lmdp.learn;

/**
 * Visit counts N_m(s,a) and N_m(s,a,s') per context, filled from trajectories whose context is revealed after the
 * episode. {@link #add} reports when a count reaches a power of two, the trigger of the lazy (doubling) model update.
 * Mutable, not thread-safe (one per learner run).
 */
public final class ContextCounts {
    private final int contexts;
    private final int states;
    private final int actions;
    private final long[][][] visits;
    private final long[][][][] moves;

    /** Zero counts for M contexts, S states and A actions. */
    public ContextCounts(int contexts, int states, int actions) {
        this.contexts = contexts;
        this.states = states;
        this.actions = actions;
        visits = new long[contexts][states][actions];
        moves = new long[contexts][states][actions][states];
    }

    /** Number of contexts M. */
    public int contexts() {
        return contexts;
    }

    /** Number of states S. */
    public int states() {
        return states;
    }

    /** Number of actions A. */
    public int actions() {
        return actions;
    }

    /**
     * Records one transition (s, a, next) of context m.
     *
     * @return whether N_m(s,a) has just reached a power of two (1, 2, 4, ...)
     */
    public boolean add(int m, int s, int a, int next) {
        long n = ++visits[m][s][a];
        moves[m][s][a][next]++;
        return (n & (n - 1)) == 0;
    }

    /** N_m(s,a). */
    public long visits(int m, int s, int a) {
        return visits[m][s][a];
    }

    /** N_m(s,a,next). */
    public long moves(int m, int s, int a, int next) {
        return moves[m][s][a][next];
    }

    /** An immutable copy of the current counts with the empirical transition rows, the Ñ of the doubling schedule. */
    public EmpiricalModel snapshot() {
        double[][][] n = new double[contexts][states][actions];
        double[][][][] p = new double[contexts][states][actions][states];
        for (int m = 0; m < contexts; m++) {
            for (int s = 0; s < states; s++) {
                for (int a = 0; a < actions; a++) {
                    long v = visits[m][s][a];
                    n[m][s][a] = v;
                    if (v > 0) {
                        for (int x = 0; x < states; x++) {
                            p[m][s][a][x] = (double) moves[m][s][a][x] / v;
                        }
                    }
                }
            }
        }
        return new EmpiricalModel(n, p);
    }
}
