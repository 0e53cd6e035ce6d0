package org.quire.fbm.math;

/**
 * Solves A x = b for a small symmetric positive (semi-)definite, possibly very ill-conditioned matrix:
 * Cholesky, with a diagonal jitter 10^-15·max|A_ii| (growing tenfold) only if a pivot is not positive,
 * then iterative refinement against the un-jittered A while the residual shrinks. Immutable after construction.
 */
final class SpdSolver {

    private static final int REFINEMENTS = 10;

    private final double[][] a;
    private final double[][] l;
    private final double jitter;

    SpdSolver(double[][] a) {
        int n = a.length;
        this.a = new double[n][];
        double maxDiag = 0;
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("matrix must be square");
            }
            this.a[i] = a[i].clone();
            maxDiag = Math.max(maxDiag, Math.abs(a[i][i]));
        }
        double lambda = 0;
        double[][] factor = factor(this.a, 0);
        while (factor == null) {
            lambda = lambda == 0 ? 1e-15 * maxDiag : lambda * 10;
            if (lambda > 1e-3 * maxDiag || lambda == 0) {
                throw new ArithmeticException("matrix is not positive definite even with jitter " + lambda);
            }
            factor = factor(this.a, lambda);
        }
        this.l = factor;
        this.jitter = lambda;
    }

    /** The diagonal jitter that was needed (0 when the plain Cholesky succeeded). */
    double jitter() {
        return jitter;
    }

    /**
     * The minimum-norm least-squares solution restricted to eigenvalues above {@code relTol}·λ_max of A
     * (a symmetric eigen-decomposition); the fallback when rounding makes A numerically indefinite.
     */
    static double[] truncatedSolve(double[][] a, double[] b, double relTol) {
        org.hipparchus.linear.EigenDecompositionSymmetric eig = new org.hipparchus.linear.EigenDecompositionSymmetric(
                org.hipparchus.linear.MatrixUtils.createRealMatrix(a));
        double[] values = eig.getEigenvalues();
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        int n = b.length;
        double[] x = new double[n];
        for (int k = 0; k < values.length; k++) {
            if (values[k] > relTol * max) {
                org.hipparchus.linear.RealVector v = eig.getEigenvector(k);
                double proj = 0;
                for (int i = 0; i < n; i++) {
                    proj += v.getEntry(i) * b[i];
                }
                proj /= values[k];
                for (int i = 0; i < n; i++) {
                    x[i] += proj * v.getEntry(i);
                }
            }
        }
        return x;
    }

    /** x with A x ≈ b. */
    double[] solve(double[] b) {
        int n = a.length;
        double[] x = substitute(b);
        double[] r = residual(x, b);
        double norm = norm(r);
        for (int it = 0; it < REFINEMENTS && norm > 0; it++) {
            double[] dx = substitute(r);
            double[] candidate = new double[n];
            for (int i = 0; i < n; i++) {
                candidate[i] = x[i] + dx[i];
            }
            double[] rc = residual(candidate, b);
            double nc = norm(rc);
            if (!(nc < norm)) {
                break;
            }
            x = candidate;
            r = rc;
            norm = nc;
        }
        return x;
    }

    private double[] residual(double[] x, double[] b) {
        int n = a.length;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            // compensated dot product: the residual is the small difference of large terms
            double s = b[i];
            double comp = 0;
            for (int j = 0; j < n; j++) {
                double term = -a[i][j] * x[j];
                comp += Math.fma(-a[i][j], x[j], -term); // exact rounding error of the product
                double t = s + term;
                comp += Math.abs(s) >= Math.abs(term) ? (s - t) + term : (term - t) + s;
                s = t;
            }
            r[i] = s + comp;
        }
        return r;
    }

    private static double norm(double[] r) {
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private double[] substitute(double[] b) {
        int n = l.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    private static double[][] factor(double[][] a, double lambda) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j] + (i == j ? lambda : 0);
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }
}
