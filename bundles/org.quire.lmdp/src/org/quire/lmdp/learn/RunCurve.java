package org.quire.lmdp.learn;

/**
 * What one learner did in one run.
 *
 * @param cumulative cumulative pseudo-regret Σ_{j≤k}(V* − V^{π_j}) at each checkpoint k
 * @param finalGap   V* − V^π of the last policy (per-episode regret at the end)
 * @param replans    number of plans after the initial one
 * @param realised   realised regret Σ_k (V* − return_k) over all K episodes
 */
public record RunCurve(double[] cumulative, double finalGap, int replans, double realised) {
    /** Cumulative pseudo-regret after all K episodes. */
    public double finalRegret() {
        return cumulative[cumulative.length - 1];
    }
}
