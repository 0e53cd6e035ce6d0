package org.quire.compute;

import java.util.Arrays;

/**
 * Descriptive statistics of a sample. Immutable (arrays are copied in and out).
 *
 * @param count         number of values, &ge; 1
 * @param mean          arithmetic mean
 * @param sd            sample standard deviation (divisor {@code n - 1}); NaN when {@code count == 1}
 * @param min           smallest value
 * @param max           largest value
 * @param median        type-7 median
 * @param probabilities the probabilities of {@code quantiles}, each in [0, 1]
 * @param quantiles     type-7 quantiles (R's default) at {@code probabilities}
 */
public record Summary(int count, double mean, double sd, double min, double max, double median,
        double[] probabilities, double[] quantiles) {

    /** The probabilities {@link #of(double[])} uses: the quartiles. */
    private static final double[] QUARTILES = {0.25, 0.5, 0.75};

    public Summary {
        if (probabilities.length != quantiles.length) {
            throw new IllegalArgumentException("summary: " + probabilities.length + " probabilities but "
                    + quantiles.length + " quantiles");
        }
        probabilities = probabilities.clone();
        quantiles = quantiles.clone();
    }

    /**
     * Summary with quartiles (probabilities 0.25, 0.5, 0.75).
     *
     * @throws IllegalArgumentException when there are no values or one is NaN (naming its index)
     */
    public static Summary of(double[] values) {
        return of(values, QUARTILES);
    }

    /**
     * Summary with the quantiles at the given probabilities. Mean and sd use compensated sums, the sd from
     * the corrected two-pass formula {@code (sum d^2 - (sum d)^2 / n) / (n - 1)} with {@code d = x - mean}.
     *
     * @throws IllegalArgumentException when there are no values, one is NaN, or a probability is outside [0, 1]
     */
    public static Summary of(double[] values, double... probabilities) {
        double[] sorted = Numerics.sortedCopy(values);
        int n = sorted.length;
        double mean = Numerics.sum(values) / n;
        double sd = Double.NaN;
        if (n > 1) {
            NeumaierSum d = new NeumaierSum();
            NeumaierSum d2 = new NeumaierSum();
            for (double v : values) {
                double dev = v - mean;
                d.add(dev);
                d2.add(dev * dev);
            }
            double sumD = d.value();
            double variance = (d2.value() - sumD * sumD / n) / (n - 1);
            sd = Math.sqrt(Math.max(0.0, variance));
        }
        double[] q = new double[probabilities.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = Numerics.quantileOfSorted(sorted, probabilities[i]);
        }
        return new Summary(n, mean, sd, sorted[0], sorted[n - 1], Numerics.quantileOfSorted(sorted, 0.5),
                probabilities, q);
    }

    /**
     * The quantile at {@code probability}, which must be one of {@link #probabilities()}.
     *
     * @throws IllegalArgumentException naming the available probabilities otherwise
     */
    public double quantile(double probability) {
        for (int i = 0; i < probabilities.length; i++) {
            if (probabilities[i] == probability) {
                return quantiles[i];
            }
        }
        throw new IllegalArgumentException("no quantile at probability " + probability + " in this summary; it has "
                + Arrays.toString(probabilities));
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public double[] quantiles() {
        return quantiles.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Summary s && count == s.count && Double.compare(mean, s.mean) == 0
                && Double.compare(sd, s.sd) == 0 && Double.compare(min, s.min) == 0 && Double.compare(max, s.max) == 0
                && Double.compare(median, s.median) == 0 && Arrays.equals(probabilities, s.probabilities)
                && Arrays.equals(quantiles, s.quantiles);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Double.hashCode(mean) + Arrays.hashCode(probabilities)) + Arrays.hashCode(quantiles) + count;
    }

    @Override
    public String toString() {
        return "Summary[count=" + count + ", mean=" + mean + ", sd=" + sd + ", min=" + min + ", max=" + max
                + ", median=" + median + ", probabilities=" + Arrays.toString(probabilities) + ", quantiles="
                + Arrays.toString(quantiles) + "]";
    }
}
