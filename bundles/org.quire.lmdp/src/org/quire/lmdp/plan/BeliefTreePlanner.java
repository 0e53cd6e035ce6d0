package org.quire.lmdp.plan;

import org.quire.lmdp.model.Lmdp;

/**
 * Exact dynamic programming over reachable (h, s, belief) nodes, beliefs tracked under {@code beliefModel} and
 * memoised on the belief rounded to {@link Beliefs#KEY_RESOLUTION}. Each node stores the alpha vector of its greedy
 * action (entry m = the backed-up return in context m). Observations after acting are (reward, next state): contexts
 * whose reward differs are separated by the belief update. Thread-confined; nodes are built lazily.
 * <p>
 * Below (h, s, belief) where the belief model can no longer tell the belief's contexts apart ({@link ContextClasses}:
 * in particular a point mass, the context known), every update keeps the belief, so that subtree is a finite-horizon
 * MDP over (h, s'): its nodes live in a flat (h, s') table ({@link Settled}) instead of the belief memo, with the same
 * backup, successor masking and tie rule. There is one table per such belief, or, when the backup gives alike
 * contexts equal values ({@link ContextBackup#alikeContextsAgree}, the exact backup), one per context shared by
 * every belief on it and its look-alikes: then the greedy action is chosen on that context's values, which the
 * memo's belief-weighted sum equals up to rounding, so the two can differ only between actions whose values are
 * within the tie margin (1e-12 relative) of each other.
 */
public final class BeliefTreePlanner {
    private final Lmdp model;
    private final ContextBackup backup;
    private final BeliefMemo<Node> memo;
    /** Which contexts the belief model cannot tell apart from each state on. */
    private final ContextClasses classes;
    /** Whether the backup gives alike contexts equal values ({@link ContextBackup#alikeContextsAgree}). */
    private final boolean alikeAgree;
    /** Settled subtrees of a point mass on context m (null until needed); with alikeAgree, of its look-alikes too. */
    private final Settled[] pointMass;
    /** Settled subtrees below beliefs spread over several alike contexts, by rounded belief (not with alikeAgree). */
    private final BeliefMemo<Settled> spread;
    /** Child beliefs of a node at step h are computed into childBeliefs[h + 1] and copied only when kept. */
    private final double[][] childBeliefs;
    /** Nodes built in settled tables (h < H−1). */
    private long settledNodes;
    private final int mm;
    private final int ss;
    private final int aa;
    private final int hh;
    private long maxNodes = Long.MAX_VALUE;
    private boolean settle = true;
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
        pointMass = new Settled[mm];
        memo = new BeliefMemo<>(mm);
        spread = new BeliefMemo<>(mm);
        childBeliefs = new double[hh + 1][mm];
        successors = new int[mm][ss][aa][];
        for (int m = 0; m < mm; m++) {
            for (int s = 0; s < ss; s++) {
                for (int a = 0; a < aa; a++) {
                    successors[m][s][a] = beliefModel.successors(m, s, a);
                }
            }
        }
        classes = new ContextClasses(beliefModel, successors);
        alikeAgree = backup.alikeContextsAgree(beliefModel);
    }

    /** The exact backup R_m(s,a) + Σ_s' P_m(s'|s,a) v[s'] of {@code model}. */
    public static ContextBackup exact(Lmdp model) {
        int mm = model.contexts();
        int ss = model.states();
        int aa = model.actions();
        int[][][][] succ = new int[mm][ss][aa][];
        double[][][][] prob = new double[mm][ss][aa][];
        double[] reward = new double[mm * ss * aa];
        for (int m = 0; m < mm; m++) {
            for (int s = 0; s < ss; s++) {
                for (int a = 0; a < aa; a++) {
                    succ[m][s][a] = model.successors(m, s, a);
                    prob[m][s][a] = new double[succ[m][s][a].length];
                    for (int i = 0; i < succ[m][s][a].length; i++) {
                        prob[m][s][a][i] = model.transition(m, s, a, succ[m][s][a][i]);
                    }
                    reward[(m * ss + s) * aa + a] = model.reward(m, s, a);
                }
            }
        }
        return new ContextBackup() {
            @Override
            public double backup(int h, int m, int s, int a, double[] v) {
                double x = reward[(m * ss + s) * aa + a];
                int[] n = succ[m][s][a];
                double[] p = prob[m][s][a];
                for (int i = 0; i < n.length; i++) {
                    x += p[i] * v[n[i]];
                }
                return x;
            }

            @Override
            public boolean alikeContextsAgree(Lmdp beliefModel) {
                return beliefModel == model; // alike contexts of this very model have equal rewards and rows
            }
        };
    }

    /** Limits the number of memoised nodes; exceeding it throws IllegalStateException. Default unlimited. */
    public BeliefTreePlanner maxNodes(long limit) {
        this.maxNodes = limit;
        return this;
    }

    /**
     * Whether subtrees below beliefs on one class of indistinguishable contexts go to flat (h, s) tables (default true).
     * Off, every node goes through the belief memo; the values and actions are the same (tests compare the two).
     */
    BeliefTreePlanner settling(boolean on) {
        this.settle = on;
        return this;
    }

    /**
     * Number of nodes built so far: memoised nodes plus settled (h, s) table entries. Last-step nodes (h = H−1) are
     * not counted: below a memoised node they are evaluated inline.
     */
    public long nodeCount() {
        return memo.size() + settledNodes;
    }

    /** The part of {@link #nodeCount()} built in settled tables. */
    long settledNodeCount() {
        return settledNodes;
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
                Settled settled = settled(s, belief);
                return settled != null ? settled.action(h, s) : node(h, s, belief).action();
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

    /** The node (h, s, belief), built on demand; 0 ≤ h < H. The belief is not kept (a new node keeps a copy). */
    public Node node(int h, int s, double[] belief) {
        Node n = memo.get(h, s, belief);
        if (n != null) {
            return n;
        }
        double[] owned = belief.clone();
        n = build(h, s, owned);
        memo.put(h, s, owned, n);
        checkNodeLimit(h);
        return n;
    }

    private void checkNodeLimit(int h) {
        if (nodeCount() > maxNodes) {
            throw new IllegalStateException("belief tree exceeds " + maxNodes + " nodes at step " + h
                    + "; reduce the horizon or the instance size");
        }
    }

    /**
     * The alpha vector of child (h, s, belief): from a settled table when the belief's support allows it. The belief
     * is a scratch buffer: whatever is kept copies it.
     */
    private double[] child(int h, int s, double[] belief) {
        Settled settled = settled(s, belief);
        if (settled != null) {
            return settled.alpha(h, s);
        }
        return h + 1 == hh ? leafAlpha(s, belief) : node(h, s, belief).alpha();
    }

    /**
     * The settled table for (s, belief) (made on first use; the belief is copied), or null when the belief model can
     * still tell the belief's contexts apart from s on, or settling is off.
     */
    private Settled settled(int s, double[] belief) {
        if (!settle) {
            return null;
        }
        int[] cls = classes.from(s);
        int c = -1;
        int first = -1;
        int support = 0;
        for (int m = 0; m < mm; m++) {
            if (belief[m] > 0) {
                if (c < 0) {
                    c = cls[m];
                    first = m;
                } else if (cls[m] != c) {
                    return null;
                }
                support++;
            }
        }
        if (c < 0) {
            return null;
        }
        if (support == 1 || alikeAgree) {
            Settled settled = pointMass[first];
            if (settled == null) {
                double[] e = new double[mm];
                e[first] = 1;
                settled = new Settled(e);
                pointMass[first] = settled;
            }
            return settled;
        }
        Settled settled = spread.get(0, 0, belief);
        if (settled == null) {
            settled = new Settled(belief.clone());
            spread.put(0, 0, belief, settled);
        }
        return settled;
    }

    private Node build(int h, int s, double[] belief) {
        double[] bestAlpha = null;
        int bestAction = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        double[] actionValues = new double[aa];
        double[] v = new double[ss];
        boolean expand = h + 1 < hh;
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
                            double[] nb = Beliefs.update(model, belief, s, a, r, n, childBeliefs[h + 1]);
                            children[n] = child(h + 1, n, nb);
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
            if (bestAction < 0 || beats(value, bestValue)) {
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
            if (bestAlpha == null || beats(value, bestValue)) {
                bestValue = value;
                bestAlpha = alpha;
            }
        }
        return bestAlpha;
    }

    /** The tie rule: an action replaces the best so far only when its value is larger by a relative margin TIE. */
    private static boolean beats(double value, double bestValue) {
        return value > bestValue + TIE * Math.max(1, Math.abs(bestValue));
    }

    /**
     * The nodes (h, s) below one belief that the belief model can no longer split: the belief is the same at every such
     * node, so each is built once into a flat table. Entry m of an alpha vector is filled for the support's contexts;
     * a point-mass table copies its context's entry into every other entry (its look-alikes' values when the backup
     * gives alike contexts equal values), other tables leave them 0. A parent reads only the entries of contexts that
     * reach the child, which are in the child's support. Values, masking and ties follow {@link #build}.
     */
    private final class Settled {
        private final double[] belief;
        private final int[] support;
        /** table[h][s]: the alpha vector at (h, s); rows are made when first reached (most beliefs touch few). */
        private final double[][][] table;
        private final int[][] actions;

        Settled(double[] belief) {
            this.belief = belief;
            int[] inSupport = new int[mm];
            int size = 0;
            for (int m = 0; m < mm; m++) {
                if (belief[m] > 0) {
                    inSupport[size++] = m;
                }
            }
            support = java.util.Arrays.copyOf(inSupport, size);
            table = new double[hh][][];
            actions = new int[hh][];
        }

        int action(int h, int s) {
            alpha(h, s);
            return actions[h][s];
        }

        double[] alpha(int h, int s) {
            if (table[h] == null) {
                table[h] = new double[ss][];
                actions[h] = new int[ss];
            }
            double[] alpha = table[h][s];
            if (alpha == null) {
                alpha = compute(h, s);
                table[h][s] = alpha;
                if (h + 1 < hh) { // last-step entries are not counted, as in the memo
                    settledNodes++;
                    checkNodeLimit(h);
                }
            }
            return alpha;
        }

        /** The alpha vector of the greedy action at (h, s); records that action. */
        private double[] compute(int h, int s) {
            boolean expand = h + 1 < hh;
            double[] v = new double[ss];
            double[] bestAlpha = null;
            int bestAction = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < aa; a++) {
                double[] alpha = new double[mm];
                double value = 0;
                for (int m : support) {
                    java.util.Arrays.fill(v, 0);
                    if (expand) {
                        for (int n : successors[m][s][a]) {
                            v[n] = alpha(h + 1, n)[m];
                        }
                    }
                    alpha[m] = backup.backup(h, m, s, a, v);
                    value += belief[m] * alpha[m];
                }
                if (bestAlpha == null || beats(value, bestValue)) {
                    bestValue = value;
                    bestAlpha = alpha;
                    bestAction = a;
                }
            }
            actions[h][s] = bestAction;
            if (support.length == 1) {
                java.util.Arrays.fill(bestAlpha, bestAlpha[support[0]]);
            }
            return bestAlpha;
        }
    }
}
