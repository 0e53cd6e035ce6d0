package org.quire.sem;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.quire.sem.algebra.ModMatrix;
import org.quire.sem.algebra.ModP;
import org.quire.sem.algebra.Rational;
import org.quire.sem.algebra.RationalMatrix;

/**
 * The parametrization &phi;<sub>G</sub>(&Lambda;, &Omega;) = (I&minus;&Lambda;)<sup>&minus;T</sup> &Omega;
 * (I&minus;&Lambda;)<sup>&minus;1</sup> evaluated by matrix inversion (independently of the one-connection
 * expansion): modulo a prime, exactly over Q, and its Jacobian modulo a prime. Parameter vectors follow the order of
 * {@link MixedGraph#parameterNames()}; covariance vectors the order of {@link MixedGraph#sigmaNames()}. Immutable and
 * thread-safe.
 */
public final class Parametrization {
    private final MixedGraph g;

    /** The parametrization of {@code g}. */
    public Parametrization(MixedGraph g) {
        this.g = g;
    }

    /** The graph. */
    public MixedGraph graph() {
        return g;
    }

    /** Uniform random residues in [1, p) for every parameter. */
    public long[] randomPoint(SplittableRandom rnd, long p) {
        long[] x = new long[g.parameterCount()];
        for (int k = 0; k < x.length; k++) {
            x[k] = 1 + rnd.nextLong(p - 1);
        }
        return x;
    }

    /** Random non-zero integers in [&minus;range, range] for every parameter. */
    public long[] randomIntegerPoint(SplittableRandom rnd, int range) {
        long[] x = new long[g.parameterCount()];
        for (int k = 0; k < x.length; k++) {
            long v = 1 + rnd.nextInt(range);
            x[k] = rnd.nextBoolean() ? v : -v;
        }
        return x;
    }

    /** I &minus; &Lambda; modulo p at parameters x. */
    private long[][] iMinusLambda(long[] x, long p) {
        int n = g.n();
        long[][] m = new long[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        for (int k = 0; k < g.directedCount(); k++) {
            int[] e = g.directedEdge(k);
            m[e[0]][e[1]] = ModP.sub(0, ModP.of(x[k], p), p);
        }
        return m;
    }

    private long[][] omega(long[] x, long p) {
        int n = g.n();
        long[][] w = new long[n][n];
        for (int i = 0; i < n; i++) {
            w[i][i] = ModP.of(x[g.omegaDiagonalIndex(i)], p);
        }
        for (int k = 0; k < g.bidirectedCount(); k++) {
            int[] e = g.bidirectedEdge(k);
            w[e[0]][e[1]] = ModP.of(x[g.omegaEdgeIndex(k)], p);
            w[e[1]][e[0]] = w[e[0]][e[1]];
        }
        return w;
    }

    /** (I&minus;&Lambda;)<sup>&minus;1</sup> mod p, or null when I&minus;&Lambda; is singular mod p. */
    private long[][] inverse(long[][] m, long p) {
        int n = m.length;
        long[][] a = new long[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        int[] piv = ModMatrix.rref(a, p);
        if (piv.length < n || piv[n - 1] != n - 1) {
            return null;
        }
        long[][] inv = new long[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inv[i], 0, n);
        }
        return inv;
    }

    /**
     * &Sigma; mod p at parameter residues x, as the n(n+1)/2 entries i &le; j, or null when det(I&minus;&Lambda;)
     * &equiv; 0 (mod p).
     */
    public long[] sigmaModP(long[] x, long p) {
        long[][] a = inverse(iMinusLambda(x, p), p);
        if (a == null) {
            return null;
        }
        long[][] s = sandwich(a, omega(x, p), p);
        long[] out = new long[g.sigmaCount()];
        for (int t = 0; t < out.length; t++) {
            int[] ij = g.sigmaPair(t);
            out[t] = s[ij[0]][ij[1]];
        }
        return out;
    }

    /** A<sup>T</sup> W A mod p. */
    private static long[][] sandwich(long[][] a, long[][] w, long p) {
        int n = a.length;
        long[][] wa = mul(w, a, p);
        long[][] out = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                long s = 0;
                for (int k = 0; k < n; k++) {
                    s = (s + a[k][i] * wa[k][j]) % p;
                }
                out[i][j] = s;
            }
        }
        return out;
    }

    private static long[][] mul(long[][] a, long[][] b, long p) {
        int n = a.length;
        long[][] out = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                long x = a[i][k];
                if (x == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    out[i][j] = (out[i][j] + x * b[k][j]) % p;
                }
            }
        }
        return out;
    }

    /**
     * The Jacobian d&Sigma;/d&theta; mod p at x: rows are the entries i &le; j, columns the parameters; null when
     * I&minus;&Lambda; is singular mod p. With A = (I&minus;&Lambda;)<sup>&minus;1</sup>: d&Sigma;/d&lambda;<sub>ij</sub>
     * = A<sup>T</sup>E<sub>ji</sub>&Sigma; + &Sigma;E<sub>ij</sub>A and d&Sigma;/d&omega;<sub>kl</sub> =
     * A<sup>T</sup>(E<sub>kl</sub>+E<sub>lk</sub>)A.
     */
    public long[][] jacobianModP(long[] x, long p) {
        int n = g.n();
        long[][] a = inverse(iMinusLambda(x, p), p);
        if (a == null) {
            return null;
        }
        long[][] s = sandwich(a, omega(x, p), p);
        int m = g.sigmaCount();
        long[][] jac = new long[m][g.parameterCount()];
        for (int k = 0; k < g.directedCount(); k++) {
            int[] e = g.directedEdge(k);
            int i = e[0];
            int j = e[1];
            // (A^T E_ji S)_{uv} = A[j][u] S[i][v];  (S E_ij A)_{uv} = S[u][i] A[j][v]
            for (int t = 0; t < m; t++) {
                int[] uv = g.sigmaPair(t);
                int u = uv[0];
                int v = uv[1];
                jac[t][k] = (a[j][u] * s[i][v] + s[u][i] * a[j][v]) % p;
            }
        }
        for (int k = 0; k < n; k++) {
            int col = g.omegaDiagonalIndex(k);
            for (int t = 0; t < m; t++) {
                int[] uv = g.sigmaPair(t);
                jac[t][col] = a[k][uv[0]] * a[k][uv[1]] % p;
            }
        }
        for (int b = 0; b < g.bidirectedCount(); b++) {
            int[] e = g.bidirectedEdge(b);
            int col = g.omegaEdgeIndex(b);
            for (int t = 0; t < m; t++) {
                int[] uv = g.sigmaPair(t);
                jac[t][col] = (a[e[0]][uv[0]] * a[e[1]][uv[1]] + a[e[1]][uv[0]] * a[e[0]][uv[1]]) % p;
            }
        }
        return jac;
    }

    /** I &minus; &Lambda; over Q at integer parameters x. */
    public Rational[][] iMinusLambdaExact(long[] x) {
        int n = g.n();
        Rational[][] m = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = i == j ? Rational.ONE : Rational.ZERO;
            }
        }
        for (int k = 0; k < g.directedCount(); k++) {
            int[] e = g.directedEdge(k);
            m[e[0]][e[1]] = Rational.of(-x[k]);
        }
        return m;
    }

    /** &Sigma; over Q at integer parameters x (full n&times;n), or null when I&minus;&Lambda; is singular. */
    public Rational[][] sigmaExact(long[] x) {
        int n = g.n();
        Rational[][] m = iMinusLambdaExact(x);
        if (RationalMatrix.det(m).isZero()) {
            return null;
        }
        Rational[][] a = RationalMatrix.inverse(m);
        Rational[][] w = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i][j] = Rational.ZERO;
            }
            w[i][i] = Rational.of(x[g.omegaDiagonalIndex(i)]);
        }
        for (int k = 0; k < g.bidirectedCount(); k++) {
            int[] e = g.bidirectedEdge(k);
            w[e[0]][e[1]] = Rational.of(x[g.omegaEdgeIndex(k)]);
            w[e[1]][e[0]] = w[e[0]][e[1]];
        }
        return RationalMatrix.multiply(RationalMatrix.transpose(a), RationalMatrix.multiply(w, a));
    }

    /**
     * det(I&minus;&Lambda;)&sup2; &Sigma; = adj(I&minus;&Lambda;)<sup>T</sup> &Omega; adj(I&minus;&Lambda;) over Z at integer
     * parameters x, its entries i &le; j in {@link MixedGraph#sigmaNames()} order, or null when I&minus;&Lambda; is
     * singular or a fraction-free pivot vanishes (draw another point). The adjugate comes from fraction-free
     * (Bareiss) Gauss&ndash;Jordan elimination of [I&minus;&Lambda; | I], which ends at [det&middot;I | adj]. A
     * homogeneous polynomial vanishes at &Sigma; iff it vanishes here.
     */
    public BigInteger[] scaledSigmaExact(long[] x) {
        int n = g.n();
        BigInteger[][] a = new BigInteger[n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 2 * n; j++) {
                a[i][j] = (j == i || j == n + i) ? BigInteger.ONE : BigInteger.ZERO;
            }
        }
        for (int k = 0; k < g.directedCount(); k++) {
            int[] e = g.directedEdge(k);
            a[e[0]][e[1]] = BigInteger.valueOf(-x[k]);
        }
        BigInteger prev = BigInteger.ONE;
        for (int k = 0; k < n; k++) {
            BigInteger piv = a[k][k];
            if (piv.signum() == 0) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                if (i == k) {
                    continue;
                }
                BigInteger f = a[i][k];
                for (int j = 0; j < 2 * n; j++) {
                    if (j == k) {
                        continue;
                    }
                    a[i][j] = piv.multiply(a[i][j]).subtract(f.multiply(a[k][j])).divide(prev);
                }
                a[i][k] = BigInteger.ZERO;
            }
            prev = piv;
        }
        BigInteger[][] adj = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                adj[i][j] = a[i][n + j];
            }
        }
        BigInteger[][] w = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i][j] = BigInteger.ZERO;
            }
            w[i][i] = BigInteger.valueOf(x[g.omegaDiagonalIndex(i)]);
        }
        for (int k = 0; k < g.bidirectedCount(); k++) {
            int[] e = g.bidirectedEdge(k);
            w[e[0]][e[1]] = BigInteger.valueOf(x[g.omegaEdgeIndex(k)]);
            w[e[1]][e[0]] = w[e[0]][e[1]];
        }
        BigInteger[][] wa = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                BigInteger s = BigInteger.ZERO;
                for (int k = 0; k < n; k++) {
                    if (w[i][k].signum() != 0) {
                        s = s.add(w[i][k].multiply(adj[k][j]));
                    }
                }
                wa[i][j] = s;
            }
        }
        BigInteger[] out = new BigInteger[g.sigmaCount()];
        for (int t = 0; t < out.length; t++) {
            int[] ij = g.sigmaPair(t);
            BigInteger s = BigInteger.ZERO;
            for (int k = 0; k < n; k++) {
                s = s.add(adj[k][ij[0]].multiply(wa[k][ij[1]]));
            }
            out[t] = s;
        }
        return out;
    }
}
