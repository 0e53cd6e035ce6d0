package org.quire.compute;

/**
 * Compensated (Kahan-Babu&scaron;ka-Neumaier) summation: a running sum plus a running correction that
 * holds the low-order bits lost by each addition. The error is about one rounding of the result plus
 * {@code n u^2 sum|x|} ({@code u} = 2^-53), instead of {@code n u sum|x|} for plain summation.
 * Infinities and NaN propagate as in plain summation. Mutable, not thread-safe.
 */
public final class NeumaierSum {

    private double sum;
    private double compensation;

    /** An empty sum (value 0). */
    public NeumaierSum() {
    }

    /** Adds one term; returns this. */
    public NeumaierSum add(double x) {
        double t = sum + x;
        if (Math.abs(sum) >= Math.abs(x)) {
            compensation += (sum - t) + x;
        } else {
            compensation += (x - t) + sum;
        }
        sum = t;
        return this;
    }

    /** Adds all terms of {@code values[from, to)} in index order; returns this. */
    public NeumaierSum addAll(double[] values, int from, int to) {
        java.util.Objects.checkFromToIndex(from, to, values.length);
        for (int i = from; i < to; i++) {
            add(values[i]);
        }
        return this;
    }

    /** Adds another compensated sum (its sum with compensation, then its correction); returns this. */
    public NeumaierSum add(NeumaierSum other) {
        double otherCompensation = other.compensation;
        add(other.sum);
        compensation += otherCompensation;
        return this;
    }

    /** The compensated value: sum plus correction (just the sum once it is infinite or NaN). */
    public double value() {
        return Double.isFinite(sum) ? sum + compensation : sum;
    }

    @Override
    public String toString() {
        return Double.toString(value());
    }
}
