package org.quire.compute;

import java.util.Arrays;

/**
 * Small numeric helpers used across algorithm bundles: compensated sums and means, evenly spaced grids,
 * and quantiles as R computes them by default ({@code quantile(x, p, type = 7)}). Hipparchus's core
 * module has no descriptive statistics (they live in {@code hipparchus-stat}, which is not in the target
 * platform), hence these. Stateless and thread-safe; input arrays are never modified.
 */
public final class Numerics {

    private Numerics() {
    }

    /** The compensated ({@link NeumaierSum}) sum of the values; 0 for none. */
    public static double sum(double... values) {
        return new NeumaierSum().addAll(values, 0, values.length).value();
    }

    /** The compensated sum of {@code values[from, to)}. */
    public static double sum(double[] values, int from, int to) {
        return new NeumaierSum().addAll(values, from, to).value();
    }

    /**
     * The arithmetic mean (compensated sum divided by the count).
     *
     * @throws IllegalArgumentException when there are no values
     */
    public static double mean(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("mean of no values: expected at least one value");
        }
        return sum(values) / values.length;
    }

    /**
     * {@code n} evenly spaced points from {@code start} to {@code end}, both included (like NumPy's
     * {@code linspace}): {@code start + i (end - start) / (n - 1)}, the last point exactly {@code end};
     * {@code {start}} for {@code n == 1}, empty for {@code n == 0}.
     *
     * @throws IllegalArgumentException when {@code n < 0} or an end point is not finite
     */
    public static double[] linspace(double start, double end, int n) {
        checkGrid(start, end, n, "linspace");
        double[] out = new double[n];
        if (n == 0) {
            return out;
        }
        out[0] = start;
        if (n > 1) {
            double step = (end - start) / (n - 1);
            for (int i = 1; i < n - 1; i++) {
                out[i] = start + i * step;
            }
            out[n - 1] = end;
        }
        return out;
    }

    /**
     * {@code n} points evenly spaced on a log scale: {@code 10^e} for the exponents
     * {@code linspace(startExponent, endExponent, n)}, computed with {@link StrictMath#pow} (so integral
     * exponents give exact powers of ten where representable, identically on every platform).
     *
     * @throws IllegalArgumentException when {@code n < 0} or an exponent is not finite
     */
    public static double[] logspace(double startExponent, double endExponent, int n) {
        checkGrid(startExponent, endExponent, n, "logspace");
        double[] out = linspace(startExponent, endExponent, n);
        for (int i = 0; i < n; i++) {
            out[i] = StrictMath.pow(10.0, out[i]);
        }
        return out;
    }

    private static void checkGrid(double start, double end, int n, String what) {
        if (n < 0) {
            throw new IllegalArgumentException(what + ": n must be >= 0, was " + n);
        }
        if (!Double.isFinite(start) || !Double.isFinite(end)) {
            throw new IllegalArgumentException(what + ": end points must be finite, were " + start + " and " + end);
        }
    }

    /**
     * The type-7 quantile of the values (R's default and Excel's {@code PERCENTILE.INC}): with the values
     * sorted, {@code x[1..n]}, {@code index = 1 + (n - 1) p}, {@code lo = floor(index)},
     * {@code h = index - lo}, the result is {@code (1 - h) x[lo] + h x[lo + 1]} (just {@code x[lo]} when
     * {@code h == 0} or the two are equal), computed in the same order as R.
     *
     * @param probability in [0, 1]
     * @throws IllegalArgumentException when there are no values, a value is NaN, or the probability is outside [0, 1]
     */
    public static double quantile(double[] values, double probability) {
        return quantiles(values, probability)[0];
    }

    /**
     * Several type-7 quantiles (see {@link #quantile(double[], double)}), sorting once.
     *
     * @throws IllegalArgumentException when there are no values, a value is NaN, or a probability is outside [0, 1]
     */
    public static double[] quantiles(double[] values, double... probabilities) {
        double[] sorted = sortedCopy(values);
        double[] out = new double[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            out[i] = quantileOfSorted(sorted, probabilities[i]);
        }
        return out;
    }

    /** A sorted copy, rejecting empty input and NaN. */
    static double[] sortedCopy(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values: expected at least one value");
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException("values[" + i + "] is NaN: expected numbers only");
            }
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /** Type-7 quantile of non-empty, sorted, NaN-free values. */
    static double quantileOfSorted(double[] sorted, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability " + p + " is outside [0, 1]");
        }
        int n = sorted.length;
        double index = 1 + (n - 1) * p;
        double lo = Math.floor(index);
        double q = sorted[(int) lo - 1];
        if (index > lo) {
            double upper = sorted[(int) lo];
            if (upper != q) {
                double h = index - lo;
                q = (1 - h) * q + h * upper;
            }
        }
        return q;
    }

    /** A {@link Summary} with the quartiles; see {@link Summary#of(double[])}. */
    public static Summary summary(double... values) {
        return Summary.of(values);
    }
}
