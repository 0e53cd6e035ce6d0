package org.quire.lmdp.learn;

/**
 * One episode: states s_0..s_H (the last is where the final transition led), actions a_0..a_{H-1} and the observed
 * rewards r_0..r_{H-1}. Mutable buffer reused across episodes; not thread-safe.
 */
public final class Trajectory {
    final int[] states;
    final int[] actions;
    final double[] rewards;

    /** A buffer for horizon H. */
    public Trajectory(int horizon) {
        states = new int[horizon + 1];
        actions = new int[horizon];
        rewards = new double[horizon];
    }

    /** Horizon H (number of actions). */
    public int length() {
        return actions.length;
    }

    /** s_h, 0 ≤ h ≤ H. */
    public int state(int h) {
        return states[h];
    }

    /** a_h, 0 ≤ h &lt; H. */
    public int action(int h) {
        return actions[h];
    }

    /** r_h, 0 ≤ h &lt; H. */
    public double reward(int h) {
        return rewards[h];
    }

    /** The episode's return Σ r_h. */
    public double total() {
        double sum = 0;
        for (double r : rewards) {
            sum += r;
        }
        return sum;
    }
}
