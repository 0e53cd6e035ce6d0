package org.quire.lmdp.plan;

import org.quire.lmdp.model.Lmdp;

/**
 * How one context's alpha entry is backed up at (h, s, a): given v[s'] = that context's alpha entry of the chosen
 * child for each next state s' (children differ by the observation (reward, s')), return α_h[m](a). The exact backup
 * is R_m(s,a) + Σ_s' P_m(s'|s,a) v[s']; optimistic learners add bonuses or maximise over a confidence set and clip to
 * [0,1]. Steps h are 0-based (0..H-1). v has length S; entries for s' that no context of the belief model can reach
 * from (s, a) are 0. Implementations must not keep or modify v.
 */
public interface ContextBackup {
    /** α_h[m](a) at state s given the children's entries v (length S) for context m. */
    double backup(int h, int m, int s, int a, double[] v);

    /**
     * Whether, under {@code beliefModel}, contexts with equal rewards and transition rows always get equal backups from
     * equal v: true for {@link BeliefTreePlanner#exact} of that same model. The planner then shares one subtree among
     * all beliefs whose contexts it can no longer tell apart. Default false (optimistic backups differ by context).
     */
    default boolean alikeContextsAgree(Lmdp beliefModel) {
        return false;
    }
}
