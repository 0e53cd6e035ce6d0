package org.quire.lmdp.plan;

import java.util.HashMap;
import java.util.Map;
import org.quire.lmdp.model.Lmdp;

/**
 * Exact dynamic programming over reachable (h, s, belief) nodes, beliefs tracked under {@code beliefModel} and
 * memoised on the belief rounded to {@link Beliefs#KEY_RESOLUTION}. Each node stores the alpha vector of its greedy
 * action (entry m = the backed-up return in context m). Observations after acting are (reward, next state): contexts
 * whose reward differs are separated by the belief update. Thread-confined; nodes are built lazily.
 */
public final class BeliefTreePlanner {
    private final Lmdp model;
    private final ContextBackup backup;
    private final Map<Beliefs.Key, Node> memo = new HashMap<>();
    private final int mm;
    private final int ss;
    private final int aa;
    private final int hh;
    private long maxNodes = Long.MAX_VALUE;
    /** Relative margin by which an action must beat the best so far (ties keep the lowest action). */
    private static final double TIE = 1e-12;
    private final double[] leafZero;
    /** Support of P_m(·|s,a), ascending (read-only copies taken once: {@link Lmdp#successors} copies per call). */
    private final int[][][][] successors;

    /** One node of the policy tree (immutable once built). */
    public record Node(int h, int s, double[] belief, int action, double[] alpha, double[] actionValues) {
        /** ⟨belief, alpha⟩: the node's value. */
        public double value() {
            double v = 0;
            for (int m = 0; m < alpha.length; m++) {
                v += belief[m] * alpha[m];
            }
            return v;
        }
    }

    /** A planner over {@code beliefModel} with the given per-context backup (use {@link #exact(Lmdp)} for exact planning). */
    public BeliefTreePlanner(Lmdp beliefModel, ContextBackup backup) {
        this.model = beliefModel;
        this.backup = backup;
        mm = beliefModel.contexts();
        ss = beliefModel.states();
        aa = beliefModel.actions();
        hh = beliefModel.horizon();
        leafZero = new double[ss];
        successors = new int[mm][ss][aa][];
        for (int m = 0; m < mm; m++) {
            for (int s = 0; s < ss; s++) {
                for (int a = 0; a < aa; a++) {
                    successors[m][s][a] = beliefModel.successors(m, s, a);
                }
            }
        }
    }

    /** The exact backup R_m(s,a) + Σ_s' P_m(s'|s,a) v[s'] of {@code model}. */
    public static ContextBackup exact(Lmdp model) {
        int mm = model.contexts();
        int ss = model.states();
        int aa = model.actions();
        int[][][][] succ = new int[mm][ss][aa][];
        double[][][][] prob = new double[mm][ss][aa][];
        for (int m = 0; m < mm; m++) {
            for (int s = 0; s < ss; s++) {
                for (int a = 0; a < aa; a++) {
                    succ[m][s][a] = model.successors(m, s, a);
                    prob[m][s][a] = new double[succ[m][s][a].length];
                    for (int i = 0; i < succ[m][s][a].length; i++) {
                        prob[m][s][a][i] = model.transition(m, s, a, succ[m][s][a][i]);
                    }
                }
            }
        }
        return (h, m, s, a, v) -> {
            double x = model.reward(m, s, a);
            int[] n = succ[m][s][a];
            double[] p = prob[m][s][a];
            for (int i = 0; i < n.length; i++) {
                x += p[i] * v[n[i]];
            }
            return x;
        };
    }

    /** Limits the number of memoised nodes; exceeding it throws IllegalStateException. Default unlimited. */
    public BeliefTreePlanner maxNodes(long limit) {
        this.maxNodes = limit;
        return this;
    }

    /** Number of memoised nodes so far (last-step nodes below a memoised node are evaluated inline, not counted). */
    public int nodeCount() {
        return memo.size();
    }

    /** The belief model. */
    public Lmdp model() {
        return model;
    }

    /** Builds (memoised) the tree from every start state and returns the plan. */
    public Plan plan() {
        double total = 0;
        for (int s = 0; s < ss; s++) {
            double[] b = Beliefs.initial(model, s);
            double[] alpha = node(0, s, b).alpha();
            for (int m = 0; m < mm; m++) {
                total += model.weight(m) * model.initial(m, s) * alpha[m];
            }
        }
        double value = total;
        return new Plan() {
            @Override
            public double value() {
                return value;
            }

            @Override
            public int action(int h, int s, double[] belief) {
                return node(h, s, belief).action();
            }

            @Override
            public double[] updateBelief(double[] belief, int s, int a, double reward, int next) {
                return Beliefs.update(model, belief, s, a, reward, next);
            }

            @Override
            public double[] initialBelief(int s) {
                return Beliefs.initial(model, s);
            }
        };
    }

    /** The node (h, s, belief), built on demand; 0 ≤ h < H. The belief is copied. */
    public Node node(int h, int s, double[] belief) {
        return memoised(h, s, belief.clone());
    }

    /** The memoised node for a belief this planner owns (not copied, never modified afterwards). */
    private Node memoised(int h, int s, double[] belief) {
        Beliefs.Key key = new Beliefs.Key(h, s, belief);
        Node n = memo.get(key);
        if (n != null) {
            return n;
        }
        n = build(h, s, belief);
        memo.put(key, n);
        if (memo.size() > maxNodes) {
            throw new IllegalStateException("belief tree exceeds " + maxNodes + " nodes at step " + h
                    + "; reduce the horizon or the instance size");
        }
        return n;
    }

    private Node build(int h, int s, double[] belief) {
        double[] bestAlpha = null;
        int bestAction = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        double[] actionValues = new double[aa];
        double[] v = new double[ss];
        boolean expand = h + 1 < hh;
        boolean childIsLeaf = h + 2 == hh;
        // children per (reward, next) observation, shared by contexts with equal rewards: group g holds the
        // contexts whose reward equals groupReward[g]
        double[] groupReward = new double[mm];
        double[][][] groupChildren = new double[mm][][];
        for (int a = 0; a < aa; a++) {
            double[] alpha = new double[mm];
            int groups = 0;
            for (int m = 0; m < mm; m++) {
                java.util.Arrays.fill(v, 0);
                // A context the belief rules out never contributes to a value here or above (its weight is 0 on
                // every path through this node), so its observations are not expanded and its entry is the
                // backup of zero continuation values, a placeholder. Expanding only the successors of contexts
                // with positive belief keeps every child belief well defined (positive mass).
                if (expand && belief[m] > 0) {
                    double r = model.reward(m, s, a);
                    int g = 0;
                    while (g < groups && groupReward[g] != r) {
                        g++;
                    }
                    if (g == groups) {
                        groupReward[g] = r;
                        groupChildren[g] = new double[ss][];
                        groups++;
                    }
                    double[][] children = groupChildren[g];
                    for (int n : successors[m][s][a]) {
                        if (children[n] == null) {
                            double[] nb = Beliefs.update(model, belief, s, a, r, n);
                            children[n] = childIsLeaf ? leafAlpha(n, nb) : memoised(h + 1, n, nb).alpha();
                        }
                        v[n] = children[n][m];
                    }
                }
                alpha[m] = backup.backup(h, m, s, a, v);
            }
            double value = 0;
            for (int m = 0; m < mm; m++) {
                value += belief[m] * alpha[m];
            }
            actionValues[a] = value;
            if (bestAction < 0 || value > bestValue + TIE * Math.max(1, Math.abs(bestValue))) {
                bestValue = value;
                bestAction = a;
                bestAlpha = alpha;
            }
        }
        return new Node(h, s, belief, bestAction, bestAlpha, actionValues);
    }

    /**
     * The alpha vector of the last-step node (H−1, s, belief) without memoising it: the greedy action's backup of
     * zero continuation values, chosen with the same tie rule as {@link #build}, so {@link #node} on that belief
     * returns the same action and alpha.
     */
    private double[] leafAlpha(int s, double[] belief) {
        double[] zero = leafZero;
        double[] bestAlpha = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < aa; a++) {
            double[] alpha = new double[mm];
            double value = 0;
            for (int m = 0; m < mm; m++) {
                alpha[m] = backup.backup(hh - 1, m, s, a, zero);
                value += belief[m] * alpha[m];
            }
            if (bestAlpha == null || value > bestValue + TIE * Math.max(1, Math.abs(bestValue))) {
                bestValue = value;
                bestAlpha = alpha;
            }
        }
        return bestAlpha;
    }
}
