package org.quire.fbm.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.quire.fbm.math.FbmType;

/**
 * The Kalman log-evidence and smoother against brute-force Gaussian algebra on the stacked observations, using the
 * closed-form MA-fBM covariance (θ = 0), and the exact transition against integrated moment equations (θ &gt; 0).
 */
class KalmanEvidenceTest {

    private static final double[] GAMMA = {0.3, 1.7, 6.0};
    private static final double[] OMEGA = {0.9, -0.4, 0.7};
    private static final double SIGMA = 1.3;
    private static final double NOISE = 0.25;
    private static final double[] TIMES = {0.0, 0.4, 0.9, 1.0, 1.8, 2.5};
    private static final double[] PATH = {0.3, 0.1, 0.8, 0.75, -0.2, 0.4};

    /** Cov(Y_i(a), Y_j(b)) for the OU processes driven by the same W. */
    private static double ouCov(FbmType type, int i, int j, double a, double b) {
        double gi = GAMMA[i];
        double gj = GAMMA[j];
        double g = gi + gj;
        if (type == FbmType.TYPE_I) {
            return a <= b ? Math.exp(-gj * (b - a)) / g : Math.exp(-gi * (a - b)) / g;
        }
        double m = Math.min(a, b);
        return Math.exp(-gi * a - gj * b) * Math.expm1(g * m) / g;
    }

    /** Cov(B̂(a), B̂(b)) with B̂ = Σ ω_k (Y_k(·) − Y_k(0)), times relative to the first observation. */
    private static double maCov(FbmType type, double a, double b) {
        double s = 0;
        for (int i = 0; i < GAMMA.length; i++) {
            for (int j = 0; j < GAMMA.length; j++) {
                s += OMEGA[i] * OMEGA[j] * (ouCov(type, i, j, a, b) - ouCov(type, i, j, a, 0)
                        - ouCov(type, i, j, 0, b) + ouCov(type, i, j, 0, 0));
            }
        }
        return s;
    }

    /** Covariance of D_i = o_i − o_0, i = 1..n−1, under a flat prior on X(t_0): σ²C + s²(I + 11ᵀ). */
    private static double[][] incrementCovariance(FbmType type) {
        int n = TIMES.length - 1;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = SIGMA * SIGMA * maCov(type, TIMES[i + 1] - TIMES[0], TIMES[j + 1] - TIMES[0])
                        + NOISE * NOISE * (i == j ? 2 : 1);
            }
        }
        return c;
    }

    private static double bruteForceLogDensity(FbmType type) {
        double[][] c = incrementCovariance(type);
        int n = c.length;
        CholeskyDecomposition chol = new CholeskyDecomposition(new Array2DRowRealMatrix(c), 1e-14, 1e-16);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = PATH[i + 1] - PATH[0];
        }
        double[] x = chol.getSolver().solve(new org.hipparchus.linear.ArrayRealVector(d)).toArray();
        double quad = 0;
        for (int i = 0; i < n; i++) {
            quad += d[i] * x[i];
        }
        return -0.5 * (n * Math.log(2 * Math.PI) + Math.log(chol.getDeterminant()) + quad);
    }

    @Test
    void logEvidenceEqualsStackedGaussianDensityForTypeOne() {
        LinearMaFbmSde sde = new LinearMaFbmSde(FbmType.TYPE_I, 0, 0, SIGMA, GAMMA, OMEGA);
        double kalman = KalmanEvidence.logEvidence(sde, NOISE, TIMES, new double[][] {PATH});
        assertThat(kalman).isCloseTo(bruteForceLogDensity(FbmType.TYPE_I), within(1e-8));
    }

    @Test
    void logEvidenceEqualsStackedGaussianDensityForTypeTwo() {
        LinearMaFbmSde sde = new LinearMaFbmSde(FbmType.TYPE_II, 0, 0, SIGMA, GAMMA, OMEGA);
        double kalman = KalmanEvidence.logEvidence(sde, NOISE, TIMES, new double[][] {PATH});
        assertThat(kalman).isCloseTo(bruteForceLogDensity(FbmType.TYPE_II), within(1e-8));
    }

    @Test
    void evidenceOfSeveralPathsIsTheSumOverPaths() {
        LinearMaFbmSde sde = new LinearMaFbmSde(FbmType.TYPE_I, 0.7, 0.2, SIGMA, GAMMA, OMEGA);
        double[] other = {1.0, 1.2, 0.9, 1.4, 1.1, 0.7};
        double both = KalmanEvidence.logEvidence(sde, NOISE, TIMES, new double[][] {PATH, other});
        double a = KalmanEvidence.logEvidence(sde, NOISE, TIMES, new double[][] {PATH});
        double b = KalmanEvidence.logEvidence(sde, NOISE, TIMES, new double[][] {other});
        assertThat(both).isCloseTo(a + b, within(1e-12));
    }

    @Test
    void smootherMatchesGaussianConditioning() {
        FbmType type = FbmType.TYPE_I;
        LinearMaFbmSde sde = new LinearMaFbmSde(type, 0, 0, SIGMA, GAMMA, OMEGA);
        KalmanEvidence.Posterior post = KalmanEvidence.smooth(sde, NOISE, TIMES, PATH);
        RealMatrix c = new Array2DRowRealMatrix(incrementCovariance(type));
        RealMatrix inv = new CholeskyDecomposition(c, 1e-14, 1e-16).getSolver().getInverse();
        int n = TIMES.length - 1;
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            d[j] = PATH[j + 1] - PATH[0];
        }
        for (int i = 0; i < TIMES.length; i++) {
            // X_i − o_0 = σ B̂(t_i) − e_0: variance σ²C_ii + s², covariance with D_j σ²C_ij + s².
            double[] cross = new double[n];
            for (int j = 0; j < n; j++) {
                cross[j] = SIGMA * SIGMA * maCov(type, TIMES[i] - TIMES[0], TIMES[j + 1] - TIMES[0]) + NOISE * NOISE;
            }
            double var = SIGMA * SIGMA * maCov(type, TIMES[i] - TIMES[0], TIMES[i] - TIMES[0]) + NOISE * NOISE;
            double[] w = inv.operate(cross);
            double mean = PATH[0];
            for (int j = 0; j < n; j++) {
                mean += w[j] * d[j];
                var -= w[j] * cross[j];
            }
            assertThat(post.mean()[i]).as("mean at %d", i).isCloseTo(mean, within(1e-8));
            assertThat(post.sd()[i]).as("sd at %d", i).isCloseTo(Math.sqrt(var), within(1e-8));
        }
    }

    @Test
    void transitionMatchesIntegratedMomentEquations() {
        LinearMaFbmSde sde = new LinearMaFbmSde(FbmType.TYPE_I, 0.8, 1.5, SIGMA, GAMMA, OMEGA);
        double dt = 0.7;
        LinearMaFbmSde.Transition tr = sde.transition(dt);
        double[][] a = sde.driftMatrix();
        double[] c = sde.driftConstant();
        double[] g = sde.noiseLoading();
        int d = sde.dimension();
        // RK4 on dm/dt = A m + c (from m = e_1 + 0.5 e_3) and dP/dt = A P + P A^T + G G^T (from 0).
        double[] m0 = new double[d];
        m0[0] = 1;
        m0[2] = 0.5;
        double[] m = m0.clone();
        double[][] p = new double[d][d];
        int steps = 4000;
        double h = dt / steps;
        for (int s = 0; s < steps; s++) {
            double[] k1 = meanRate(a, c, m);
            double[] k2 = meanRate(a, c, axpy(m, k1, h / 2));
            double[] k3 = meanRate(a, c, axpy(m, k2, h / 2));
            double[] k4 = meanRate(a, c, axpy(m, k3, h));
            double[][] q1 = covRate(a, g, p);
            double[][] q2 = covRate(a, g, axpy(p, q1, h / 2));
            double[][] q3 = covRate(a, g, axpy(p, q2, h / 2));
            double[][] q4 = covRate(a, g, axpy(p, q3, h));
            for (int i = 0; i < d; i++) {
                m[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
                for (int j = 0; j < d; j++) {
                    p[i][j] += h / 6 * (q1[i][j] + 2 * q2[i][j] + 2 * q3[i][j] + q4[i][j]);
                }
            }
        }
        for (int i = 0; i < d; i++) {
            double predicted = tr.offset()[i];
            for (int j = 0; j < d; j++) {
                predicted += tr.phi()[i][j] * m0[j];
                assertThat(tr.q()[i][j]).as("Q[%d][%d]", i, j).isCloseTo(p[i][j], within(1e-10));
            }
            assertThat(predicted).as("mean %d", i).isCloseTo(m[i], within(1e-10));
        }
    }

    @Test
    void transitionStaysFiniteAndPositiveForStiffGrids() {
        double[] gamma = {1e-3, 1.0, 1e3, 5e3};
        double[] omega = {0.5, 0.2, 0.1, 0.05};
        LinearMaFbmSde sde = new LinearMaFbmSde(FbmType.TYPE_I, 0.1, 0, 1, gamma, omega);
        LinearMaFbmSde.Transition tr = sde.transition(1.0);
        // the fast OU processes forget their start: Var Y_k(Δ) = (1 − e^{−2γΔ})/(2γ) ≈ 1/(2γ)
        assertThat(tr.q()[4][4]).isCloseTo(1 / (2 * 5e3), within(1e-12));
        assertThat(tr.q()[3][3]).isCloseTo(1 / (2 * 1e3), within(1e-12));
        assertThat(tr.q()[0][0]).isPositive().isFinite();
    }

    private static double[] meanRate(double[][] a, double[] c, double[] m) {
        double[] r = c.clone();
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                r[i] += a[i][j] * m[j];
            }
        }
        return r;
    }

    private static double[][] covRate(double[][] a, double[] g, double[][] p) {
        int d = g.length;
        double[][] r = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = g[i] * g[j];
                for (int k = 0; k < d; k++) {
                    s += a[i][k] * p[k][j] + p[i][k] * a[j][k];
                }
                r[i][j] = s;
            }
        }
        return r;
    }

    private static double[] axpy(double[] x, double[] y, double h) {
        double[] r = x.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] += h * y[i];
        }
        return r;
    }

    private static double[][] axpy(double[][] x, double[][] y, double h) {
        double[][] r = new double[x.length][];
        for (int i = 0; i < r.length; i++) {
            r[i] = axpy(x[i], y[i], h);
        }
        return r;
    }
}
