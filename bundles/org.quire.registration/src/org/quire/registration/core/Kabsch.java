package org.quire.registration.core;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * Closed-form least-squares rigid fit (Kabsch/Umeyama without scale): the motion minimising
 * {@code Σ w_i ‖R p_i + t − q_i‖²}, from the SVD of the weighted cross-covariance (Hipparchus), with the determinant
 * sign fix so that R is a proper rotation. Stateless.
 */
public final class Kabsch {
    private Kabsch() {
    }

    /**
     * The best rigid motion taking {@code src} onto {@code dst}.
     *
     * @param src     packed points p (3n numbers)
     * @param dst     packed points q, same length, paired by index
     * @param weights one non-negative weight per pair, or null for equal weights
     * @throws IllegalArgumentException when fewer than 3 pairs carry weight or the lengths differ
     */
    public static RigidTransform fit(double[] src, double[] dst, double[] weights) {
        int n = src.length / 3;
        if (src.length != dst.length || src.length % 3 != 0 || (weights != null && weights.length != n)) {
            throw new IllegalArgumentException("Kabsch: paired arrays of equal length 3n (and n weights) expected");
        }
        double ws = 0;
        double[] ps = new double[3];
        double[] qs = new double[3];
        int used = 0;
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1 : weights[i];
            if (w <= 0) {
                continue;
            }
            used++;
            ws += w;
            for (int k = 0; k < 3; k++) {
                ps[k] += w * src[3 * i + k];
                qs[k] += w * dst[3 * i + k];
            }
        }
        if (used < 3) {
            throw new IllegalArgumentException("Kabsch: at least 3 weighted pairs needed, got " + used);
        }
        for (int k = 0; k < 3; k++) {
            ps[k] /= ws;
            qs[k] /= ws;
        }
        double[][] h = new double[3][3];
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1 : weights[i];
            if (w <= 0) {
                continue;
            }
            for (int a = 0; a < 3; a++) {
                double pa = w * (src[3 * i + a] - ps[a]);
                for (int b = 0; b < 3; b++) {
                    h[a][b] += pa * (dst[3 * i + b] - qs[b]);
                }
            }
        }
        double[] rot = rotationFromCovariance(h);
        double[] t = new double[3];
        for (int a = 0; a < 3; a++) {
            t[a] = qs[a] - (rot[3 * a] * ps[0] + rot[3 * a + 1] * ps[1] + rot[3 * a + 2] * ps[2]);
        }
        return RigidTransform.of(rot, t);
    }

    /**
     * The proper rotation nearest (Frobenius) to a 3×3 row-major matrix {@code m}, from its SVD; used to
     * re-orthonormalise matrices read from text.
     */
    public static double[] nearestRotation(double[] m) {
        // the rotation R maximising tr(R Mᵀ) is the one from the "covariance" H = Mᵀ
        double[][] h = {{m[0], m[3], m[6]}, {m[1], m[4], m[7]}, {m[2], m[5], m[8]}};
        return rotationFromCovariance(h);
    }

    /** R = V diag(1, 1, sign det(V Uᵀ)) Uᵀ for H = U S Vᵀ: the rotation maximising tr(R H). */
    private static double[] rotationFromCovariance(double[][] h) {
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(h, false));
        RealMatrix u = svd.getU();
        RealMatrix v = svd.getV();
        double[][] vu = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                vu[i][j] = v.getEntry(i, 0) * u.getEntry(j, 0) + v.getEntry(i, 1) * u.getEntry(j, 1)
                        + v.getEntry(i, 2) * u.getEntry(j, 2);
            }
        }
        double det = det3(vu);
        double[] rot = new double[9];
        if (det < 0) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    rot[3 * i + j] = v.getEntry(i, 0) * u.getEntry(j, 0) + v.getEntry(i, 1) * u.getEntry(j, 1)
                            - v.getEntry(i, 2) * u.getEntry(j, 2);
                }
            }
        } else {
            for (int i = 0; i < 3; i++) {
                System.arraycopy(vu[i], 0, rot, 3 * i, 3);
            }
        }
        return rot;
    }

    private static double det3(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }
}
