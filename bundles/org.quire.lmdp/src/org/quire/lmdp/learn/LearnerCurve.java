package org.quire.lmdp.learn;

/**
 * One learner's cumulative pseudo-regret across the runs of a study, at the study's checkpoints.
 *
 * @param learner     which learner
 * @param mean        mean over runs at each checkpoint
 * @param low         mean − 1.96·sd/√n (normal-approximation 95% band; equals the mean with one run)
 * @param high        mean + 1.96·sd/√n
 * @param slope       least-squares slope of log(mean) on log k over k ≥ K/2 (NaN when the mean is not positive there)
 * @param runs        the per-run results, in run order
 */
public record LearnerCurve(LearnerKind learner, double[] mean, double[] low, double[] high, double slope,
        java.util.List<RunCurve> runs) {

    /** Mean cumulative regret after K episodes. */
    public double finalRegret() {
        return mean[mean.length - 1];
    }

    /** Mean number of replans over runs. */
    public double meanReplans() {
        double s = 0;
        for (RunCurve r : runs) {
            s += r.replans();
        }
        return s / runs.size();
    }

    /** Largest number of replans in any run. */
    public int maxReplans() {
        int x = 0;
        for (RunCurve r : runs) {
            x = Math.max(x, r.replans());
        }
        return x;
    }

    /** Mean per-episode regret V* − V^π of the final policies. */
    public double meanFinalGap() {
        double s = 0;
        for (RunCurve r : runs) {
            s += r.finalGap();
        }
        return s / runs.size();
    }

    /** Mean realised regret Σ_k (V* − return_k). */
    public double meanRealised() {
        double s = 0;
        for (RunCurve r : runs) {
            s += r.realised();
        }
        return s / runs.size();
    }
}
