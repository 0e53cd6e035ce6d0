package org.quire.fbm.fit;

import java.util.SplittableRandom;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Test reference: exact standard fBM paths B(0) = 0, B(1), …, B(n−1) (Cov = ½(s^{2H} + t^{2H} − |t−s|^{2H})) by
 * Cholesky of the covariance, independent of the bundle's own generators.
 */
final class CholeskyFbm {

    private final RealMatrix lower;
    private final int n;

    CholeskyFbm(double hurst, int n) {
        this.n = n;
        double[][] c = new double[n - 1][n - 1];
        for (int i = 1; i < n; i++) {
            for (int j = 1; j < n; j++) {
                c[i - 1][j - 1] = 0.5 * (Math.pow(i, 2 * hurst) + Math.pow(j, 2 * hurst)
                        - Math.pow(Math.abs(i - j), 2 * hurst));
            }
        }
        lower = new CholeskyDecomposition(new Array2DRowRealMatrix(c, false), 1e-12, 1e-14).getL();
    }

    /** One path of n values starting at 0. */
    double[] path(SplittableRandom random) {
        double[] z = new double[n - 1];
        for (int i = 0; i < z.length; i++) {
            z[i] = gaussian(random);
        }
        double[] out = new double[n];
        for (int i = 0; i < n - 1; i++) {
            double s = 0;
            for (int j = 0; j <= i; j++) {
                s += lower.getEntry(i, j) * z[j];
            }
            out[i + 1] = s;
        }
        return out;
    }

    /** Standard normal by Box–Muller on the stream's doubles (JDK-independent). */
    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
