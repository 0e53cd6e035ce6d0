package org.quire.geometry.io;

import java.util.Arrays;

/** A growable primitive double array. */
final class DoubleList {
    private double[] a;
    private int n;

    DoubleList(int capacity) {
        a = new double[Math.max(3, capacity)];
    }

    void add(double v) {
        if (n == a.length) {
            a = Arrays.copyOf(a, (int) Math.min(Integer.MAX_VALUE - 8, 2L * a.length));
        }
        a[n++] = v;
    }

    void add(double x, double y, double z) {
        if (n + 3 > a.length) {
            a = Arrays.copyOf(a, (int) Math.min(Integer.MAX_VALUE - 8, 2L * a.length + 3));
        }
        a[n] = x;
        a[n + 1] = y;
        a[n + 2] = z;
        n += 3;
    }

    /** A capacity suggestion for a parallel list. */
    int capacityHint() {
        return Math.max(16, n);
    }

    int size() {
        return n;
    }

    double get(int i) {
        return a[i];
    }

    double[] toArray() {
        return n == a.length ? a : Arrays.copyOf(a, n);
    }
}
