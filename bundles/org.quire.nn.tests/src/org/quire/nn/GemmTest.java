package org.quire.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class GemmTest {

    /** Naive reference: c[i][j] = sum_p op(a)[i][p] * op(b)[p][j], summed in p order. */
    static double[] naive(int m, int n, int k, double[] a, boolean ta, double[] b, boolean tb) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double x = ta ? a[p * m + i] : a[i * k + p];
                    double y = tb ? b[j * k + p] : b[p * n + j];
                    s += x * y;
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    static double[] integers(SplittableRandom r, int size) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = r.nextInt(-9, 10);
        }
        return x;
    }

    static double[] uniform(SplittableRandom r, int size) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = r.nextDouble(-1, 1);
        }
        return x;
    }

    // sizes straddle the panel width (256), the depth block (256), the 4-way depth unroll and the row task size
    private static final int[][] SIZES = {{1, 1, 1}, {3, 5, 2}, {17, 13, 7}, {33, 300, 5}, {5, 9, 259}, {40, 257, 263}, {70, 3, 1}};

    @Test
    void integerMatricesAgreeExactlyWithNaiveLoopForEveryTransposeAndThreadCount() {
        SplittableRandom r = new SplittableRandom(1);
        for (int[] s : SIZES) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0;
                boolean tb = (t & 2) != 0;
                double[] a = integers(r, m * k);
                double[] b = integers(r, k * n);
                double[] expected = naive(m, n, k, a, ta, b, tb);
                for (int threads = 1; threads <= 3; threads++) {
                    double[] c = uniform(r, m * n); // garbage must be overwritten
                    Gemm.multiply(threads, m, n, k, a, ta, b, tb, c, false);
                    assertThat(c).as("m=%d n=%d k=%d ta=%s tb=%s threads=%d", m, n, k, ta, tb, threads).containsExactly(expected);
                }
            }
        }
    }

    @Test
    void accumulateAddsToExistingValues() {
        SplittableRandom r = new SplittableRandom(2);
        int m = 19;
        int n = 270;
        int k = 11;
        double[] a = integers(r, m * k);
        double[] b = integers(r, k * n);
        double[] c0 = integers(r, m * n);
        double[] c = c0.clone();
        Gemm.multiply(2, m, n, k, a, false, b, false, c, true);
        double[] prod = naive(m, n, k, a, false, b, false);
        for (int i = 0; i < c.length; i++) {
            assertThat(c[i]).isEqualTo(c0[i] + prod[i]);
        }
    }

    @Test
    void realMatricesAgreeWithNaiveLoopToRoundoff() {
        SplittableRandom r = new SplittableRandom(3);
        for (int[] s : SIZES) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0;
                boolean tb = (t & 2) != 0;
                double[] a = uniform(r, m * k);
                double[] b = uniform(r, k * n);
                double[] expected = naive(m, n, k, a, ta, b, tb);
                // scale for the relative error: sum_p |a_ip||b_pj| (the condition of the dot product)
                double[] absA = a.clone();
                double[] absB = b.clone();
                for (int i = 0; i < absA.length; i++) {
                    absA[i] = Math.abs(absA[i]);
                }
                for (int i = 0; i < absB.length; i++) {
                    absB[i] = Math.abs(absB[i]);
                }
                double[] scale = naive(m, n, k, absA, ta, absB, tb);
                double[] c = new double[m * n];
                Gemm.multiply(3, m, n, k, a, ta, b, tb, c, false);
                for (int i = 0; i < c.length; i++) {
                    assertThat(Math.abs(c[i] - expected[i])).as("element %d of %dx%dx%d", i, m, n, k).isLessThanOrEqualTo(1e-12 * scale[i]);
                }
            }
        }
    }

    @Test
    void largeProductsAreBitIdenticalForOneTwoAndThreeThreads() {
        SplittableRandom r = new SplittableRandom(4);
        int m = 203;
        int n = 300;
        int k = 290;
        for (int t = 0; t < 4; t++) {
            boolean ta = (t & 1) != 0;
            boolean tb = (t & 2) != 0;
            double[] a = uniform(r, m * k);
            double[] b = uniform(r, k * n);
            double[] c1 = new double[m * n];
            double[] c2 = new double[m * n];
            double[] c3 = new double[m * n];
            Gemm.multiply(1, m, n, k, a, ta, b, tb, c1, false);
            Gemm.multiply(2, m, n, k, a, ta, b, tb, c2, false);
            Gemm.multiply(3, m, n, k, a, ta, b, tb, c3, false);
            assertThat(c2).containsExactly(c1);
            assertThat(c3).containsExactly(c1);
        }
    }

    @Test
    void transposedOperandsGiveBitIdenticalResultsToExplicitTransposes() {
        SplittableRandom r = new SplittableRandom(5);
        int m = 37;
        int n = 131;
        int k = 300;
        double[] a = uniform(r, m * k);
        double[] b = uniform(r, k * n);
        double[] at = new double[k * m];
        double[] bt = new double[n * k];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                at[p * m + i] = a[i * k + p];
            }
        }
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                bt[j * k + p] = b[p * n + j];
            }
        }
        double[] plain = new double[m * n];
        Gemm.multiply(1, m, n, k, a, false, b, false, plain, false);
        double[] viaTransA = new double[m * n];
        Gemm.multiply(2, m, n, k, at, true, b, false, viaTransA, false);
        double[] viaBoth = new double[m * n];
        Gemm.multiply(3, m, n, k, at, true, bt, true, viaBoth, false);
        assertThat(viaTransA).containsExactly(plain);
        assertThat(viaBoth).containsExactly(plain);
    }

    @Test
    void emptyInnerDimensionGivesZerosAndBadArgumentsAreRejected() {
        double[] c = {5, 6};
        Gemm.multiply(1, 1, 2, 0, new double[0], false, new double[0], false, c, false);
        assertThat(c).containsExactly(0, 0);
        assertThatThrownBy(() -> Gemm.multiply(1, 2, 2, 2, new double[3], false, new double[4], false, new double[4], false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a has 3 values");
        assertThatThrownBy(() -> Gemm.multiply(0, 1, 1, 1, new double[1], false, new double[1], false, new double[1], false))
                .hasMessageContaining("threads");
    }
}
