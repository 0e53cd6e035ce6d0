package org.example.quire.rolling;

/**
 * Mean and population standard deviation over a sliding window, in one pass with Welford's add/remove updates
 * (O(n) whatever the window). Values are taken relative to a shift (the first value, then the window's mean at every
 * re-summation), so that a large offset does not cancel digits; the window is re-summed exactly every {@value #RESYNC}
 * slides so that rounding does not accumulate along long series. Stateless and thread-safe.
 */
public final class RollingStatistics {
    /** Slides between exact re-summations of the window. */
    static final int RESYNC = 1024;

    /**
     * The rolling statistics of a series.
     *
     * @param mean  mean of the window ending at (or centred on) each row
     * @param std   population standard deviation (divide by the count) of the same window; 0 for a single value
     * @param count number of values in each window (fewer than the window at the ends)
     */
    public record Rolling(double[] mean, double[] std, int[] count) {
    }

    private RollingStatistics() {
    }

    /**
     * Rolling statistics of {@code x}.
     *
     * @param x       the series (finite values), at least one
     * @param window  window length in rows, &ge; 1
     * @param centred false: the window ends at the row (rows i-w+1..i); true: it is centred on it (rows
     *                i-(w-1)/2..i+w/2). Windows are cut at both ends of the series.
     * @return means, standard deviations and counts, one per row
     */
    public static Rolling compute(double[] x, int window, boolean centred) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, got " + window);
        }
        int n = x.length;
        double[] mean = new double[n];
        double[] std = new double[n];
        int[] count = new int[n];
        int behind = centred ? (window - 1) / 2 : window - 1;
        int ahead = centred ? window / 2 : 0;
        int lo = 0;      // the window is x[lo, hi)
        int hi = 0;
        long k = 0;      // values in the window
        double shift = n > 0 ? x[0] : 0;
        double m = 0;    // their mean, minus shift
        double m2 = 0;   // sum of squared deviations from m
        for (int i = 0; i < n; i++) {
            int wantLo = Math.max(0, i - behind);
            int wantHi = Math.min(n, i + ahead + 1);
            while (lo < wantLo) {            // remove x[lo] first, so that the window never grows past its length
                double v = x[lo++] - shift;
                if (k <= 2) {                // one value (x[lo]) or none left: exact
                    k--;
                    m = k == 1 ? x[lo] - shift : 0;
                    m2 = 0;
                } else {
                    double before = m;
                    k--;
                    m -= (v - m) / k;
                    m2 -= (v - before) * (v - m);
                }
            }
            while (hi < wantHi) {            // add x[hi]
                double v = x[hi++] - shift;
                k++;
                double d = v - m;
                m += d / k;
                m2 += d * (v - m);
            }
            if (i % RESYNC == RESYNC - 1) {  // exact two-pass re-summation of the current window
                double s = 0;
                for (int j = lo; j < hi; j++) {
                    s += x[j];
                }
                shift = s / k;
                m = 0;
                double q = 0;
                double c = 0;
                for (int j = lo; j < hi; j++) {
                    double d = x[j] - shift;
                    q += d * d;
                    c += d;
                }
                m = c / k;                   // the rounding left in the mean, relative to the new shift
                m2 = Math.max(0, q - c * m);
            }
            mean[i] = shift + m;
            std[i] = Math.sqrt(Math.max(0, m2) / k);
            count[i] = (int) k;
        }
        return new Rolling(mean, std, count);
    }
}
