package org.quire.surface.csp;

import org.quire.geometry.SymmetricEigen3;

/**
 * Singular values and right-singular vectors of a 3×3 matrix, from the eigen-decomposition of the symmetric
 * {@code JᵀJ} by {@link SymmetricEigen3} (cyclic Jacobi; accurate to about 1e-8 relative for the singular values of
 * well-scaled matrices, enough for tangent planes and normals; a zero singular value comes out as a few 1e-8 at most).
 * Stateless.
 */
public final class Svd3 {

    private Svd3() {
    }

    /**
     * Decomposes the row-major 3×3 matrix {@code j} (read from {@code offset}).
     *
     * @param sigma receives σ₁ ≥ σ₂ ≥ σ₃ ≥ 0
     * @param v     receives the right-singular vectors as columns, row-major: v₁ = (v[0], v[3], v[6]), and so on
     *              (unit; signs arbitrary)
     */
    public static void decompose(double[] j, int offset, double[] sigma, double[] v) {
        double[] a = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = r; c < 3; c++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += j[offset + 3 * k + r] * j[offset + 3 * k + c];
                }
                a[3 * r + c] = s;
            }
        }
        double[] values = new double[3];
        double[] vectors = new double[9];
        SymmetricEigen3.decompose(a[0], a[1], a[2], a[4], a[5], a[8], values, vectors);
        for (int i = 0; i < 3; i++) {
            int k = 2 - i; // values ascend; sigma descends
            sigma[i] = Math.sqrt(Math.max(0, values[k]));
            for (int r = 0; r < 3; r++) {
                v[3 * r + i] = vectors[3 * k + r];
            }
        }
    }
}
