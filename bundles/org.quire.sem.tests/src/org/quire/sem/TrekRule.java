package org.quire.sem;

import java.math.BigInteger;
import org.quire.sem.algebra.Poly;

/** An independent trek-rule implementation for acyclic graphs (spec §1.2), the test oracle of the acyclic case. */
final class TrekRule {
    private TrekRule() {
    }

    /** P[k][i]: the sum of path monomials k -> ... -> i (1 for k = i). */
    private static Poly[][] paths(MixedGraph g) {
        int n = g.n();
        int vars = g.parameterCount();
        Poly[][] p = new Poly[n][n];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                p[k][i] = Poly.zero(vars);
            }
            walk(g, k, k, new int[vars], p);
        }
        return p;
    }

    private static void walk(MixedGraph g, int top, int v, int[] e, Poly[][] p) {
        p[top][v] = p[top][v].add(Poly.monomial(BigInteger.ONE, e));
        for (int k = 0; k < g.directedCount(); k++) {
            int[] edge = g.directedEdge(k);
            if (edge[0] == v) {
                e[k]++;
                walk(g, top, edge[1], e, p);
                e[k]--;
            }
        }
    }

    /** Σ_ij by the trek rule: Σ_k ω_kk P[k][i] P[k][j] + Σ_{k<->l} ω_kl (P[k][i] P[l][j] + P[l][i] P[k][j]). */
    static Poly[][] sigma(MixedGraph g) {
        int n = g.n();
        int vars = g.parameterCount();
        Poly[][] p = paths(g);
        Poly[][] s = new Poly[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Poly t = Poly.zero(vars);
                for (int k = 0; k < n; k++) {
                    t = t.add(Poly.variable(vars, g.omegaDiagonalIndex(k)).multiply(p[k][i]).multiply(p[k][j]));
                }
                for (int b = 0; b < g.bidirectedCount(); b++) {
                    int[] e = g.bidirectedEdge(b);
                    Poly w = Poly.variable(vars, g.omegaEdgeIndex(b));
                    t = t.add(w.multiply(p[e[0]][i].multiply(p[e[1]][j]).add(p[e[1]][i].multiply(p[e[0]][j]))));
                }
                s[i][j] = t;
            }
        }
        return s;
    }

    /** Number of treks between i and j (each a monomial before collecting). */
    static long count(MixedGraph g, int i, int j) {
        int n = g.n();
        long[][] c = new long[n][n];
        for (int k = 0; k < n; k++) {
            countWalk(g, k, k, c);
        }
        long t = 0;
        for (int k = 0; k < n; k++) {
            t += c[k][i] * c[k][j];
        }
        for (int b = 0; b < g.bidirectedCount(); b++) {
            int[] e = g.bidirectedEdge(b);
            t += c[e[0]][i] * c[e[1]][j] + c[e[1]][i] * c[e[0]][j];
        }
        return t;
    }

    static long countAll(MixedGraph g) {
        long t = 0;
        for (int i = 0; i < g.n(); i++) {
            for (int j = i; j < g.n(); j++) {
                t += count(g, i, j);
            }
        }
        return t;
    }

    private static void countWalk(MixedGraph g, int top, int v, long[][] c) {
        c[top][v]++;
        for (int k = 0; k < g.directedCount(); k++) {
            int[] edge = g.directedEdge(k);
            if (edge[0] == v) {
                countWalk(g, top, edge[1], c);
            }
        }
    }
}
