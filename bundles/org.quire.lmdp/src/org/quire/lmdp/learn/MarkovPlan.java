package org.quire.lmdp.learn;

import org.quire.lmdp.plan.Plan;

/**
 * A memoryless policy a = π(h, s) presented as a {@link Plan} of an M-context LMDP: it wraps the plan of a
 * one-context (pooled) model, ignores the belief and keeps it constant at the prior weights. Thread-confined like
 * the wrapped plan.
 */
public final class MarkovPlan implements Plan {
    private static final double[] ONE = {1.0};
    private final Plan pooled;
    private final double[] prior;

    /**
     * @param pooled plan of a model with one context
     * @param prior  the constant belief handed out (the true weights; length M)
     */
    public MarkovPlan(Plan pooled, double[] prior) {
        this.pooled = pooled;
        this.prior = prior.clone();
    }

    @Override
    public double value() {
        return pooled.value();
    }

    @Override
    public int action(int h, int s, double[] belief) {
        return pooled.action(h, s, ONE);
    }

    @Override
    public double[] updateBelief(double[] belief, int s, int a, double reward, int next) {
        return prior.clone();
    }

    @Override
    public double[] initialBelief(int s) {
        return prior.clone();
    }
}
