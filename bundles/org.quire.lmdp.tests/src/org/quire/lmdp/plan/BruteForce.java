package org.quire.lmdp.plan;

import java.util.ArrayList;
import java.util.List;
import org.quire.lmdp.model.Lmdp;

/**
 * Independent references for tests: (1) expectimax over explicit histories with unnormalised joint weights (no
 * beliefs, no memo); (2) literal enumeration of every deterministic history-dependent policy for tiny cases;
 * (3) enumeration of every deterministic Markov policy π_h(s).
 */
final class BruteForce {
    private BruteForce() {
    }

    /** max over history policies by expectimax: weights[m] = w_m Pr_m(history so far). */
    static double expectimax(Lmdp l) {
        double total = 0;
        for (int s = 0; s < l.states(); s++) {
            double[] w = new double[l.contexts()];
            for (int m = 0; m < w.length; m++) {
                w[m] = l.weight(m) * l.initial(m, s);
            }
            total += node(l, 0, s, w);
        }
        return total;
    }

    private static double node(Lmdp l, int h, int s, double[] w) {
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < l.actions(); a++) {
            double v = 0;
            for (int m = 0; m < w.length; m++) {
                v += w[m] * l.reward(m, s, a);
            }
            if (h + 1 < l.horizon()) {
                for (double r : distinctRewards(l, s, a)) {
                    for (int n = 0; n < l.states(); n++) {
                        double[] nw = new double[w.length];
                        boolean any = false;
                        for (int m = 0; m < w.length; m++) {
                            nw[m] = l.reward(m, s, a) == r ? w[m] * l.transition(m, s, a, n) : 0;
                            any |= nw[m] > 0;
                        }
                        if (any) {
                            v += node(l, h + 1, n, nw);
                        }
                    }
                }
            }
            best = Math.max(best, v);
        }
        return best;
    }

    private static List<Double> distinctRewards(Lmdp l, int s, int a) {
        List<Double> r = new ArrayList<>();
        for (int m = 0; m < l.contexts(); m++) {
            if (!r.contains(l.reward(m, s, a))) {
                r.add(l.reward(m, s, a));
            }
        }
        return r;
    }

    /** A decision point: its state and, per (action, reward index, next state), the child decision index (or -1). */
    private record Decision(int s, int[][][] child, double[][] rewards) {
    }

    /**
     * Enumerates every deterministic history-dependent policy (one action per possible history (s_0, a_0, r_0, s_1,
     * ...), including histories of probability 0 under every context) and returns the best exact value. Tiny cases only.
     */
    static double enumeratePolicies(Lmdp l) {
        List<Decision> decisions = new ArrayList<>();
        int[] roots = new int[l.states()];
        for (int s = 0; s < l.states(); s++) {
            roots[s] = collect(l, 0, s, decisions);
        }
        int n = decisions.size();
        long count = Math.round(Math.pow(l.actions(), n));
        if (count > 5_000_000) {
            throw new IllegalArgumentException("too many policies: " + count);
        }
        int[] choice = new int[n];
        double best = Double.NEGATIVE_INFINITY;
        for (long c = 0; c < count; c++) {
            long x = c;
            for (int i = 0; i < n; i++) {
                choice[i] = (int) (x % l.actions());
                x /= l.actions();
            }
            double v = 0;
            for (int m = 0; m < l.contexts(); m++) {
                for (int s = 0; s < l.states(); s++) {
                    if (l.initial(m, s) > 0) {
                        v += l.weight(m) * l.initial(m, s) * evaluate(l, m, roots[s], choice, decisions);
                    }
                }
            }
            best = Math.max(best, v);
        }
        return best;
    }

    private static int collect(Lmdp l, int h, int s, List<Decision> out) {
        int[][][] child = new int[l.actions()][][];
        double[][] rs = new double[l.actions()][];
        int index = out.size();
        out.add(new Decision(s, child, rs));
        for (int a = 0; a < l.actions(); a++) {
            List<Double> rewards = distinctRewards(l, s, a);
            rs[a] = rewards.stream().mapToDouble(Double::doubleValue).toArray();
            child[a] = new int[rewards.size()][l.states()];
            for (int r = 0; r < rewards.size(); r++) {
                for (int n = 0; n < l.states(); n++) {
                    child[a][r][n] = h + 1 < l.horizon() ? collect(l, h + 1, n, out) : -1;
                }
            }
        }
        return index;
    }

    private static double evaluate(Lmdp l, int m, int d, int[] choice, List<Decision> decisions) {
        Decision dec = decisions.get(d);
        int s = dec.s();
        int a = choice[d];
        double r = l.reward(m, s, a);
        double v = r;
        int ri = 0;
        while (dec.rewards()[a][ri] != r) {
            ri++;
        }
        for (int n = 0; n < l.states(); n++) {
            int c = dec.child()[a][ri][n];
            double p = l.transition(m, s, a, n);
            if (c >= 0 && p > 0) {
                v += p * evaluate(l, m, c, choice, decisions);
            }
        }
        return v;
    }

    /** Best deterministic Markov policy by enumerating all A^(H·S) policies. */
    static double bestMarkov(Lmdp l) {
        int n = l.horizon() * l.states();
        long count = Math.round(Math.pow(l.actions(), n));
        double best = Double.NEGATIVE_INFINITY;
        int[] pi = new int[n];
        for (long c = 0; c < count; c++) {
            long x = c;
            for (int i = 0; i < n; i++) {
                pi[i] = (int) (x % l.actions());
                x /= l.actions();
            }
            double v = 0;
            for (int m = 0; m < l.contexts(); m++) {
                double[] d = new double[l.states()];
                for (int s = 0; s < l.states(); s++) {
                    d[s] = l.initial(m, s);
                }
                double ret = 0;
                for (int h = 0; h < l.horizon(); h++) {
                    double[] nd = new double[l.states()];
                    for (int s = 0; s < l.states(); s++) {
                        int a = pi[h * l.states() + s];
                        ret += d[s] * l.reward(m, s, a);
                        for (int t = 0; t < l.states(); t++) {
                            nd[t] += d[s] * l.transition(m, s, a, t);
                        }
                    }
                    d = nd;
                }
                v += l.weight(m) * ret;
            }
            best = Math.max(best, v);
        }
        return best;
    }
}
