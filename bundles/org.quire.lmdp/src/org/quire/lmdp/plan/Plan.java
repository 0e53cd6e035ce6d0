package org.quire.lmdp.plan;

/**
 * A history-dependent policy indexed by (step, state, belief over contexts), with the belief tracked under a fixed
 * belief model. Steps h are 0-based (0..H-1). Implementations are thread-confined unless stated otherwise.
 */
public interface Plan {
    /** Σ_s Σ_m w_m ν_m(s) α_0(s, b_0(s))[m] = the planned value (exact value for exact backups). */
    double value();

    /** Greedy action at the node (h, s, belief); belief sums to 1 over contexts. */
    int action(int h, int s, double[] belief);

    /**
     * Bayes update under the belief model after playing a in s, observing reward and next state: b'(m) ∝ b(m)
     * [R_m(s,a) = reward] P_m(next|s,a). When the observation has probability 0 under every context with positive
     * belief the result falls back to the prior weights restricted to contexts that can produce it (see
     * {@link Beliefs#update}). Returns a new array.
     */
    double[] updateBelief(double[] belief, int s, int a, double reward, int next);

    /** Initial belief after seeing start state s: b(m) ∝ w_m ν_m(s) (prior weights if no context can start in s). */
    double[] initialBelief(int s);
}
