package org.quire.geometry.io;

import java.util.Arrays;

/** A growable primitive int array. */
final class IntList {
    private int[] a;
    private int n;

    IntList(int capacity) {
        a = new int[Math.max(3, capacity)];
    }

    void add(int v) {
        if (n == a.length) {
            a = Arrays.copyOf(a, (int) Math.min(Integer.MAX_VALUE - 8, 2L * a.length));
        }
        a[n++] = v;
    }

    void add(int x, int y, int z) {
        if (n + 3 > a.length) {
            a = Arrays.copyOf(a, (int) Math.min(Integer.MAX_VALUE - 8, 2L * a.length + 3));
        }
        a[n] = x;
        a[n + 1] = y;
        a[n + 2] = z;
        n += 3;
    }

    int size() {
        return n;
    }

    int get(int i) {
        return a[i];
    }

    void set(int i, int v) {
        a[i] = v;
    }

    void clear() {
        n = 0;
    }

    int[] toArray() {
        return n == a.length ? a : Arrays.copyOf(a, n);
    }
}
