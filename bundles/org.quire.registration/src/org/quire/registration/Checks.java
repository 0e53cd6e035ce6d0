package org.quire.registration;

/**
 * Self-checks a registration must pass to be reported as a success.
 *
 * @param minOverlap     smallest acceptable kept fraction ξ
 * @param maxNoiseRatio  largest acceptable trimmed RMSE as a multiple of the noise estimate
 *                       √(roughness_ref² + roughness_scan²) (plus {@code floor})
 * @param floor          absolute allowance added to the noise bound, as a factor of the reference diagonal
 * @param maxRelChange   a TrICP run stopped by its iteration cap fails when its last relative change of the trimmed
 *                       MSE exceeds this
 */
record Checks(double minOverlap, double maxNoiseRatio, double floor, double maxRelChange) {
    /** ξ ≥ 0.25, trimmed RMSE ≤ 2 × noise + 1e-4 × diag, cap-stopped runs must have settled to 1e-4. */
    static Checks defaults() {
        return new Checks(0.25, 2, 1e-4, 1e-4);
    }
}
