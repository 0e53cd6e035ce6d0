package org.quire.lmdp.plan;

import java.util.Arrays;
import org.quire.lmdp.model.Lmdp;

/**
 * Which contexts a belief model cannot tell apart from a state on: contexts are alike from s when they have equal
 * rewards and equal transition rows at every state reachable from s (under any context and action, s included). A
 * belief whose support is alike from s keeps its value after every update below s, so that subtree is a
 * finite-horizon MDP over (h, s'). Initial distributions are not compared. Classes are computed per state on first
 * use. Thread-confined.
 */
final class ContextClasses {
    private final Lmdp model;
    private final int[][][][] successors;
    private final int mm;
    private final int ss;
    private final int aa;
    /** atState[t][m]: the lowest context with m's rewards and transition rows at state t (null until needed). */
    private final int[][] atState;
    /** from[s][m]: the lowest context alike m from s (null until needed). */
    private final int[][] from;

    /** Classes of {@code model}. */
    ContextClasses(Lmdp model) {
        this(model, supports(model));
    }

    private static int[][][][] supports(Lmdp model) {
        int[][][][] succ = new int[model.contexts()][model.states()][model.actions()][];
        for (int m = 0; m < model.contexts(); m++) {
            for (int s = 0; s < model.states(); s++) {
                for (int a = 0; a < model.actions(); a++) {
                    succ[m][s][a] = model.successors(m, s, a);
                }
            }
        }
        return succ;
    }

    /** Classes of {@code model}; successors[m][s][a] are its supports, ascending (not copied). */
    ContextClasses(Lmdp model, int[][][][] successors) {
        this.model = model;
        this.successors = successors;
        mm = model.contexts();
        ss = model.states();
        aa = model.actions();
        atState = new int[ss][];
        from = new int[ss][];
    }

    /** class[m] = the lowest context alike m from state s. */
    int[] from(int s) {
        int[] cls = from[s];
        if (cls == null) {
            int[] reachable = reachable(s);
            cls = lowestAlike((k, m) -> alikeOn(reachable, k, m));
            from[s] = cls;
        }
        return cls;
    }

    private boolean alikeOn(int[] states, int k, int m) {
        for (int t : states) {
            int[] at = atState(t);
            if (at[k] != at[m]) {
                return false;
            }
        }
        return true;
    }

    /** States reachable from s in any number of steps (s included), ascending. */
    private int[] reachable(int s) {
        boolean[] seen = new boolean[ss];
        int[] queue = new int[ss];
        int head = 0;
        int tail = 0;
        seen[s] = true;
        queue[tail++] = s;
        while (head < tail) {
            int t = queue[head++];
            for (int m = 0; m < mm; m++) {
                for (int a = 0; a < aa; a++) {
                    for (int n : successors[m][t][a]) {
                        if (!seen[n]) {
                            seen[n] = true;
                            queue[tail++] = n;
                        }
                    }
                }
            }
        }
        int[] states = Arrays.copyOf(queue, tail);
        Arrays.sort(states);
        return states;
    }

    private int[] atState(int t) {
        int[] cls = atState[t];
        if (cls == null) {
            cls = lowestAlike((k, m) -> sameAt(t, k, m));
            atState[t] = cls;
        }
        return cls;
    }

    private boolean sameAt(int t, int k, int m) {
        for (int a = 0; a < aa; a++) {
            if (model.reward(k, t, a) != model.reward(m, t, a) || !Arrays.equals(successors[k][t][a], successors[m][t][a])) {
                return false;
            }
            for (int n : successors[k][t][a]) {
                if (model.transition(k, t, a, n) != model.transition(m, t, a, n)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** An equivalence between contexts k and m. */
    private interface Alike {
        boolean test(int k, int m);
    }

    /** class[m] = the lowest context alike m (alike must be an equivalence). */
    private int[] lowestAlike(Alike alike) {
        int[] cls = new int[mm];
        for (int m = 0; m < mm; m++) {
            cls[m] = m;
            for (int k = 0; k < m; k++) {
                if (cls[k] == k && alike.test(k, m)) {
                    cls[m] = k;
                    break;
                }
            }
        }
        return cls;
    }
}
