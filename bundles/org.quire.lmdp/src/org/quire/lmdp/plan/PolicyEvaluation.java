package org.quire.lmdp.plan;

import org.quire.lmdp.model.Lmdp;

/**
 * Exact expected return of following a {@link Plan} on a true LMDP: a forward recursion per true context over the
 * true successors, tracking the plan's own belief, memoised on (h, s, rounded belief). Cost O(reachable histories).
 */
public final class PolicyEvaluation {
    private PolicyEvaluation() {
    }

    /** Σ_m w_m Σ_s ν_m(s) E_m[return | plan]; truth must have the plan's number of contexts. */
    public static double value(Lmdp truth, Plan plan) {
        double total = 0;
        for (int m = 0; m < truth.contexts(); m++) {
            total += truth.weight(m) * contextValue(truth, plan, m);
        }
        return total;
    }

    /** Expected return of the plan in context m of truth. */
    public static double contextValue(Lmdp truth, Plan plan, int m) {
        BeliefMemo<Double> memo = new BeliefMemo<>(truth.contexts());
        double v = 0;
        for (int s = 0; s < truth.states(); s++) {
            double p = truth.initial(m, s);
            if (p > 0) {
                v += p * eval(truth, plan, m, 0, s, plan.initialBelief(s), memo);
            }
        }
        return v;
    }

    private static double eval(Lmdp truth, Plan plan, int m, int h, int s, double[] belief, BeliefMemo<Double> memo) {
        Double cached = memo.get(h, s, belief);
        if (cached != null) {
            return cached;
        }
        int a = plan.action(h, s, belief);
        double r = truth.reward(m, s, a);
        double v = r;
        if (h + 1 < truth.horizon()) {
            for (int n : truth.successors(m, s, a)) {
                double[] nb = plan.updateBelief(belief, s, a, r, n);
                v += truth.transition(m, s, a, n) * eval(truth, plan, m, h + 1, n, nb, memo);
            }
        }
        memo.put(h, s, belief, v);
        return v;
    }
}
