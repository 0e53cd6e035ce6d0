package org.quire.surface.csp;

/**
 * A closest-surface-point map f: R³ → R³ (spec §1.1): exact (a mesh through its BVH, an analytic surface) or learned
 * (a {@link CspNetwork}). Everything else (unsigned distance, normals, renders, meshes) is derived from it by
 * {@link FieldOps}.
 *
 * <p>Implementations are thread-safe; the batch methods split the points over up to {@code threads} threads and
 * return the same numbers for every thread count.
 */
public interface ClosestPointField {

    /**
     * The closest surface points of {@code n = xyz.length / 3} points.
     *
     * @param xyz     points {@code x0,y0,z0,x1,...}
     * @param out     receives the closest points, same layout and length
     * @param threads thread budget, &ge; 1
     */
    void closest(double[] xyz, double[] out, int threads);

    /**
     * The 3×3 Jacobians {@code J[a][b] = ∂f_a/∂x_b}, row-major, nine values per point. The default uses central
     * differences with step {@link FieldOps#JACOBIAN_STEP}; learned networks override it with the exact derivative.
     */
    default void jacobian(double[] xyz, double[] out, int threads) {
        FieldOps.finiteDifferenceJacobian(this, xyz, out, threads, FieldOps.JACOBIAN_STEP);
    }
}
