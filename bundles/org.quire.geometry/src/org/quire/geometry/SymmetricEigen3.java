package org.quire.geometry;

/**
 * Eigen-decomposition of a symmetric 3x3 matrix by cyclic Jacobi rotations (accurate to rounding for any spectrum;
 * deterministic). Used for PCA normals and principal frames. Stateless and thread-safe.
 */
public final class SymmetricEigen3 {
    private SymmetricEigen3() {
    }

    /**
     * Decomposes {@code [a00 a01 a02; a01 a11 a12; a02 a12 a22]}.
     *
     * @param values  out: the 3 eigenvalues in increasing order
     * @param vectors out: row-major 3x3 whose row k is the unit eigenvector of values[k]; the rows are orthonormal,
     *                but neither their signs nor the handedness of the frame are fixed
     */
    public static void decompose(double a00, double a01, double a02, double a11, double a12, double a22, double[] values,
            double[] vectors) {
        double[][] a = { { a00, a01, a02 }, { a01, a11, a12 }, { a02, a12, a22 } };
        double[][] v = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
        for (int sweep = 0; sweep < 60; sweep++) {
            double off = a[0][1] * a[0][1] + a[0][2] * a[0][2] + a[1][2] * a[1][2];
            double diag = a[0][0] * a[0][0] + a[1][1] * a[1][1] + a[2][2] * a[2][2];
            if (off == 0 || off < 1e-36 * diag) {
                break;
            }
            for (int p = 0; p < 2; p++) {
                for (int q = p + 1; q < 3; q++) {
                    double apq = a[p][q];
                    if (apq == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < 3; k++) {
                        double akp = a[k][p], akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < 3; k++) {
                        double apk = a[p][k], aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < 3; k++) {
                        double vkp = v[k][p], vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        int[] order = { 0, 1, 2 };
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2 - i; j++) {
                if (a[order[j]][order[j]] > a[order[j + 1]][order[j + 1]]) {
                    int t = order[j];
                    order[j] = order[j + 1];
                    order[j + 1] = t;
                }
            }
        }
        for (int k = 0; k < 3; k++) {
            int c = order[k];
            values[k] = a[c][c];
            double x = v[0][c], y = v[1][c], z = v[2][c];
            double len = Math.sqrt(x * x + y * y + z * z);
            vectors[3 * k] = x / len;
            vectors[3 * k + 1] = y / len;
            vectors[3 * k + 2] = z / len;
        }
    }
}
