package org.quire.fbm.fit;

/**
 * The matrix exponential e^M of a small dense square matrix by scaling and squaring with a truncated Taylor
 * series (the scaled norm is at most 1/2, 20 terms: relative error near machine precision for the moderate norms
 * met here). Stateless and thread-safe.
 */
public final class MatrixExponential {

    private static final int TERMS = 20;

    private MatrixExponential() {
    }

    /** e^M for a square matrix M (row-major, not modified). */
    public static double[][] exp(double[][] m) {
        int n = m.length;
        double norm = 0;
        for (double[] row : m) {
            if (row.length != n) {
                throw new IllegalArgumentException("matrix must be square, got a row of length " + row.length + " in " + n + " rows");
            }
            double s = 0;
            for (double v : row) {
                s += Math.abs(v);
            }
            norm = Math.max(norm, s);
        }
        if (!Double.isFinite(norm)) {
            throw new IllegalArgumentException("matrix has a non-finite entry");
        }
        int squarings = norm <= 0.5 ? 0 : (int) Math.ceil(Math.log(norm / 0.5) / Math.log(2));
        double scale = Math.scalb(1.0, -squarings);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = m[i][j] * scale;
            }
        }
        double[][] result = identity(n);
        double[][] term = identity(n);
        for (int k = 1; k <= TERMS; k++) {
            term = multiply(term, a);
            double inv = 1.0 / k;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    term[i][j] *= inv;
                    result[i][j] += term[i][j];
                }
            }
        }
        for (int s = 0; s < squarings; s++) {
            result = multiply(result, result);
        }
        return result;
    }

    static double[][] identity(int n) {
        double[][] id = new double[n][n];
        for (int i = 0; i < n; i++) {
            id[i][i] = 1;
        }
        return id;
    }

    /** a·b for dense matrices of compatible shapes. */
    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int inner = b.length;
        int m = b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] ci = c[i];
            for (int k = 0; k < inner; k++) {
                double aik = a[i][k];
                if (aik == 0) {
                    continue;
                }
                double[] bk = b[k];
                for (int j = 0; j < m; j++) {
                    ci[j] += aik * bk[j];
                }
            }
        }
        return c;
    }
}
