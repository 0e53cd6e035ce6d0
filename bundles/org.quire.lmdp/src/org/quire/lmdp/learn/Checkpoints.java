package org.quire.lmdp.learn;

import java.util.TreeSet;

/**
 * Episode indices k (1-based) at which cumulative regret is recorded: about 120 log-spaced points in [1, K] plus 40
 * evenly spaced points in [K/2, K] (the slope-fitting window), always including 1 and K. Stateless.
 */
public final class Checkpoints {
    private Checkpoints() {
    }

    /** Sorted distinct checkpoints for K episodes (K &ge; 1). */
    public static int[] of(int episodes) {
        TreeSet<Integer> set = new TreeSet<>();
        set.add(1);
        set.add(episodes);
        int logPoints = 120;
        double top = Math.log(episodes);
        for (int i = 0; i <= logPoints; i++) {
            set.add((int) Math.min(episodes, Math.max(1, Math.round(Math.exp(top * i / logPoints)))));
        }
        int linearPoints = 40;
        int half = Math.max(1, episodes / 2);
        for (int i = 0; i <= linearPoints; i++) {
            set.add((int) Math.round(half + (double) (episodes - half) * i / linearPoints));
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }
}
