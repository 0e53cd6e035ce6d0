package org.quire.lmdp.learn;

import org.quire.lmdp.model.Lmdp;
import org.quire.lmdp.plan.BeliefTreePlanner;
import org.quire.lmdp.plan.Plan;

/** The oracle: the exact optimal plan of the true LMDP, never updated; its pseudo-regret is 0. Thread-confined. */
public final class OracleLearner implements Learner {
    private final Plan plan;

    /** Plans {@code truth} exactly. */
    public OracleLearner(Lmdp truth) {
        plan = new BeliefTreePlanner(truth, BeliefTreePlanner.exact(truth)).maxNodes(OptimisticLearner.MAX_PLAN_NODES).plan();
    }

    @Override
    public Plan policy() {
        return plan;
    }

    @Override
    public int version() {
        return 0;
    }

    @Override
    public int replans() {
        return 0;
    }

    @Override
    public void observe(Trajectory trajectory, int context) {
        // the oracle knows the model
    }
}
