package org.quire.sem;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.quire.api.Progress;
import org.quire.sem.algebra.Poly;

/**
 * The closed form of &Sigma; by the one-connection rule (spec &sect;1.3&ndash;1.4): with N = adj(I&minus;&Lambda;),
 * whose entry N<sub>ab</sub> is the signed sum over one-connections a&rarr;b in D (a self-avoiding path P plus a set of
 * vertex-disjoint cycles avoiding P, sign (&minus;1)<sup>#cycles</sup>), det(I&minus;&Lambda;)&sup2; &Sigma; =
 * N<sup>T</sup>&Omega;N, i.e. the sum over one-connections i<sup>&minus;</sup>&rarr;j<sup>+</sup> of the doubled graph
 * H(G). Computed with the complement-determinant form N<sub>ab</sub> = &Sigma;<sub>P: a&rarr;b</sub> wt(P)
 * det(I &minus; &Lambda;[V&#8726;V(P)]) and a memoised cycle expansion of the principal minors. For acyclic D this is
 * the trek rule. Exponential in n; meant for n &le; 8. Polynomials are in the parameters of {@link MixedGraph}.
 * Not thread-safe (build and read on one thread).
 */
public final class OneConnections {
    private final MixedGraph g;
    private final int n;
    private final int vars;
    private final int maxTerms;
    private final List<Cycle> cycles = new ArrayList<>();
    private final Poly[] minor;
    private final long[] minorTerms;
    private final Poly[][] adj;
    private final long[][] adjTerms;
    private Poly[][] numerators;
    private long oneConnectionTerms = -1;

    /** A simple directed cycle of D: its vertex set and its edge-weight monomial. */
    private record Cycle(int mask, int minVertex, int[] exponents) {
    }

    /**
     * Expands N = adj(I&minus;&Lambda;) and det(I&minus;&Lambda;).
     *
     * @param maxTerms most terms allowed in any polynomial before the expansion fails with {@link IllegalStateException}
     */
    public OneConnections(MixedGraph g, int maxTerms) {
        if (g.n() > 12) {
            throw new IllegalArgumentException("the one-connection expansion is exponential; n <= 12 supported, got " + g.n());
        }
        this.g = g;
        this.n = g.n();
        this.vars = g.parameterCount();
        this.maxTerms = maxTerms;
        findCycles();
        this.minor = new Poly[1 << n];
        this.minorTerms = new long[1 << n];
        this.adj = new Poly[n][n];
        this.adjTerms = new long[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                adj[a][b] = Poly.zero(vars);
            }
        }
        for (int a = 0; a < n; a++) {
            int[] e = new int[vars];
            paths(a, a, 1 << a, e);
        }
    }

    private int edgeIndex(int i, int j) {
        for (int k = 0; k < g.directedCount(); k++) {
            int[] e = g.directedEdge(k);
            if (e[0] == i && e[1] == j) {
                return k;
            }
        }
        return -1;
    }

    private void findCycles() {
        for (int s = 0; s < n; s++) {
            cycleDfs(s, s, 1 << s, new int[vars]);
        }
    }

    private void cycleDfs(int s, int v, int mask, int[] e) {
        for (int w = s; w < n; w++) {
            if (!g.hasDirected(v, w)) {
                continue;
            }
            int k = edgeIndex(v, w);
            e[k]++;
            if (w == s) {
                cycles.add(new Cycle(mask, s, e.clone()));
            } else if ((mask & (1 << w)) == 0) {
                cycleDfs(s, w, mask | (1 << w), e);
            }
            e[k]--;
        }
    }

    /** det(I &minus; &Lambda;[U]) for the vertex set U (bit mask): the signed sum over disjoint cycle sets in U. */
    Poly minor(int mask) {
        if (minor[mask] != null) {
            return minor[mask];
        }
        if (mask == 0) {
            minor[0] = Poly.constant(vars, 1);
            minorTerms[0] = 1;
            return minor[0];
        }
        int v = Integer.numberOfTrailingZeros(mask);
        Poly r = minor(mask & ~(1 << v));
        long count = minorTerms[mask & ~(1 << v)];
        for (Cycle c : cycles) {
            if (c.minVertex() > v || (c.mask() & (1 << v)) == 0 || (c.mask() & ~mask) != 0) {
                continue;
            }
            Poly rest = minor(mask & ~c.mask());
            r = r.subtract(Poly.monomial(BigInteger.ONE, c.exponents()).multiply(rest));
            count += minorTerms[mask & ~c.mask()];
        }
        check(r);
        minor[mask] = r;
        minorTerms[mask] = count;
        return r;
    }

    private void paths(int a, int v, int mask, int[] e) {
        int full = (1 << n) - 1;
        Poly term = Poly.monomial(BigInteger.ONE, e).multiply(minor(full & ~mask));
        adj[a][v] = adj[a][v].add(term);
        adjTerms[a][v] += minorTerms[full & ~mask];
        check(adj[a][v]);
        for (int w = 0; w < n; w++) {
            if (g.hasDirected(v, w) && (mask & (1 << w)) == 0) {
                int k = edgeIndex(v, w);
                e[k]++;
                paths(a, w, mask | (1 << w), e);
                e[k]--;
            }
        }
    }

    private void check(Poly p) {
        if (p.size() > maxTerms) {
            throw new IllegalStateException("the one-connection expansion exceeds " + maxTerms
                    + " terms in one polynomial (parameter maxTerms)");
        }
    }

    /** The graph. */
    public MixedGraph graph() {
        return g;
    }

    /** det(I &minus; &Lambda;) as a polynomial in the &lambda;'s. */
    public Poly determinant() {
        return minor((1 << n) - 1);
    }

    /** The common denominator det(I &minus; &Lambda;)&sup2;. */
    public Poly denominator() {
        Poly d = determinant();
        return d.multiply(d);
    }

    /** N<sub>ab</sub> = adj(I&minus;&Lambda;)<sub>ba</sub>&nbsp;= [(I&minus;&Lambda;)<sup>-1</sup>]<sub>ab</sub> det(I&minus;&Lambda;): the one-connection sum a&rarr;b in D. */
    public Poly oneConnectionSum(int a, int b) {
        return adj[a][b];
    }

    /** Number of one-connections a&rarr;b in D (terms before cancellation). */
    public long oneConnectionCount(int a, int b) {
        return adjTerms[a][b];
    }

    /** Number of simple directed cycles of D. */
    public int cycleCount() {
        return cycles.size();
    }

    /**
     * The numerator of &sigma;<sub>ij</sub> over det(I&minus;&Lambda;)&sup2;: (N<sup>T</sup>&Omega;N)<sub>ij</sub>.
     *
     * @param progress checked for cancellation between entries (may be {@link Progress#none()})
     */
    public Poly[][] numerators(Progress progress) {
        if (numerators != null) {
            return numerators;
        }
        Poly[][] omega = new Poly[n][n];
        for (int k = 0; k < n; k++) {
            for (int l = 0; l < n; l++) {
                omega[k][l] = Poly.zero(vars);
            }
            omega[k][k] = Poly.variable(vars, g.omegaDiagonalIndex(k));
        }
        for (int k = 0; k < g.bidirectedCount(); k++) {
            int[] e = g.bidirectedEdge(k);
            omega[e[0]][e[1]] = Poly.variable(vars, g.omegaEdgeIndex(k));
            omega[e[1]][e[0]] = omega[e[0]][e[1]];
        }
        Poly[][] out = new Poly[n][n];
        long terms = 0;
        for (int j = 0; j < n; j++) {
            Poly[] w = new Poly[n];
            for (int k = 0; k < n; k++) {
                Poly s = Poly.zero(vars);
                for (int l = 0; l < n; l++) {
                    if (!omega[k][l].isZero() && !adj[l][j].isZero()) {
                        s = s.add(omega[k][l].multiply(adj[l][j]));
                    }
                }
                w[k] = s;
            }
            for (int i = 0; i <= j; i++) {
                progress.checkCancelled();
                Poly s = Poly.zero(vars);
                for (int k = 0; k < n; k++) {
                    if (!adj[k][i].isZero() && !w[k].isZero()) {
                        s = s.add(adj[k][i].multiply(w[k]));
                        check(s);
                    }
                }
                out[i][j] = s;
                out[j][i] = s;
                for (int k = 0; k < n; k++) {
                    for (int l = 0; l < n; l++) {
                        if (k == l || g.hasBidirected(k, l)) {
                            terms += adjTerms[k][i] * adjTerms[l][j];
                        }
                    }
                }
            }
        }
        numerators = out;
        oneConnectionTerms = terms;
        return out;
    }

    /**
     * Number of one-connections i<sup>&minus;</sup>&rarr;j<sup>+</sup> in H(G) summed over i &le; j (terms before
     * cancellation; spec &sect;1.5). Available after {@link #numerators(Progress)}.
     */
    public long oneConnectionTermCount() {
        if (oneConnectionTerms < 0) {
            numerators(Progress.none());
        }
        return oneConnectionTerms;
    }
}
