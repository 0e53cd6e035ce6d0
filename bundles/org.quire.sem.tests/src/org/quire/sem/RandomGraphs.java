package org.quire.sem;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random mixed graphs for property tests. */
final class RandomGraphs {
    private RandomGraphs() {
    }

    /**
     * A random graph on n vertices: each ordered pair gets i->j with probability pd (acyclic: only i < j), each
     * unordered pair i<->j with probability pb; when {@code cyclic}, a directed cycle through 1..min(n,4) is added.
     */
    static MixedGraph mixed(SplittableRandom rnd, int n, double pd, double pb, boolean cyclic) {
        boolean[][] d = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && (cyclic || i < j) && rnd.nextDouble() < pd) {
                    d[i][j] = true;
                }
            }
        }
        if (cyclic) {
            int len = Math.min(n, 2 + rnd.nextInt(3));
            for (int k = 0; k < len; k++) {
                d[k][(k + 1) % len] = true;
            }
        }
        List<int[]> de = new ArrayList<>();
        List<int[]> be = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (d[i][j]) {
                    de.add(new int[] {i, j});
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (rnd.nextDouble() < pb) {
                    be.add(new int[] {i, j});
                }
            }
        }
        return new MixedGraph(n, null, de, be);
    }

    /** A random simple graph (no 2-cycles, no bows) with directed cycles allowed. */
    static MixedGraph simple(SplittableRandom rnd, int n, double pd, double pb) {
        List<int[]> de = new ArrayList<>();
        List<int[]> be = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double u = rnd.nextDouble();
                if (u < pd / 2) {
                    de.add(new int[] {i, j});
                } else if (u < pd) {
                    de.add(new int[] {j, i});
                } else if (u < pd + pb) {
                    be.add(new int[] {i, j});
                }
            }
        }
        return new MixedGraph(n, null, de, be);
    }
}
