package org.quire.lmdp.learn;

import org.quire.lmdp.plan.Plan;

/**
 * An LMDP learner with the context revealed in hindsight: it acts with {@link #policy()} for a whole episode (the
 * plan tracks its own belief), then {@link #observe} receives the trajectory and the revealed context. Mutable,
 * thread-confined (one instance per run).
 */
public interface Learner {
    /** The policy for the next episode. */
    Plan policy();

    /** Increases by one whenever {@link #policy()} changes (starts at 0). */
    int version();

    /** Number of plans computed after the initial one. */
    int replans();

    /** Takes in the finished episode and its revealed context; may replan. */
    void observe(Trajectory trajectory, int context);
}
