package org.quire.lmdp.learn;

import org.quire.api.Progress;
import org.quire.lmdp.model.Lmdp;
import org.quire.lmdp.plan.Plan;
import org.quire.lmdp.plan.PolicyEvaluation;

/**
 * One run of one learner: K episodes with given contexts; the pseudo-regret of episode k is V* − V^{π_k}, computed
 * exactly by {@link PolicyEvaluation} once per plan version (plans change only at replans); differences within
 * {@link #ROUNDING} count as 0. Stateless.
 */
public final class RegretRun {
    /** Episodes between progress reports and cancellation checks. */
    static final int BLOCK = 100;
    /**
     * Gaps |V* − V^π| up to this are rounding differences between the planner's backward backup and the evaluator's
     * forward recursion (both exact) and count as 0.
     */
    public static final double ROUNDING = 1e-12;

    private RegretRun() {
    }

    /**
     * Runs the learner.
     *
     * @param truth       the true LMDP
     * @param optimal     V*, the optimal value of truth
     * @param learner     a fresh learner
     * @param contexts    m_1..m_K (the run's common context sequence)
     * @param environment start states and transitions for this learner
     * @param checkpoints sorted 1-based episode indices at which the cumulative regret is recorded (last = K)
     * @param progress    receives one unit per episode (thread-safe); cancellation is checked every {@value #BLOCK}
     */
    public static RunCurve run(Lmdp truth, double optimal, Learner learner, int[] contexts, Environment environment,
            int[] checkpoints, Progress progress) {
        Trajectory trajectory = new Trajectory(truth.horizon());
        double[] cumulative = new double[checkpoints.length];
        int version = -1;
        double gap = 0;
        double total = 0;
        double realised = 0;
        int next = 0;
        for (int k = 1; k <= contexts.length; k++) {
            Plan plan = learner.policy();
            if (learner.version() != version) {
                version = learner.version();
                gap = gap(optimal, PolicyEvaluation.value(truth, plan));
            }
            total += gap;
            int m = contexts[k - 1];
            environment.play(plan, m, trajectory);
            realised += optimal - trajectory.total();
            learner.observe(trajectory, m);
            while (next < checkpoints.length && checkpoints[next] == k) {
                cumulative[next++] = total;
            }
            if (k % BLOCK == 0) {
                progress.worked(BLOCK);
            }
        }
        progress.worked(contexts.length % BLOCK);
        if (learner.version() != version) {
            gap = gap(optimal, PolicyEvaluation.value(truth, learner.policy()));
        }
        return new RunCurve(cumulative, gap, learner.replans(), realised);
    }

    /** V* − V^π, with differences within {@link #ROUNDING} (relative to max(1, V*)) set to 0. */
    static double gap(double optimal, double value) {
        double g = optimal - value;
        return Math.abs(g) <= ROUNDING * Math.max(1, Math.abs(optimal)) ? 0 : g;
    }
}
