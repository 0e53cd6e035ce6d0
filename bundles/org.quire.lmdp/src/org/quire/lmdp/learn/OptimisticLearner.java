package org.quire.lmdp.learn;

import org.quire.lmdp.model.Lmdp;
import org.quire.lmdp.plan.BeliefTreePlanner;
import org.quire.lmdp.plan.ContextBackup;
import org.quire.lmdp.plan.Plan;

/**
 * The model-based framework of the paper (spec §1.2): per-context counts from hindsight contexts, a lazy update of
 * the empirical model whenever some N_m(s,a) reaches a power of two, and a replan through the shared
 * {@link BeliefTreePlanner} with beliefs under the smoothed planning model and an optimistic {@link ContextBackup}
 * (which one decides the learner). Weights, initial distributions and rewards are known; transitions are learned.
 * Mutable, thread-confined.
 */
public final class OptimisticLearner implements Learner {

    /** Makes the optimistic backup of one snapshot. */
    @FunctionalInterface
    public interface BackupFactory {
        /** The backup for the snapshot {@code empirical}; {@code known} supplies the rewards. */
        ContextBackup create(EmpiricalModel empirical, Lmdp known);
    }

    /** Most belief-tree nodes one plan may use; a larger tree fails the run with an IllegalStateException. */
    public static final long MAX_PLAN_NODES = 2_000_000;

    private final Lmdp known;
    private final BackupFactory backups;
    private final double smoothing;
    private final ContextCounts counts;
    private Plan plan;
    private int version;

    /**
     * A learner that plans at once on the empty counts (every alpha entry optimistic at 1).
     *
     * @param known     supplies w, ν, R and the horizon (its transitions are never read)
     * @param backups   the optimistic backup per snapshot
     * @param smoothing λ of the belief model
     */
    public OptimisticLearner(Lmdp known, BackupFactory backups, double smoothing) {
        this.known = known;
        this.backups = backups;
        this.smoothing = smoothing;
        counts = new ContextCounts(known.contexts(), known.states(), known.actions());
        plan = replan();
    }

    private Plan replan() {
        EmpiricalModel empirical = counts.snapshot();
        Lmdp beliefModel = empirical.planningModel(known, smoothing);
        return new BeliefTreePlanner(beliefModel, backups.create(empirical, known)).maxNodes(MAX_PLAN_NODES).plan();
    }

    @Override
    public Plan policy() {
        return plan;
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public int replans() {
        return version;
    }

    /** The counts so far (live view; do not modify). */
    public ContextCounts counts() {
        return counts;
    }

    @Override
    public void observe(Trajectory trajectory, int context) {
        boolean doubled = false;
        for (int h = 0; h < trajectory.length(); h++) {
            doubled |= counts.add(context, trajectory.state(h), trajectory.action(h), trajectory.state(h + 1));
        }
        if (doubled) {
            plan = replan();
            version++;
        }
    }
}
