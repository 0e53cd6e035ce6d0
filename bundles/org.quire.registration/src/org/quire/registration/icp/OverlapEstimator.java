package org.quire.registration.icp;

/**
 * Chetverikov's automatic overlap: given squared residuals sorted ascending, the kept count
 * {@code k ∈ [⌈ξ_min N⌉, N]} minimising {@code ψ = e(k/N) / (k/N)^(1+λ)}, with e the mean of the k smallest squared
 * residuals. O(N). Stateless.
 */
public final class OverlapEstimator {
    private OverlapEstimator() {
    }

    /**
     * The number of residuals to keep.
     *
     * @param sortedSquared squared residuals in ascending order
     * @param lambda        λ &ge; 0
     * @param xiMin         smallest ratio in (0, 1]
     */
    public static int keptCount(double[] sortedSquared, double lambda, double xiMin) {
        return keptCount(sortedSquared, sortedSquared.length, lambda, xiMin);
    }

    /**
     * As {@link #keptCount(double[], double, double)} when only the {@code sortedSquared.length} matched points of
     * {@code total} have residuals (the others are farther than the search bound): ξ = k / total, and at most all
     * matched points are kept.
     */
    public static int keptCount(double[] sortedSquared, int total, double lambda, double xiMin) {
        int n = total;
        int matched = sortedSquared.length;
        if (matched == 0) {
            return 0;
        }
        int kMin = Math.min(matched, Math.max(1, (int) Math.ceil(xiMin * n - 1e-9)));
        double sum = 0;
        int best = matched;
        double bestPsi = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= matched; k++) {
            sum += sortedSquared[k - 1];
            if (k < kMin) {
                continue;
            }
            double xi = (double) k / n;
            double psi = psi(sum / k, xi, lambda);
            if (psi < bestPsi) {
                bestPsi = psi;
                best = k;
            }
        }
        return best;
    }

    /** ψ = e / ξ^(1+λ). */
    public static double psi(double trimmedMse, double xi, double lambda) {
        return trimmedMse / Math.pow(xi, 1 + lambda);
    }
}
