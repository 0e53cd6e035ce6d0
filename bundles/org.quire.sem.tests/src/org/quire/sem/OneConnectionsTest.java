package org.quire.sem;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quire.api.Progress;
import org.quire.sem.algebra.Poly;
import org.quire.sem.algebra.Rational;
import org.quire.sem.algebra.RationalMatrix;

/** The one-connection closed form against the matrix inverse, the doubled graph and the trek rule (spec §1.3–1.5, §5.1–5.4). */
class OneConnectionsTest {

    @Test
    void threeCycleMatchesTheWorkedExampleOfTheSpec() {
        MixedGraph g = MixedGraph.parse("1->2; 2->3; 3->1");
        OneConnections oc = new OneConnections(g, 100_000);
        String[] names = g.parameterNames();
        assertThat(oc.determinant().format(names)).isEqualTo("-l_1_2*l_2_3*l_3_1+1");
        Poly[][] num = oc.numerators(Progress.none());
        // spec §1.4: Σ11 = (ω11 + λ31²ω33 + λ23²λ31²ω22)/det², Σ12 = (λ12ω11 + λ23λ31ω22 + λ12λ31²ω33)/det²
        assertThat(num[0][0].format(names)).isEqualTo("l_2_3^2*l_3_1^2*w_2_2+l_3_1^2*w_3_3+w_1_1");
        assertThat(num[0][1].format(names)).isEqualTo("l_1_2*l_3_1^2*w_3_3+l_1_2*w_1_1+l_2_3*l_3_1*w_2_2");
        assertThat(num[1][0]).isEqualTo(num[0][1]);
    }

    @Test
    void oneConnectionTermCountsMatchTheSpecTable() {
        // spec §1.5: number of (P, C) terms before cancellation, summed over i <= j
        assertThat(terms("1->2; 2->3; 3->1")).isEqualTo(18);
        assertThat(terms("1->2; 2->3; 3->1; 3->4; 1<->4")).isEqualTo(44);
        assertThat(terms("1->2; 1->3; 2->3; 3->4; 2<->4")).isEqualTo(37);
        assertThat(terms("1->2; 2->3; 3->4; 4->1; 1<->3")).isEqualTo(60);
        assertThat(terms("1->2; 2->1; 1<->2")).isEqualTo(12);
    }

    private static long terms(String g) {
        return new OneConnections(MixedGraph.parse(g), 100_000).oneConnectionTermCount();
    }

    @Test
    void closedFormEqualsTheInverseFormulaExactlyOnRandomCyclicGraphs() {
        SplittableRandom rnd = new SplittableRandom(20221001);
        int cyclic = 0;
        for (int trial = 0; trial < 24; trial++) {
            MixedGraph g = RandomGraphs.mixed(rnd, 3 + trial % 4, 0.35, 0.2, true);
            cyclic += g.isAcyclic() ? 0 : 1;
            OneConnections oc = new OneConnections(g, 1_000_000);
            Poly[][] num = oc.numerators(Progress.none());
            Parametrization phi = new Parametrization(g);
            for (int k = 0; k < 3; k++) {
                long[] x = phi.randomIntegerPoint(rnd, 7);
                BigInteger[] s = phi.scaledSigmaExact(x);
                if (s == null) {
                    continue;
                }
                BigInteger[] bx = big(x);
                for (int t = 0; t < s.length; t++) {
                    int[] ij = g.sigmaPair(t);
                    assertThat(num[ij[0]][ij[1]].evaluate(bx)).as(g + " entry " + t).isEqualTo(s[t]);
                    assertThat(num[ij[1]][ij[0]].evaluate(bx)).isEqualTo(s[t]);
                }
                Rational det = RationalMatrix.det(phi.iMinusLambdaExact(x));
                assertThat(oc.denominator().evaluate(bx)).isEqualTo(det.multiply(det).num());
            }
        }
        assertThat(cyclic).isGreaterThanOrEqualTo(12);
    }

    @Test
    void doubledGraphDeterminantIsTheSquareAndItsInverseHoldsSigma() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 8; trial++) {
            MixedGraph g = RandomGraphs.mixed(rnd, 3 + trial % 3, 0.4, 0.25, true);
            Parametrization phi = new Parametrization(g);
            long[] x = phi.randomIntegerPoint(rnd, 5);
            Rational[][] sigma = phi.sigmaExact(x);
            if (sigma == null) {
                continue;
            }
            int n = g.n();
            // I - A_H with A_H = [[Λᵀ, Ω], [0, Λ]] in the vertex order (V⁻, V⁺), built from the edge list of H(G)
            Rational[][] ih = new Rational[2 * n][2 * n];
            for (int i = 0; i < 2 * n; i++) {
                for (int j = 0; j < 2 * n; j++) {
                    ih[i][j] = i == j ? Rational.ONE : Rational.ZERO;
                }
            }
            for (int k = 0; k < g.directedCount(); k++) {
                int[] e = g.directedEdge(k);
                ih[e[1]][e[0]] = Rational.of(-x[k]);              // j⁻ -> i⁻ (reversed copy)
                ih[n + e[0]][n + e[1]] = Rational.of(-x[k]);      // i⁺ -> j⁺
            }
            for (int i = 0; i < n; i++) {
                ih[i][n + i] = Rational.of(-x[g.omegaDiagonalIndex(i)]);   // top edge i⁻ -> i⁺
            }
            for (int k = 0; k < g.bidirectedCount(); k++) {
                int[] e = g.bidirectedEdge(k);
                ih[e[0]][n + e[1]] = Rational.of(-x[g.omegaEdgeIndex(k)]);
                ih[e[1]][n + e[0]] = Rational.of(-x[g.omegaEdgeIndex(k)]);
            }
            Rational d = RationalMatrix.det(phi.iMinusLambdaExact(x));
            assertThat(RationalMatrix.det(ih)).isEqualTo(d.multiply(d));
            Rational[][] inv = RationalMatrix.inverse(ih);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertThat(inv[i][n + j]).isEqualTo(sigma[i][j]);
                }
            }
        }
    }

    @Test
    void acyclicGraphsGiveTheTrekRule() {
        SplittableRandom rnd = new SplittableRandom(11);
        List<MixedGraph> graphs = new ArrayList<>();
        graphs.add(MixedGraph.parse("1->2; 1->3; 2->3; 3->4; 2<->4"));
        for (int k = 0; k < 10; k++) {
            graphs.add(RandomGraphs.mixed(rnd, 3 + k % 4, 0.5, 0.25, false));
        }
        for (MixedGraph g : graphs) {
            OneConnections oc = new OneConnections(g, 1_000_000);
            assertThat(oc.determinant().format(g.parameterNames())).isEqualTo("1");
            Poly[][] num = oc.numerators(Progress.none());
            Poly[][] trek = TrekRule.sigma(g);
            long treks = 0;
            for (int i = 0; i < g.n(); i++) {
                for (int j = i; j < g.n(); j++) {
                    assertThat(num[i][j]).as(g + " s_" + (i + 1) + "_" + (j + 1)).isEqualTo(trek[i][j]);
                    treks += TrekRule.count(g, i, j);
                }
            }
            assertThat(oc.oneConnectionTermCount()).isEqualTo(treks);
        }
        assertThat(TrekRule.countAll(MixedGraph.parse("1->2; 1->3; 2->3; 3->4; 2<->4"))).isEqualTo(37);
    }

    @Test
    void truncatedWalkSumConvergesToTheClosedFormWhenTheSpectralRadiusIsBelowOne() {
        // spec §5.3: Σ = Σ_{a,b} (Λ^a)ᵀ Ω Λ^b (the trek rule over walks) when ρ(Λ) < 1
        SplittableRandom rnd = new SplittableRandom(3);
        for (int trial = 0; trial < 6; trial++) {
            MixedGraph g = RandomGraphs.mixed(rnd, 3 + trial % 3, 0.4, 0.3, true);
            int n = g.n();
            double[] x = new double[g.parameterCount()];
            double[][] lam = new double[n][n];
            for (int k = 0; k < g.directedCount(); k++) {
                int[] e = g.directedEdge(k);
                x[k] = (rnd.nextDouble() - 0.5) * 0.4;
                lam[e[0]][e[1]] = x[k];
            }
            double[][] w = new double[n][n];
            for (int i = 0; i < n; i++) {
                x[g.omegaDiagonalIndex(i)] = 1 + rnd.nextDouble();
                w[i][i] = x[g.omegaDiagonalIndex(i)];
            }
            for (int k = 0; k < g.bidirectedCount(); k++) {
                int[] e = g.bidirectedEdge(k);
                x[g.omegaEdgeIndex(k)] = rnd.nextDouble() - 0.5;
                w[e[0]][e[1]] = x[g.omegaEdgeIndex(k)];
                w[e[1]][e[0]] = w[e[0]][e[1]];
            }
            // A = I + Λ + Λ² + ... (400 terms): |λ| < 0.2 and n <= 5, so every row sum of |Λ| is <= 0.8 and
            // ρ(Λ) <= 0.8; the truncation error is below 0.8^400
            double[][] a = identity(n);
            double[][] pw = identity(n);
            for (int k = 1; k <= 400; k++) {
                pw = mul(pw, lam);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        a[i][j] += pw[i][j];
                    }
                }
            }
            double[][] walk = mul(transpose(a), mul(w, a));
            OneConnections oc = new OneConnections(g, 1_000_000);
            Poly[][] num = oc.numerators(Progress.none());
            double den = oc.denominator().evaluate(x);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertThat(num[i][j].evaluate(x) / den).as(g + " s_" + (i + 1) + "_" + (j + 1))
                            .isCloseTo(walk[i][j], org.assertj.core.data.Offset.offset(1e-10));
                }
            }
        }
    }

    @Test
    void sigmaIsSymmetricAndScalesWithOmega() {
        MixedGraph g = MixedGraph.parse("1->2; 2->3; 3->1; 3->4; 1<->4; 2<->4");
        Parametrization phi = new Parametrization(g);
        long p = org.quire.sem.algebra.ModP.prime(2);
        long[] x = phi.randomPoint(new SplittableRandom(9), p);
        long[] s = phi.sigmaModP(x, p);
        long[] y = x.clone();
        long t = 12345;
        for (int k = g.directedCount(); k < y.length; k++) {
            y[k] = x[k] * t % p;
        }
        long[] st = phi.sigmaModP(y, p);
        for (int k = 0; k < s.length; k++) {
            assertThat(st[k]).isEqualTo(s[k] * t % p);
        }
        Rational[][] exact = phi.sigmaExact(phi.randomIntegerPoint(new SplittableRandom(4), 9));
        for (int i = 0; i < g.n(); i++) {
            for (int j = 0; j < g.n(); j++) {
                assertThat(exact[i][j]).isEqualTo(exact[j][i]);
            }
        }
    }

    private static double[][] identity(int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1;
        }
        return a;
    }

    private static double[][] mul(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    private static double[][] transpose(double[][] a) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[j][i] = a[i][j];
            }
        }
        return c;
    }

    private static BigInteger[] big(long[] x) {
        BigInteger[] b = new BigInteger[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = BigInteger.valueOf(x[i]);
        }
        return b;
    }
}
