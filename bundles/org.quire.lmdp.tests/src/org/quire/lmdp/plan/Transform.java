package org.quire.lmdp.plan;

import org.quire.lmdp.model.Lmdp;

/** Relabelled copies of an LMDP for invariance tests: permuted contexts, states or actions, an extra unreachable state. */
final class Transform {
    private Transform() {
    }

    /** new index i holds old index perm[i] for contexts, states and actions. */
    static Lmdp permute(Lmdp l, int[] ctx, int[] st, int[] ac) {
        int[] stInv = inverse(st);
        Lmdp.Builder b = Lmdp.builder(l.contexts(), l.states(), l.actions(), l.horizon());
        for (int m = 0; m < l.contexts(); m++) {
            int om = ctx[m];
            b.weight(m, l.weight(om));
            for (int s = 0; s < l.states(); s++) {
                int os = st[s];
                b.initial(m, s, l.initial(om, os));
                for (int a = 0; a < l.actions(); a++) {
                    int oa = ac[a];
                    b.reward(m, s, a, l.reward(om, os, oa));
                    for (int n = 0; n < l.states(); n++) {
                        b.transition(m, s, a, n, l.transition(om, os, oa, st[n]));
                    }
                }
            }
        }
        if (stInv.length != l.states()) {
            throw new IllegalStateException();
        }
        return b.build();
    }

    /** Adds state S (never started in, never reached) with reward 1 for action 0 and a self loop. */
    static Lmdp withUnreachableState(Lmdp l) {
        int ss = l.states() + 1;
        Lmdp.Builder b = Lmdp.builder(l.contexts(), ss, l.actions(), l.horizon());
        for (int m = 0; m < l.contexts(); m++) {
            b.weight(m, l.weight(m));
            for (int s = 0; s < l.states(); s++) {
                b.initial(m, s, l.initial(m, s));
                for (int a = 0; a < l.actions(); a++) {
                    b.reward(m, s, a, l.reward(m, s, a));
                    for (int n = 0; n < l.states(); n++) {
                        b.transition(m, s, a, n, l.transition(m, s, a, n));
                    }
                }
            }
            for (int a = 0; a < l.actions(); a++) {
                b.transition(m, ss - 1, a, ss - 1, 1.0);
                b.reward(m, ss - 1, a, a == 0 ? 1.0 : 0.0);
            }
        }
        return b.build();
    }

    /** A copy with other weights. */
    static Lmdp withWeights(Lmdp l, double... w) {
        Lmdp.Builder b = Lmdp.builder(l.contexts(), l.states(), l.actions(), l.horizon());
        for (int m = 0; m < l.contexts(); m++) {
            b.weight(m, w[m]);
            for (int s = 0; s < l.states(); s++) {
                b.initial(m, s, l.initial(m, s));
                for (int a = 0; a < l.actions(); a++) {
                    b.reward(m, s, a, l.reward(m, s, a));
                    for (int n = 0; n < l.states(); n++) {
                        b.transition(m, s, a, n, l.transition(m, s, a, n));
                    }
                }
            }
        }
        return b.build();
    }

    /**
     * l plus a context with context t's rewards and transitions (indistinguishable from it after the start) but a
     * uniform initial distribution; the twin takes {@code share} of t's weight.
     */
    static Lmdp withTwin(Lmdp l, int t, double share) {
        int mm = l.contexts();
        Lmdp.Builder b = Lmdp.builder(mm + 1, l.states(), l.actions(), l.horizon());
        for (int m = 0; m <= mm; m++) {
            int from = m == mm ? t : m;
            b.weight(m, m == mm ? share * l.weight(t) : m == t ? (1 - share) * l.weight(t) : l.weight(m));
            for (int s = 0; s < l.states(); s++) {
                b.initial(m, s, m == mm ? 1.0 / l.states() : l.initial(m, s));
                for (int a = 0; a < l.actions(); a++) {
                    b.reward(m, s, a, l.reward(from, s, a));
                    for (int n = 0; n < l.states(); n++) {
                        b.transition(m, s, a, n, l.transition(from, s, a, n));
                    }
                }
            }
        }
        return b.build();
    }

    /** Context m of l as an LMDP with M = 1. */
    static Lmdp single(Lmdp l, int m) {
        Lmdp.Builder b = Lmdp.builder(1, l.states(), l.actions(), l.horizon());
        b.weight(0, 1.0);
        for (int s = 0; s < l.states(); s++) {
            b.initial(0, s, l.initial(m, s));
            for (int a = 0; a < l.actions(); a++) {
                b.reward(0, s, a, l.reward(m, s, a));
                for (int n = 0; n < l.states(); n++) {
                    b.transition(0, s, a, n, l.transition(m, s, a, n));
                }
            }
        }
        return b.build();
    }

    private static int[] inverse(int[] p) {
        int[] q = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            q[p[i]] = i;
        }
        return q;
    }
}
