package org.quire.geometry.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The KD-tree against brute force: exact indices including ties (lowest index first) and duplicates. */
class KdTreeTest {

    private static double d2(double[] p, int i, double x, double y, double z) {
        double dx = p[3 * i] - x, dy = p[3 * i + 1] - y, dz = p[3 * i + 2] - z;
        return dx * dx + dy * dy + dz * dz;
    }

    /** Brute-force k nearest by (squared distance, index). */
    static int[] bruteKnn(double[] p, double x, double y, double z, int k) {
        int n = p.length / 3;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(d2(p, a, x, y, z), d2(p, b, x, y, z));
            return c != 0 ? c : Integer.compare(a, b);
        });
        int m = Math.min(k, n);
        int[] r = new int[m];
        for (int i = 0; i < m; i++) {
            r[i] = idx[i];
        }
        return r;
    }

    static int[] bruteRadius(double[] p, double x, double y, double z, double r) {
        return java.util.stream.IntStream.range(0, p.length / 3).filter(i -> d2(p, i, x, y, z) <= r * r).toArray();
    }

    private static double[] random(Random rnd, int n) {
        double[] p = new double[3 * n];
        for (int i = 0; i < p.length; i++) {
            p[i] = rnd.nextDouble() * 2 - 1;
        }
        return p;
    }

    /** Integer grid points with many exact ties, plus duplicated points. */
    private static double[] gridWithDuplicates() {
        double[] p = new double[3 * (6 * 6 * 6 + 50)];
        int c = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                for (int k = 0; k < 6; k++) {
                    p[c++] = i;
                    p[c++] = j;
                    p[c++] = k;
                }
            }
        }
        for (int d = 0; d < 50; d++) {
            p[c++] = 2;
            p[c++] = 3;
            p[c++] = d % 2 == 0 ? 4 : 1;
        }
        return p;
    }

    private static void checkAgainstBruteForce(double[] p, double[] queries, int k, double r) {
        KdTree t = new KdTree(p);
        KdTree.Searcher s = t.searcher();
        int[] buf = new int[k];
        double[] bufD = new double[k];
        double[] out = new double[1];
        for (int q = 0; q < queries.length / 3; q++) {
            double x = queries[3 * q], y = queries[3 * q + 1], z = queries[3 * q + 2];
            int[] expected = bruteKnn(p, x, y, z, k);
            assertThat(t.nearest(x, y, z, k)).as("knn of query %d", q).containsExactly(expected);
            int m = s.nearest(x, y, z, k, buf, bufD);
            assertThat(Arrays.copyOf(buf, m)).containsExactly(expected);
            for (int j = 0; j < m; j++) {
                assertThat(bufD[j]).isEqualTo(d2(p, expected[j], x, y, z));
            }
            int nn = t.nearest(x, y, z, out);
            assertThat(nn).isEqualTo(expected.length == 0 ? -1 : expected[0]);
            if (nn >= 0) {
                assertThat(out[0]).isEqualTo(d2(p, nn, x, y, z));
                assertThat(t.nearestDistanceSquared(x, y, z)).isEqualTo(out[0]);
            }
            int[] rad = t.radius(x, y, z, r);
            Arrays.sort(rad);
            assertThat(rad).as("radius of query %d", q).containsExactly(bruteRadius(p, x, y, z, r));
            // bounded nearest: the nearest of the ball (lowest index among ties), inclusive of points exactly at r
            int[] ball = bruteRadius(p, x, y, z, r);
            int within = -1;
            for (int j : ball) {
                if (within < 0 || d2(p, j, x, y, z) < d2(p, within, x, y, z)) {
                    within = j;
                }
            }
            assertThat(t.nearestWithin(x, y, z, r)).as("nearest within %s of query %d", r, q).isEqualTo(within);
            assertThat(s.nearestWithin(x, y, z, r)).isEqualTo(within);
            assertThat(s.lastDistanceSquared()).isEqualTo(within < 0 ? Double.POSITIVE_INFINITY : d2(p, within, x, y, z));
            if (nn >= 0) {
                double exact = Math.sqrt(d2(p, nn, x, y, z));
                if (exact * exact == d2(p, nn, x, y, z)) { // grid queries: integer distances are exact
                    assertThat(t.nearestWithin(x, y, z, exact)).as("a point exactly at the bound is inside").isEqualTo(nn);
                }
                assertThat(t.nearestWithin(x, y, z, Math.nextDown(exact) * (1 - 1e-12))).isEqualTo(-1);
            }
        }
    }

    @Test
    void randomPointsMatchBruteForce() {
        Random rnd = new Random(11);
        for (int n : new int[] { 1, 7, 8, 9, 100, 2000 }) {
            checkAgainstBruteForce(random(rnd, n), random(rnd, 60), 10, 0.3);
        }
    }

    @Test
    void gridTiesAndDuplicatesMatchBruteForce() {
        double[] p = gridWithDuplicates();
        double[] q = new double[3 * 200];
        Random rnd = new Random(5);
        for (int i = 0; i < q.length; i++) {
            // half-integer and integer queries create exact distance ties
            q[i] = rnd.nextInt(13) * 0.5 - 0.5;
        }
        checkAgainstBruteForce(p, q, 12, 1.0);
        checkAgainstBruteForce(p, q, 60, 1.5);
    }

    @Test
    void allPointsIdentical() {
        double[] p = new double[3 * 100];
        Arrays.fill(p, 0.25);
        KdTree t = new KdTree(p);
        assertThat(t.nearest(1, 1, 1)).isEqualTo(0);
        assertThat(t.nearest(0, 0, 0, 5)).containsExactly(0, 1, 2, 3, 4);
        assertThat(t.radius(0.25, 0.25, 0.25, 0)).hasSize(100);
        assertThat(t.radius(0, 0, 0, 0.1)).isEmpty();
    }

    @Test
    void emptyTree() {
        KdTree t = new KdTree(new double[0]);
        double[] d = new double[1];
        assertThat(t.size()).isZero();
        assertThat(t.nearest(0, 0, 0)).isEqualTo(-1);
        assertThat(t.nearest(0, 0, 0, d)).isEqualTo(-1);
        assertThat(d[0]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(t.nearest(0, 0, 0, 3)).isEmpty();
        assertThat(t.radius(0, 0, 0, 10)).isEmpty();
    }

    @Test
    void kLargerThanSizeReturnsAllSorted() {
        double[] p = { 3, 0, 0, 1, 0, 0, 2, 0, 0 };
        assertThat(new KdTree(p).nearest(0, 0, 0, 10)).containsExactly(1, 2, 0);
    }
}
