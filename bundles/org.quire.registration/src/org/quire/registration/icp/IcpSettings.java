package org.quire.registration.icp;

/**
 * Settings of trimmed ICP (spec §1.5 [R for the parameters]).
 *
 * @param metric    point-to-plane (default) or point-to-point
 * @param trimRatio fixed overlap ξ in (0, 1]; 0 (default) chooses ξ automatically each iteration by minimising
 *                  ψ(ξ) = e(ξ)/ξ^(1+λ) over [xiMin, 1]
 * @param lambda    λ of the automatic rule [R], default 2
 * @param xiMin     smallest automatic ξ [R], default 0.4
 * @param maxIter   iteration cap, default 200
 * @param relTol    stop when the relative change of the trimmed MSE is below this, default 1e-6 (the spec's 1e-9 is
 *                  rarely met once the trimmed set cycles between neighbours; see {@link TrimmedIcp#STALL})
 * @param normalK   neighbours for the reference's PCA normals (point-to-plane), default 12
 */
public record IcpSettings(IcpMetric metric, double trimRatio, double lambda, double xiMin, int maxIter, double relTol,
        int normalK) {

    public IcpSettings {
        if (metric == null) {
            throw new IllegalArgumentException("metric is required");
        }
        if (!(trimRatio >= 0 && trimRatio <= 1)) {
            throw new IllegalArgumentException("trimRatio must be 0 (automatic) or in (0, 1], got " + trimRatio);
        }
        if (!(lambda >= 0) || !(xiMin > 0 && xiMin <= 1) || maxIter < 1 || !(relTol >= 0) || normalK < 3) {
            throw new IllegalArgumentException("need lambda >= 0, 0 < xiMin <= 1, maxIter >= 1, relTol >= 0, normalK >= 3");
        }
    }

    /** Point-to-plane, automatic ξ (λ = 2, ξ_min = 0.4), 200 iterations, relTol 1e-6, k = 12. */
    public static IcpSettings defaults() {
        return new IcpSettings(IcpMetric.POINT_TO_PLANE, 0, 2, 0.4, 200, 1e-6, 12);
    }

    /** Whether ξ is chosen automatically. */
    public boolean automatic() {
        return trimRatio == 0;
    }

    /** A copy with another metric and trim ratio. */
    public IcpSettings with(IcpMetric m, double ratio) {
        return new IcpSettings(m, ratio, lambda, xiMin, maxIter, relTol, normalK);
    }
}
