package org.quire.lmdp.model;

import java.util.SplittableRandom;

/**
 * Seeded LMDP instance families (spec §3.1). Same arguments and seed give the same instance. Rewards are scaled so
 * that every episode's return is at most 1. Stateless and thread-safe.
 */
public final class Generators {
    private Generators() {
    }

    /**
     * Random LMDP: weights and initial distributions Dirichlet(1); each P_m(·|s,a) is Dirichlet(1) on Γ = degree
     * distinct random successors; each reward is U[0,1]/H with probability rewardDensity, else 0; all rewards are then
     * divided by the maximal return if it exceeds 1.
     */
    public static Lmdp random(int contexts, int states, int actions, int horizon, int degree, double rewardDensity, long seed) {
        if (degree < 1 || degree > states) {
            throw new IllegalArgumentException("degree must be in [1, states=" + states + "], got " + degree);
        }
        if (!(rewardDensity >= 0 && rewardDensity <= 1)) {
            throw new IllegalArgumentException("rewardDensity must be in [0, 1], got " + rewardDensity);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[][][] rewards = new double[contexts][states][actions];
        Lmdp.Builder b = Lmdp.builder(contexts, states, actions, horizon);
        double[] w = dirichlet(rng, contexts);
        for (int m = 0; m < contexts; m++) {
            b.weight(m, w[m]);
            b.initial(m, dirichlet(rng, states));
            for (int s = 0; s < states; s++) {
                for (int a = 0; a < actions; a++) {
                    int[] perm = permutation(rng, states);
                    double[] p = dirichlet(rng, degree);
                    double[] row = new double[states];
                    for (int i = 0; i < degree; i++) {
                        row[perm[i]] = p[i];
                    }
                    b.transitions(m, s, a, row);
                    rewards[m][s][a] = rng.nextDouble() < rewardDensity ? rng.nextDouble() / horizon : 0;
                }
            }
        }
        for (int m = 0; m < contexts; m++) {
            for (int s = 0; s < states; s++) {
                for (int a = 0; a < actions; a++) {
                    b.reward(m, s, a, rewards[m][s][a]);
                }
            }
        }
        Lmdp l = b.build();
        double max = l.maxReturn();
        if (max <= 1) {
            return l;
        }
        for (int m = 0; m < contexts; m++) {
            for (int s = 0; s < states; s++) {
                for (int a = 0; a < actions; a++) {
                    b.reward(m, s, a, rewards[m][s][a] / max);
                }
            }
        }
        return b.build();
    }

    /**
     * Lower-bound-style hard instance (Γ = 2): decision states d_i (i &lt; n), outcome states good_i = n + i and
     * bad_i = 2n + i. In context m, action a at d_i reaches good_i with probability q + ε·[a = a*_m(i)], else bad_i;
     * both move to d_{(i+1) mod n}. good_i pays 1/H for every action. Secret actions a*_m(i) are drawn from the seed;
     * weights uniform; every context starts in d_0.
     */
    public static Lmdp hard(int contexts, int decisions, int actions, int horizon, double q, double epsilon, long seed) {
        if (!(q >= 0 && epsilon >= 0 && q + epsilon <= 1)) {
            throw new IllegalArgumentException("need q >= 0, epsilon >= 0 and q + epsilon <= 1, got q=" + q + ", epsilon=" + epsilon);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int n = decisions;
        int states = 3 * n;
        Lmdp.Builder b = Lmdp.builder(contexts, states, actions, horizon);
        for (int m = 0; m < contexts; m++) {
            b.weight(m, 1.0 / contexts);
            b.initial(m, 0, 1.0);
            for (int i = 0; i < n; i++) {
                int secret = rng.nextInt(actions);
                for (int a = 0; a < actions; a++) {
                    double good = q + (a == secret ? epsilon : 0);
                    double[] row = new double[states];
                    row[n + i] += good;
                    row[2 * n + i] += 1 - good;
                    b.transitions(m, i, a, row);
                    b.transition(m, n + i, a, (i + 1) % n, 1.0);
                    b.transition(m, 2 * n + i, a, (i + 1) % n, 1.0);
                    b.reward(m, n + i, a, 1.0 / horizon);
                }
            }
        }
        return b.build();
    }

    /**
     * Lock (horizon stress): chain positions 0..L-1, end state L, terminal state L+1. In context m only the secret
     * action m mod A advances (with probability p, else the agent stays); other actions stay. At the end state every
     * action pays 1 and moves to the terminal state (absorbing, reward 0). Weights uniform, start at position 0.
     */
    public static Lmdp lock(int contexts, int actions, int length, double p, int horizon) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in (0, 1], got " + p);
        }
        int states = length + 2;
        Lmdp.Builder b = Lmdp.builder(contexts, states, actions, horizon);
        for (int m = 0; m < contexts; m++) {
            b.weight(m, 1.0 / contexts);
            b.initial(m, 0, 1.0);
            int secret = m % actions;
            for (int a = 0; a < actions; a++) {
                for (int s = 0; s < length; s++) {
                    if (a == secret) {
                        b.transition(m, s, a, s + 1, p);
                        if (p < 1) {
                            b.transition(m, s, a, s, 1 - p);
                        }
                    } else {
                        b.transition(m, s, a, s, 1.0);
                    }
                }
                b.transition(m, length, a, length + 1, 1.0);
                b.reward(m, length, a, 1.0);
                b.transition(m, length + 1, a, length + 1, 1.0);
            }
        }
        return b.build();
    }

    /**
     * Tiger: states 0 start, 1 heard-left, 2 heard-right, 3 done; actions 0 listen, 1 open-left, 2 open-right;
     * context 0 = tiger left (open-right pays 1), context 1 = tiger right (open-left pays 1), weights ½. Listening
     * moves to the heard state on the tiger's side with probability acc. Opening moves to done (absorbing, reward 0).
     */
    public static Lmdp tiger(double accuracy, int horizon) {
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw new IllegalArgumentException("accuracy must be in [0, 1], got " + accuracy);
        }
        Lmdp.Builder b = Lmdp.builder(2, 4, 3, horizon);
        for (int m = 0; m < 2; m++) {
            b.weight(m, 0.5);
            b.initial(m, 0, 1.0);
            int tigerSide = m == 0 ? 1 : 2; // heard state on the tiger's side
            int safeDoor = m == 0 ? 2 : 1;  // action that opens the door without the tiger
            for (int s = 0; s < 3; s++) {
                if (accuracy > 0) {
                    b.transition(m, s, 0, tigerSide, accuracy);
                }
                if (accuracy < 1) {
                    b.transition(m, s, 0, 3 - tigerSide, 1 - accuracy);
                }
                b.transition(m, s, 1, 3, 1.0);
                b.transition(m, s, 2, 3, 1.0);
                b.reward(m, s, safeDoor, 1.0);
            }
            for (int a = 0; a < 3; a++) {
                b.transition(m, 3, a, 3, 1.0);
            }
        }
        return b.build();
    }

    /**
     * Context bandit: one state, A arms, M ≤ A contexts with uniform weights; in context m arm m pays 1/H and the
     * others 0, so a pull's reward reveals whether the context is m.
     */
    public static Lmdp bandit(int contexts, int actions, int horizon) {
        if (contexts > actions) {
            throw new IllegalArgumentException("bandit needs contexts <= actions, got M=" + contexts + ", A=" + actions);
        }
        Lmdp.Builder b = Lmdp.builder(contexts, 1, actions, horizon);
        for (int m = 0; m < contexts; m++) {
            b.weight(m, 1.0 / contexts);
            b.initial(m, 0, 1.0);
            for (int a = 0; a < actions; a++) {
                b.transition(m, 0, a, 0, 1.0);
            }
            b.reward(m, 0, m, 1.0 / horizon);
        }
        return b.build();
    }

    private static double[] dirichlet(SplittableRandom rng, int n) {
        double[] x = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            x[i] = -Math.log(1 - rng.nextDouble());
            sum += x[i];
        }
        for (int i = 0; i < n; i++) {
            x[i] /= sum;
        }
        // make the row sum to 1 as exactly as possible
        double total = 0;
        for (int i = 0; i < n - 1; i++) {
            total += x[i];
        }
        x[n - 1] = Math.max(0, 1 - total);
        return x;
    }

    private static int[] permutation(SplittableRandom rng, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
