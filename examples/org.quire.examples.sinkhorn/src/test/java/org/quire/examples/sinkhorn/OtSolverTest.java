package org.quire.examples.sinkhorn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quire.api.Progress;
import org.quire.examples.sinkhorn.OtSolver.Method;
import org.quire.examples.sinkhorn.OtSolver.Options;

/** Both solvers against closed forms, brute-force exact transport, a textbook Sinkhorn, and each other. */
class OtSolverTest {

    static OtSolution solve(OtProblem p, Method m, double eps, double tol, int threads) {
        return OtSolver.solve(p, Options.of(m, eps).withTolerance(tol).withMaxIterations(100_000), threads,
                Progress.none());
    }

    static OtProblem randomPoints(int n, int m, int dim, boolean randomWeights, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * dim];
        double[] y = new double[m * dim];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextDouble();
        }
        double[] a = new double[n];
        double[] b = new double[m];
        for (int i = 0; i < n; i++) {
            a[i] = randomWeights ? 0.2 + r.nextDouble() : 1;
        }
        for (int j = 0; j < m; j++) {
            b[j] = randomWeights ? 0.2 + r.nextDouble() : 1;
        }
        return new OtProblem(OtProblem.normalised(a), OtProblem.normalised(b), OtProblem.squaredEuclidean(x, y, dim));
    }

    /** Row and column sums of the dense plan, checked against the marginals; returns the L1 error. */
    static double marginalError(OtSolution s, OtProblem p) {
        double e = 0;
        double[] col = new double[p.m()];
        for (int i = 0; i < p.n(); i++) {
            double row = 0;
            for (int j = 0; j < p.m(); j++) {
                double x = s.plan(i, j);
                assertTrue(x >= 0 && Double.isFinite(x), "P(" + i + "," + j + ") = " + x);
                row += x;
                col[j] += x;
            }
            e += Math.abs(row - p.a()[i]);
        }
        for (int j = 0; j < p.m(); j++) {
            e += Math.abs(col[j] - p.b()[j]);
        }
        return e;
    }

    @Test
    void oneByOneMovesEverythingAtTheOnlyCost() {
        OtProblem p = new OtProblem(new double[] {1}, new double[] {1}, new double[] {2.5});
        for (Method m : Method.values()) {
            OtSolution s = solve(p, m, 0.1, 1e-14, 1);
            assertEquals(1, s.plan(0, 0), 1e-15);
            assertEquals(2.5, s.transportCost(), 1e-14);
            assertEquals(1, s.iterations());
            // P log P = 0: the entropic objective is <C,P> - eps
            assertEquals(2.5 - 0.1, s.entropicCost(), 1e-14);
        }
    }

    @Test
    void twoByTwoMatchesTheClosedForm() {
        // P11 P22 / (P12 P21) = exp(-(C11 + C22 - C12 - C21) / eps) with the marginals fixes P: a quadratic in P11
        double a1 = 0.3;
        double b1 = 0.6;
        double[] c = {0.2, 1.0, 0.5, 0.1};
        for (double eps : new double[] {1.0, 0.25, 0.05}) {
            double kappa = Math.exp(-(c[0] + c[3] - c[1] - c[2]) / eps);
            double qa = 1 - kappa;
            double qb = 1 - a1 - b1 + kappa * (a1 + b1);
            double qc = -kappa * a1 * b1;
            double disc = Math.sqrt(qb * qb - 4 * qa * qc);
            double r1 = (-qb + disc) / (2 * qa);
            double r2 = (-qb - disc) / (2 * qa);
            double lo = Math.max(0, a1 + b1 - 1);
            double hi = Math.min(a1, b1);
            double x = r1 > lo && r1 < hi ? r1 : r2;
            assertTrue(x > lo && x < hi);
            double[] exact = {x, a1 - x, b1 - x, 1 - a1 - b1 + x};
            OtProblem p = new OtProblem(new double[] {a1, 1 - a1}, new double[] {b1, 1 - b1}, c);
            for (Method m : Method.values()) {
                OtSolution s = solve(p, m, eps, 1e-14, 1);
                assertArrayEquals(exact, s.plan(), 1e-12, m + " eps " + eps);
                double cost = 0;
                for (int t = 0; t < 4; t++) {
                    cost += exact[t] * c[t];
                }
                assertEquals(cost, s.transportCost(), 1e-12);
            }
        }
    }

    /** The exact transport cost of a uniform n-to-n problem: the best permutation (Birkhoff), by brute force. */
    static double exactByPermutations(double[] c, int n) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        double[] best = {Double.POSITIVE_INFINITY};
        permute(perm, 0, c, n, best);
        return best[0] / n;
    }

    private static void permute(int[] perm, int k, double[] c, int n, double[] best) {
        if (k == n) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += c[i * n + perm[i]];
            }
            best[0] = Math.min(best[0], s);
            return;
        }
        for (int i = k; i < n; i++) {
            int t = perm[k];
            perm[k] = perm[i];
            perm[i] = t;
            permute(perm, k + 1, c, n, best);
            perm[i] = perm[k];
            perm[k] = t;
        }
    }

    @Test
    void smallRegularisationApproachesTheExactTransportCost() {
        for (int n = 2; n <= 6; n++) {
            OtProblem p = randomPoints(n, n, 2, false, 100 + n);
            double exact = exactByPermutations(p.cost(), n);
            double maxCost = java.util.Arrays.stream(p.cost()).max().orElseThrow();
            for (double eps : new double[] {1e-2, 1e-3, 1e-4}) {
                // SNS converges to 1e-12 here; Sinkhorn's rate degrades like 1/eps, so it gets 20000 iterations and
                // the bound accounts for the marginal error it reaches
                OtSolution sns = solve(p, Method.SNS, eps, 1e-12, 1);
                assertTrue(sns.converged(), "SNS n " + n + " eps " + eps + " error " + sns.marginalError());
                OtSolution sk = OtSolver.solve(p, Options.of(Method.SINKHORN, eps).withTolerance(1e-12)
                        .withMaxIterations(20_000), 1, Progress.none());
                for (OtSolution s : new OtSolution[] {sns, sk}) {
                    // 0 <= <C, P_eps> - OT <= eps log n (entropy bounds), widened by marginal error * max C
                    double slack = marginalError(s, p) * maxCost + 1e-13;
                    double gap = s.transportCost() - exact;
                    assertTrue(gap >= -slack && gap <= eps * Math.log(n) + slack, s.options().method() + " n " + n
                            + " eps " + eps + ": cost " + s.transportCost() + " exact " + exact + " slack " + slack);
                }
            }
        }
    }

    @Test
    void tinyRegularisationGivesNoNaNAndFeasiblePlans() {
        // exp(-C / eps) underflows to 0 for almost every pair at eps = 1e-4 (C up to 2): plain Sinkhorn would divide 0/0
        OtProblem p = randomPoints(40, 30, 2, true, 7);
        for (Method m : Method.values()) {
            OtSolution s = OtSolver.solve(p, Options.of(m, 1e-4).withTolerance(1e-9).withMaxIterations(200_000), 1,
                    Progress.none());
            assertTrue(Double.isFinite(s.transportCost()) && Double.isFinite(s.entropicCost()), m.toString());
            assertTrue(s.converged(), m + " error " + s.marginalError());
            assertTrue(marginalError(s, p) <= 1e-9, m.toString());
            for (double e : s.errorHistory()) {
                assertTrue(!Double.isNaN(e), m + " history has NaN");
            }
        }
    }

    @Test
    void matchesATextbookSinkhornAtModerateRegularisation() {
        OtProblem p = randomPoints(40, 30, 3, true, 3);
        double eps = 0.1;
        // textbook kernel-domain Sinkhorn-Knopp (Cuturi 2013), fine at this eps: u = a / K v, v = b / K^T u
        int n = p.n();
        int m = p.m();
        double[] k = new double[n * m];
        for (int t = 0; t < k.length; t++) {
            k[t] = Math.exp(-p.cost()[t] / eps);
        }
        double[] u = new double[n];
        double[] v = new double[m];
        java.util.Arrays.fill(v, 1);
        for (int it = 0; it < 5000; it++) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < m; j++) {
                    s += k[i * m + j] * v[j];
                }
                u[i] = p.a()[i] / s;
            }
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += k[i * m + j] * u[i];
                }
                v[j] = p.b()[j] / s;
            }
        }
        for (Method meth : Method.values()) {
            OtSolution s = solve(p, meth, eps, 1e-13, 1);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    assertEquals(u[i] * k[i * m + j] * v[j], s.plan(i, j), 1e-13, meth + " P(" + i + "," + j + ")");
                }
            }
        }
    }

    @Test
    void snsAgreesWithSinkhornSatisfiesTheMarginalsAndClosesTheDualityGap() {
        OtProblem p = randomPoints(150, 120, 2, true, 11);
        for (double eps : new double[] {0.05, 0.01, 0.002}) {
            OtSolution sk = solve(p, Method.SINKHORN, eps, 1e-12, 1);
            OtSolution sns = solve(p, Method.SNS, eps, 1e-12, 1);
            assertTrue(sk.converged() && sns.converged());
            assertTrue(marginalError(sk, p) <= 1e-12 * 1.01 + 1e-15 && marginalError(sns, p) <= 1e-12 * 1.01 + 1e-15);
            double[] a = sk.plan();
            double[] b = sns.plan();
            double maxDiff = 0;
            for (int t = 0; t < a.length; t++) {
                maxDiff = Math.max(maxDiff, Math.abs(a[t] - b[t]));
            }
            // two plans with marginal errors <= 1e-12 at this conditioning differ by far less than 1e-9 per entry
            assertTrue(maxDiff < 1e-9, "eps " + eps + ": max |P_sinkhorn - P_sns| = " + maxDiff);
            assertEquals(sk.transportCost(), sns.transportCost(), 1e-10);
            assertEquals(sk.entropicCost(), sk.dualObjective(), 1e-10, "duality gap, Sinkhorn");
            assertEquals(sns.entropicCost(), sns.dualObjective(), 1e-10, "duality gap, SNS");
        }
    }

    @Test
    void snsNeedsFarFewerIterationsAtSmallRegularisation() {
        OtProblem p = randomPoints(200, 200, 2, false, 5);
        OtSolution sk = solve(p, Method.SINKHORN, 0.003, 1e-10, 1);
        OtSolution sns = solve(p, Method.SNS, 0.003, 1e-10, 1);
        assertTrue(sk.converged() && sns.converged());
        assertTrue(sns.iterations() * 5 < sk.iterations(),
                "SNS " + sns.iterations() + " iterations vs Sinkhorn " + sk.iterations());
        assertTrue(sns.newtonSteps() >= 1 && sns.newtonSteps() <= 20, "Newton steps " + sns.newtonSteps());
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        OtProblem p = randomPoints(300, 250, 2, true, 9);   // 300 rows: several chunks
        for (Method m : Method.values()) {
            OtSolution one = solve(p, m, 0.01, 1e-11, 1);
            OtSolution three = solve(p, m, 0.01, 1e-11, 3);
            assertArrayEquals(one.plan(), three.plan(), 0.0, m.toString());
            assertArrayEquals(one.errorHistory(), three.errorHistory(), 0.0, m.toString());
            assertEquals(one.transportCost(), three.transportCost(), 0.0);
        }
    }
}
