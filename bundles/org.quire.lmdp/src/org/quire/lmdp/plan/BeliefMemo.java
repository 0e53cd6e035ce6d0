package org.quire.lmdp.plan;

import java.util.Arrays;

/**
 * A map from (h, s, belief rounded to {@link Beliefs#KEY_RESOLUTION}) to values, with open addressing over flat
 * arrays: a lookup rounds into a scratch buffer and allocates nothing; only an insertion copies the rounded key.
 * It is the belief tree's memo (keys are h, s and the rounded belief). Thread-confined.
 *
 * @param <V> the value type
 */
final class BeliefMemo<V> {
    private final int contexts;
    private final long[] scratch;
    private int[] steps;
    private int[] states;
    private long[][] rounded;
    private Object[] values;
    private int size;
    private int mask;

    /** An empty memo for beliefs over {@code contexts} contexts. */
    BeliefMemo(int contexts) {
        this.contexts = contexts;
        scratch = new long[contexts];
        allocate(64);
    }

    /** Number of entries. */
    int size() {
        return size;
    }

    /** The value at (h, s, belief), or null. */
    @SuppressWarnings("unchecked")
    V get(int h, int s, double[] belief) {
        int i = find(h, s, belief);
        return rounded[i] == null ? null : (V) values[i];
    }

    /** Stores the value at (h, s, belief), replacing any value there. */
    void put(int h, int s, double[] belief, V value) {
        int i = find(h, s, belief);
        if (rounded[i] == null) {
            steps[i] = h;
            states[i] = s;
            rounded[i] = scratch.clone();
            size++;
        }
        values[i] = value;
        if (2 * size > mask) {
            grow();
        }
    }

    /** Rounds the belief into the scratch key and returns its slot: the one holding that key, or the empty one ending the probe. */
    private int find(int h, int s, double[] belief) {
        long hash = 31L * h + s;
        for (int m = 0; m < contexts; m++) {
            // beliefs are in [0, 1], so truncating x + 0.5 rounds to nearest (cheaper than Math.round)
            scratch[m] = (long) (belief[m] * Beliefs.KEY_SCALE + 0.5);
            hash = 31 * hash + scratch[m];
        }
        int i = spread(hash) & mask;
        while (rounded[i] != null && !(steps[i] == h && states[i] == s && Arrays.equals(rounded[i], scratch))) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static int spread(long hash) {
        long x = hash * 0x9E3779B97F4A7C15L;
        return (int) (x ^ (x >>> 32));
    }

    private void allocate(int capacity) {
        steps = new int[capacity];
        states = new int[capacity];
        rounded = new long[capacity][];
        values = new Object[capacity];
        mask = capacity - 1;
    }

    private void grow() {
        int[] oldSteps = steps;
        int[] oldStates = states;
        long[][] oldRounded = rounded;
        Object[] oldValues = values;
        allocate(2 * oldRounded.length);
        for (int j = 0; j < oldRounded.length; j++) {
            long[] key = oldRounded[j];
            if (key != null) {
                long hash = 31L * oldSteps[j] + oldStates[j];
                for (long x : key) {
                    hash = 31 * hash + x;
                }
                int i = spread(hash) & mask;
                while (rounded[i] != null) {
                    i = (i + 1) & mask;
                }
                steps[i] = oldSteps[j];
                states[i] = oldStates[j];
                rounded[i] = key;
                values[i] = oldValues[j];
            }
        }
    }
}
