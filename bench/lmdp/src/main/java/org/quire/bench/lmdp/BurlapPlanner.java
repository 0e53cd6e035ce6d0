package org.quire.bench.lmdp;

import org.quire.lmdp.model.Lmdp;

import burlap.behavior.singleagent.pomdp.wrappedmdpalgs.BeliefSparseSampling;
import burlap.behavior.valuefunction.ConstantValueFunction;
import burlap.statehashing.ReflectiveHashableStateFactory;

/**
 * The peer: BURLAP's {@link BeliefSparseSampling} with c = -1 (full-width Bellman backups over the exact belief-MDP
 * transition distribution, memoised per (belief, height)), γ = 1, height H and zero leaf values — the exact
 * finite-horizon optimal value. The start state is observed, so the value is Σ_s P(s_1 = s) V_H(b_s).
 */
final class BurlapPlanner {

    private BurlapPlanner() {
    }

    /** Exact optimal H-step value of {@code lmdp}; builds the POMDP, the planner and the tree from scratch. */
    static double value(Lmdp lmdp) {
        return solve(lmdp).value();
    }

    /** The value and the number of (belief, height) nodes BURLAP created. */
    record Solution(double value, int nodes) {
    }

    /** Solves {@code lmdp} from scratch (see {@link #value(Lmdp)}) and reports the size of the belief tree. */
    static Solution solve(Lmdp lmdp) {
        LmdpPomdp pomdp = new LmdpPomdp(lmdp);
        BeliefSparseSampling planner = new BeliefSparseSampling(pomdp.domain(), 1.0,
                new ReflectiveHashableStateFactory(), lmdp.horizon(), -1);
        planner.toggleDebugPrinting(false);
        planner.getSparseSamplingPlanner().toggleDebugPrinting(false);
        planner.getSparseSamplingPlanner().setValueForLeafNodes(new ConstantValueFunction(0.0));
        if (!planner.getSparseSamplingPlanner().computesExactValueFunction()) {
            throw new IllegalStateException("BURLAP BeliefSparseSampling is not in full-width (exact) mode");
        }
        double total = 0;
        for (int s = 0; s < lmdp.states(); s++) {
            double p = pomdp.startProbability(s);
            if (p > 0) {
                total += p * planner.value(pomdp.initialBelief(s));
            }
        }
        return new Solution(total, planner.getSparseSamplingPlanner().getNumberOfStateNodesCreated());
    }
}
