package org.quire.lmdp.learn;

import java.util.SplittableRandom;

import org.quire.lmdp.model.Lmdp;
import org.quire.lmdp.plan.Plan;

/**
 * Simulates episodes of a true LMDP for a given context: start state from ν_m, rewards R_m, next states from P_m,
 * with one random stream. The agent sees states and rewards; the plan tracks its belief with its own model.
 * Mutable (the stream), thread-confined.
 */
public final class Environment {
    private final Lmdp truth;
    private final SplittableRandom random;
    private final int[][][][] successors;
    private final double[][][][] probabilities;
    private final double[][] initial;

    /** An environment of {@code truth} drawing from {@code random}. */
    public Environment(Lmdp truth, SplittableRandom random) {
        this.truth = truth;
        this.random = random;
        int mm = truth.contexts();
        int ss = truth.states();
        int aa = truth.actions();
        successors = new int[mm][ss][aa][];
        probabilities = new double[mm][ss][aa][];
        initial = new double[mm][ss];
        for (int m = 0; m < mm; m++) {
            for (int s = 0; s < ss; s++) {
                initial[m][s] = truth.initial(m, s);
                for (int a = 0; a < aa; a++) {
                    int[] succ = truth.successors(m, s, a);
                    successors[m][s][a] = succ;
                    double[] p = new double[succ.length];
                    for (int i = 0; i < succ.length; i++) {
                        p[i] = truth.transition(m, s, a, succ[i]);
                    }
                    probabilities[m][s][a] = p;
                }
            }
        }
    }

    /** Draws contexts m_1..m_K i.i.d. from the weights w (common random numbers: one sequence for all learners). */
    public static int[] contexts(Lmdp truth, int episodes, SplittableRandom random) {
        double[] w = new double[truth.contexts()];
        for (int m = 0; m < w.length; m++) {
            w[m] = truth.weight(m);
        }
        int[] out = new int[episodes];
        for (int k = 0; k < episodes; k++) {
            out[k] = sample(w, random.nextDouble());
        }
        return out;
    }

    /** Plays {@code plan} for one episode in context m, filling {@code into}. */
    public void play(Plan plan, int m, Trajectory into) {
        int s = sample(initial[m], random.nextDouble());
        double[] belief = plan.initialBelief(s);
        int horizon = truth.horizon();
        for (int h = 0; h < horizon; h++) {
            int a = plan.action(h, s, belief);
            double r = truth.reward(m, s, a);
            int[] succ = successors[m][s][a];
            int next = succ[sample(probabilities[m][s][a], random.nextDouble())];
            into.states[h] = s;
            into.actions[h] = a;
            into.rewards[h] = r;
            if (h + 1 < horizon) {
                belief = plan.updateBelief(belief, s, a, r, next);
            }
            s = next;
        }
        into.states[horizon] = s;
    }

    /** Index i with cumulative probability p_0 + ... + p_i &gt; u (the last positive index when rounding leaves u above the sum). */
    static int sample(double[] p, double u) {
        double c = 0;
        int last = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                c += p[i];
                last = i;
                if (u < c) {
                    return i;
                }
            }
        }
        return last;
    }
}
