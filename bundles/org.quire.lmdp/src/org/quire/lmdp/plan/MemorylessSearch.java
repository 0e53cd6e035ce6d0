package org.quire.lmdp.plan;

import org.quire.lmdp.model.Lmdp;

/**
 * Best memoryless (deterministic Markov, π_h(s)) value max_π Σ_m w_m V^π_m by exact depth-first branch and bound over
 * the decisions (h, s) in order; the bound adds, to the rewards collected so far, the context-known optimal values of
 * the current state distributions. Decisions at (h, s) unreachable in every context are not branched. Exact when it
 * finishes; throws {@link IllegalStateException} when the search exceeds the node budget (worst case A^(H·S) leaves).
 * Thread-confined.
 */
public final class MemorylessSearch {
    private final Lmdp l;
    private final int mm;
    private final int ss;
    private final int aa;
    private final int hh;
    private final double[][][] vstar; // [m][h][s]
    private final long budget;
    private long nodes;
    private double best = Double.NEGATIVE_INFINITY;
    private int[][] bestPolicy;
    private final int[][] policy;

    /** A search over {@code l} that visits at most {@code nodeBudget} search nodes. */
    public MemorylessSearch(Lmdp l, long nodeBudget) {
        this.l = l;
        mm = l.contexts();
        ss = l.states();
        aa = l.actions();
        hh = l.horizon();
        budget = nodeBudget;
        vstar = new double[mm][][];
        for (int m = 0; m < mm; m++) {
            vstar[m] = ReferenceValues.valueIteration(l, m);
        }
        policy = new int[hh][ss];
    }

    /** Runs the search and returns the best memoryless value. */
    public double solve() {
        double[][] d = new double[mm][ss];
        for (int m = 0; m < mm; m++) {
            for (int s = 0; s < ss; s++) {
                d[m][s] = l.initial(m, s);
            }
        }
        search(0, 0, d, new double[mm][ss], 0);
        return best;
    }

    /** Search nodes visited. */
    public long nodes() {
        return nodes;
    }

    /** The best policy found, π[h][s]; call after {@link #solve()}. */
    public int[][] bestPolicy() {
        return bestPolicy;
    }

    private void search(int h, int k, double[][] d, double[][] next, double acc) {
        if (++nodes > budget) {
            throw new IllegalStateException("best-memoryless branch and bound exceeded " + budget
                    + " nodes (A^(H*S) policies); reduce the horizon or the instance size");
        }
        if (h == hh) {
            if (acc > best) {
                best = acc;
                bestPolicy = new int[hh][];
                for (int t = 0; t < hh; t++) {
                    bestPolicy[t] = policy[t].clone();
                }
            }
            return;
        }
        if (k == ss) {
            search(h + 1, 0, next, new double[mm][ss], acc);
            return;
        }
        boolean reachable = false;
        for (int m = 0; m < mm; m++) {
            reachable |= d[m][k] > 0;
        }
        if (!reachable) {
            policy[h][k] = 0;
            search(h, k + 1, d, next, acc);
            return;
        }
        // order actions by their optimistic bound, best first
        double[] bound = new double[aa];
        double rest = 0; // bound contribution of the undecided states k+1.. at step h and the decided next masses
        for (int m = 0; m < mm; m++) {
            double w = l.weight(m);
            for (int s = k + 1; s < ss; s++) {
                rest += w * d[m][s] * vstar[m][h][s];
            }
            for (int s = 0; s < ss; s++) {
                rest += w * next[m][s] * vstar[m][h + 1][s];
            }
        }
        double[] gain = new double[aa];
        for (int a = 0; a < aa; a++) {
            double g = 0;
            double q = 0;
            for (int m = 0; m < mm; m++) {
                double mass = d[m][k];
                if (mass == 0) {
                    continue;
                }
                double w = l.weight(m);
                double r = l.reward(m, k, a);
                g += w * mass * r;
                double cont = 0;
                for (int n : l.successors(m, k, a)) {
                    cont += l.transition(m, k, a, n) * vstar[m][h + 1][n];
                }
                q += w * mass * (r + cont);
            }
            gain[a] = g;
            bound[a] = acc + q + rest;
        }
        Integer[] order = new Integer[aa];
        for (int a = 0; a < aa; a++) {
            order[a] = a;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(bound[y], bound[x]));
        for (int a : order) {
            if (bound[a] <= best + 1e-15) {
                continue;
            }
            double[][] nx = new double[mm][];
            for (int m = 0; m < mm; m++) {
                nx[m] = next[m].clone();
                double mass = d[m][k];
                if (mass > 0) {
                    for (int n : l.successors(m, k, a)) {
                        nx[m][n] += mass * l.transition(m, k, a, n);
                    }
                }
            }
            policy[h][k] = a;
            search(h, k + 1, d, nx, acc + gain[a]);
        }
    }
}
