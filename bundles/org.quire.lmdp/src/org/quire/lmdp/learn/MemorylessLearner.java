package org.quire.lmdp.learn;

import org.quire.lmdp.model.Lmdp;
import org.quire.lmdp.plan.BeliefTreePlanner;
import org.quire.lmdp.plan.Plan;

/**
 * The memoryless baseline: pools the data of all contexts into one MDP (initial distribution Σ_m w_m ν_m, reward
 * Σ_m w_m R_m, transitions learned from pooled counts) and plays the Markov policy π(h, s) of a Bernstein
 * value-optimistic plan of that MDP (UCBVI-Bernstein style, same bonus and doubling schedule as the value-optimistic
 * learner). Where the optimal policy needs memory its regret grows linearly. Mutable, thread-confined.
 */
public final class MemorylessLearner implements Learner {
    private final Lmdp pooledKnown;
    private final double[] prior;
    private final LearnSettings settings;
    private final double iota;
    private final ContextCounts counts;
    private Plan plan;
    private int version;

    /** A learner for {@code known} (supplies w, ν, R and H). */
    public MemorylessLearner(Lmdp known, LearnSettings settings) {
        this.settings = settings;
        pooledKnown = pool(known);
        prior = new double[known.contexts()];
        for (int m = 0; m < prior.length; m++) {
            prior[m] = known.weight(m);
        }
        iota = OptimisticBackup.iota(1, known.states(), known.actions(), settings.episodes(), known.horizon(),
                settings.delta());
        counts = new ContextCounts(1, known.states(), known.actions());
        plan = replan();
    }

    /** The one-context model with pooled initial distribution and rewards and uniform transitions. */
    static Lmdp pool(Lmdp known) {
        int ss = known.states();
        int aa = known.actions();
        Lmdp.Builder b = Lmdp.builder(1, ss, aa, known.horizon()).weight(0, 1);
        double[] uniform = new double[ss];
        java.util.Arrays.fill(uniform, 1.0 / ss);
        double[] nu = new double[ss];
        for (int s = 0; s < ss; s++) {
            for (int m = 0; m < known.contexts(); m++) {
                nu[s] += known.weight(m) * known.initial(m, s);
            }
            for (int a = 0; a < aa; a++) {
                double r = 0;
                for (int m = 0; m < known.contexts(); m++) {
                    r += known.weight(m) * known.reward(m, s, a);
                }
                b.reward(0, s, a, r).transitions(0, s, a, uniform);
            }
        }
        double sum = 0;
        for (double x : nu) {
            sum += x;
        }
        for (int s = 0; s < ss; s++) {
            nu[s] /= sum;
        }
        return b.initial(0, nu).build();
    }

    private Plan replan() {
        EmpiricalModel empirical = counts.snapshot();
        Lmdp model = empirical.planningModel(pooledKnown, settings.smoothing());
        ValueOptimisticBackup backup = new ValueOptimisticBackup(empirical, pooledKnown, iota, settings.c1(), settings.c2());
        return new MarkovPlan(new BeliefTreePlanner(model, backup).maxNodes(OptimisticLearner.MAX_PLAN_NODES).plan(), prior);
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

    @Override
    public void observe(Trajectory trajectory, int context) {
        boolean doubled = false;
        for (int h = 0; h < trajectory.length(); h++) {
            doubled |= counts.add(0, trajectory.state(h), trajectory.action(h), trajectory.state(h + 1));
        }
        if (doubled) {
            plan = replan();
            version++;
        }
    }
}
