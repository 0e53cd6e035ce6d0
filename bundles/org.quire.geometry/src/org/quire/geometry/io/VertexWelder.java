package org.quire.geometry.io;

import java.util.Arrays;

/**
 * Merges vertices with exactly equal coordinates (as in STL, where every triangle repeats its corners): an
 * open-addressing hash over the coordinate bits, with no per-vertex objects. -0.0 and 0.0 count as equal.
 */
final class VertexWelder {
    private final DoubleList xyz = new DoubleList(1 << 12);
    private int[] table = new int[1 << 12];
    private int count;

    VertexWelder() {
        Arrays.fill(table, -1);
    }

    /** The index of the vertex (x, y, z), adding it when new. */
    int index(double x, double y, double z) {
        x += 0.0;
        y += 0.0;
        z += 0.0;
        int mask = table.length - 1;
        int h = hash(x, y, z) & mask;
        while (true) {
            int k = table[h];
            if (k < 0) {
                break;
            }
            if (xyz.get(3 * k) == x && xyz.get(3 * k + 1) == y && xyz.get(3 * k + 2) == z) {
                return k;
            }
            h = (h + 1) & mask;
        }
        table[h] = count;
        xyz.add(x, y, z);
        count++;
        if (2 * count > table.length) {
            grow();
        }
        return count - 1;
    }

    private static int hash(double x, double y, double z) {
        long h = Double.doubleToLongBits(x) * 0x9E3779B97F4A7C15L;
        h = (h ^ Double.doubleToLongBits(y)) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ Double.doubleToLongBits(z)) * 0x165667B19E3779F9L;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        int[] t = new int[table.length * 2];
        Arrays.fill(t, -1);
        int mask = t.length - 1;
        for (int k = 0; k < count; k++) {
            int h = hash(xyz.get(3 * k), xyz.get(3 * k + 1), xyz.get(3 * k + 2)) & mask;
            while (t[h] >= 0) {
                h = (h + 1) & mask;
            }
            t[h] = k;
        }
        table = t;
    }

    /** The distinct vertices, packed. */
    double[] vertices() {
        return xyz.toArray();
    }
}
