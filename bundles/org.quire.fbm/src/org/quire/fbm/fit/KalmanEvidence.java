package org.quire.fbm.fit;

import java.util.HashMap;
import java.util.Map;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Kalman filter and Rauch–Tung–Striebel smoother for the augmented linear MA-fBM SDE observed as
 * o_i = X(t_i) + ε_i, ε_i ~ N(0, s²), giving the exact log-evidence log p(o_1, …, o_{n−1} | o_0) of each path
 * under a flat prior on X(t_0) (so X(t_0) | o_0 ~ N(o_0, s²)) and Y(t_0) ~ the type's initial law.
 * Because all paths share the time grid and the initial covariance, the covariance recursion is run once and
 * shared; only the means are per path. Times are in the SDE's own unit. Stateless; thread-safe.
 */
public final class KalmanEvidence {

    private KalmanEvidence() {
    }

    /** Smoothed X at the observation times of one path: mean and standard deviation. */
    public record Posterior(double[] mean, double[] sd) {
    }

    /** The shared covariance pass: predicted and filtered covariances, gains and innovation variances. */
    private record CovariancePass(LinearMaFbmSde.Transition[] transitions, double[][][] predicted, double[][][] filtered,
            double[][] gains, double[] innovationVariance) {
    }

    /**
     * The total log-evidence Σ_p log p(o_{p,1..n−1} | o_{p,0}) over all paths.
     *
     * @param sde   the model (time unit: that of {@code times})
     * @param noise observation noise standard deviation s &ge; 0 (s = 0 only if the predicted X variance stays positive)
     * @param times observation times, strictly increasing
     * @param paths one row per path, as long as {@code times}
     */
    public static double logEvidence(LinearMaFbmSde sde, double noise, double[] times, double[][] paths) {
        CovariancePass pass = covariances(sde, noise, times);
        double total = 0;
        int d = sde.dimension();
        double[] m = new double[d];
        double[] pred = new double[d];
        for (double[] path : paths) {
            java.util.Arrays.fill(m, 0);
            m[0] = path[0];
            double sum = 0;
            for (int i = 1; i < times.length; i++) {
                predictMean(pass.transitions[i], m, pred);
                double s = pass.innovationVariance[i];
                double v = path[i] - pred[0];
                sum += -0.5 * (Math.log(2 * Math.PI * s) + v * v / s);
                double[] k = pass.gains[i];
                for (int a = 0; a < d; a++) {
                    m[a] = pred[a] + k[a] * v;
                }
            }
            total += sum;
        }
        return total;
    }

    /** The smoothed posterior of X at every observation time of one path. */
    public static Posterior smooth(LinearMaFbmSde sde, double noise, double[] times, double[] path) {
        CovariancePass pass = covariances(sde, noise, times);
        int n = times.length;
        int d = sde.dimension();
        double[][] filteredMean = new double[n][d];
        double[][] predictedMean = new double[n][d];
        filteredMean[0][0] = path[0];
        for (int i = 1; i < n; i++) {
            predictMean(pass.transitions[i], filteredMean[i - 1], predictedMean[i]);
            double v = path[i] - predictedMean[i][0];
            for (int a = 0; a < d; a++) {
                filteredMean[i][a] = predictedMean[i][a] + pass.gains[i][a] * v;
            }
        }
        double[] mean = new double[n];
        double[] sd = new double[n];
        double[] ms = filteredMean[n - 1].clone();
        double[][] ps = pass.filtered[n - 1];
        mean[n - 1] = ms[0];
        sd[n - 1] = Math.sqrt(Math.max(0, ps[0][0]));
        for (int i = n - 2; i >= 0; i--) {
            double[][] phi = pass.transitions[i + 1].phi();
            // J = P_i Phi^T (P^-_{i+1})^{-1}, computed as solve(P^-_{i+1}, Phi P_i)^T (P^- symmetric).
            RealMatrix predicted = new Array2DRowRealMatrix(pass.predicted[i + 1], false);
            RealMatrix phiP = new Array2DRowRealMatrix(MatrixExponential.multiply(phi, pass.filtered[i]), false);
            double[][] j = new LUDecomposition(predicted, 1e-300).getSolver().solve(phiP).transpose().getData();
            double[] dm = new double[d];
            for (int a = 0; a < d; a++) {
                dm[a] = ms[a] - predictedMean[i + 1][a];
            }
            double[] newMean = filteredMean[i].clone();
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    newMean[a] += j[a][b] * dm[b];
                }
            }
            double[][] dp = new double[d][d];
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    dp[a][b] = ps[a][b] - pass.predicted[i + 1][a][b];
                }
            }
            double[][] jdp = MatrixExponential.multiply(j, dp);
            double[][] newCov = new double[d][d];
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    double s = pass.filtered[i][a][b];
                    for (int c = 0; c < d; c++) {
                        s += jdp[a][c] * j[b][c];
                    }
                    newCov[a][b] = s;
                }
            }
            ms = newMean;
            ps = newCov;
            mean[i] = ms[0];
            sd[i] = Math.sqrt(Math.max(0, ps[0][0]));
        }
        return new Posterior(mean, sd);
    }

    private static void predictMean(LinearMaFbmSde.Transition tr, double[] m, double[] out) {
        double[][] phi = tr.phi();
        double[] off = tr.offset();
        for (int a = 0; a < m.length; a++) {
            double s = off[a];
            double[] row = phi[a];
            for (int b = 0; b < m.length; b++) {
                s += row[b] * m[b];
            }
            out[a] = s;
        }
    }

    private static CovariancePass covariances(LinearMaFbmSde sde, double noise, double[] times) {
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("observation noise must be finite and >= 0, got " + noise);
        }
        int n = times.length;
        int d = sde.dimension();
        double s2 = noise * noise;
        LinearMaFbmSde.Transition[] transitions = new LinearMaFbmSde.Transition[n];
        Map<Double, LinearMaFbmSde.Transition> cache = new HashMap<>();
        double mean = (times[n - 1] - times[0]) / (n - 1);
        boolean equal = true;
        for (int i = 1; i < n; i++) {
            equal &= Math.abs(times[i] - times[i - 1] - mean) <= 1e-9 * mean;
        }
        for (int i = 1; i < n; i++) {
            double dt = equal ? mean : times[i] - times[i - 1];
            transitions[i] = cache.computeIfAbsent(dt, sde::transition);
        }
        double[][][] predicted = new double[n][][];
        double[][][] filtered = new double[n][][];
        double[][] gains = new double[n][];
        double[] innovation = new double[n];
        double[][] p = new double[d][d];
        p[0][0] = s2;
        double[][] ou = sde.initialOuCovariance();
        for (int a = 0; a < d - 1; a++) {
            System.arraycopy(ou[a], 0, p[a + 1], 1, d - 1);
        }
        filtered[0] = p;
        for (int i = 1; i < n; i++) {
            LinearMaFbmSde.Transition tr = transitions[i];
            double[][] phiP = MatrixExponential.multiply(tr.phi(), p);
            double[][] pred = new double[d][d];
            double[][] phi = tr.phi();
            double[][] q = tr.q();
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    double s = q[a][b];
                    double[] ra = phiP[a];
                    double[] rb = phi[b];
                    for (int c = 0; c < d; c++) {
                        s += ra[c] * rb[c];
                    }
                    pred[a][b] = s;
                    pred[b][a] = s;
                }
            }
            double innov = pred[0][0] + s2;
            if (!(innov > 0) || !Double.isFinite(innov)) {
                throw new ArithmeticException("innovation variance " + innov + " at observation " + i
                        + " is not positive; the model or noise is degenerate");
            }
            double[] k = new double[d];
            for (int a = 0; a < d; a++) {
                k[a] = pred[a][0] / innov;
            }
            double[][] upd = new double[d][d];
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    double s = pred[a][b] - k[a] * k[b] * innov;
                    upd[a][b] = s;
                    upd[b][a] = s;
                }
            }
            predicted[i] = pred;
            filtered[i] = upd;
            gains[i] = k;
            innovation[i] = innov;
            p = upd;
        }
        return new CovariancePass(transitions, predicted, filtered, gains, innovation);
    }
}
