package org.quire.nn;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Recycles {@code double[]} buffers by exact length, so a tape replaying the same graph allocates nothing. */
final class BufferPool {

    private final Map<Integer, ArrayDeque<double[]>> free = new HashMap<>();

    /** A buffer of {@code size} values with unspecified contents. */
    double[] take(int size) {
        ArrayDeque<double[]> q = free.get(size);
        double[] b = q == null ? null : q.pollLast();
        return b != null ? b : new double[size];
    }

    /** A buffer of {@code size} zeros. */
    double[] takeZeroed(int size) {
        ArrayDeque<double[]> q = free.get(size);
        double[] b = q == null ? null : q.pollLast();
        if (b == null) {
            return new double[size];
        }
        Arrays.fill(b, 0.0);
        return b;
    }

    /** Gives {@code buffer} back for reuse. */
    void give(double[] buffer) {
        free.computeIfAbsent(buffer.length, s -> new ArrayDeque<>()).addLast(buffer);
    }

    /** Drops every pooled buffer. */
    void clear() {
        free.clear();
    }
}
