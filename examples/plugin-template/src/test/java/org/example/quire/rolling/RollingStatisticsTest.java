package org.example.quire.rolling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Rolling statistics against a direct two-pass computation over every window. */
class RollingStatisticsTest {

    /** Mean and population standard deviation of x[lo..hi), two passes. */
    private static double[] direct(double[] x, int lo, int hi) {
        double s = 0;
        for (int j = lo; j < hi; j++) {
            s += x[j];
        }
        double m = s / (hi - lo);
        double q = 0;
        for (int j = lo; j < hi; j++) {
            q += (x[j] - m) * (x[j] - m);
        }
        return new double[] {m, Math.sqrt(q / (hi - lo))};
    }

    @Test
    void smallTrailingWindowByHand() {
        RollingStatistics.Rolling r = RollingStatistics.compute(new double[] {1, 2, 4, 8}, 2, false);
        assertArrayEquals(new double[] {1, 1.5, 3, 6}, r.mean(), 1e-15);
        assertArrayEquals(new double[] {0, 0.5, 1, 2}, r.std(), 1e-15);
        assertArrayEquals(new int[] {1, 2, 2, 2}, r.count());
    }

    @Test
    void smallCentredWindowByHand() {
        RollingStatistics.Rolling r = RollingStatistics.compute(new double[] {3, 6, 9, 12, 15}, 3, true);
        assertArrayEquals(new double[] {4.5, 6, 9, 12, 13.5}, r.mean(), 1e-15);
        assertArrayEquals(new int[] {2, 3, 3, 3, 2}, r.count());
        assertEquals(Math.sqrt(6), r.std()[2], 1e-14);   // {6, 9, 12}: deviations -3, 0, 3
    }

    @Test
    void longNoisySeriesMatchesTwoPassOverEveryWindow() {
        SplittableRandom rnd = new SplittableRandom(42);
        int n = 5000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {   // a large offset makes naive sum-of-squares formulas lose all digits
            x[i] = 1e6 + Math.sin(i / 50.0) + rnd.nextGaussian() * 1e-3;
        }
        for (boolean centred : new boolean[] {false, true}) {
            for (int w : new int[] {1, 2, 7, 100, 4999, 6000}) {
                RollingStatistics.Rolling r = RollingStatistics.compute(x, w, centred);
                int behind = centred ? (w - 1) / 2 : w - 1;
                int ahead = centred ? w / 2 : 0;
                for (int i = 0; i < n; i++) {
                    int lo = Math.max(0, i - behind);
                    int hi = Math.min(n, i + ahead + 1);
                    double[] d = direct(x, lo, hi);
                    assertEquals(hi - lo, r.count()[i]);
                    assertEquals(d[0], r.mean()[i], 1e-14 * Math.abs(d[0]), "mean, window " + w + ", row " + i);
                    // std is ~1e-3..0.7 here; relative 1e-6 of it is far below what a one-pass E[x^2]-E[x]^2 keeps
                    assertEquals(d[1], r.std()[i], 1e-6 * Math.max(d[1], 1e-3), "std, window " + w + ", row " + i);
                }
            }
        }
    }

    @Test
    void constantSeriesHasZeroSpread() {
        double[] x = new double[3000];
        java.util.Arrays.fill(x, 0.1);
        RollingStatistics.Rolling r = RollingStatistics.compute(x, 17, false);
        for (int i = 0; i < x.length; i++) {
            assertEquals(0.1, r.mean()[i], 1e-15);
            assertTrue(r.std()[i] < 1e-15, "std " + r.std()[i] + " at row " + i);
        }
    }
}
