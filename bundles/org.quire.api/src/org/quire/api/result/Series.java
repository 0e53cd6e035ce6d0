package org.quire.api.result;

import java.util.Objects;

/**
 * A named sequence of (x, y) points, optionally with a band [low, high] around y (for example a
 * quantile band across seeds). Arrays are copied on the way in and out.
 *
 * @param name label in legends and the column prefix in CSV
 * @param x    abscissae
 * @param y    ordinates, same length as x
 * @param low  lower band, same length, or null
 * @param high upper band, same length, or null (both or neither)
 */
public record Series(String name, double[] x, double[] y, double[] low, double[] high) {
    public Series {
        Objects.requireNonNull(name, "series name");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': x has " + x.length + " points, y has " + y.length);
        }
        if ((low == null) != (high == null)) {
            throw new IllegalArgumentException("series '" + name + "': give both band arrays or neither");
        }
        if (low != null && (low.length != x.length || high.length != x.length)) {
            throw new IllegalArgumentException("series '" + name + "': band arrays must have " + x.length + " points");
        }
        x = x.clone();
        y = y.clone();
        low = low == null ? null : low.clone();
        high = high == null ? null : high.clone();
    }

    /** A series without a band. */
    public static Series of(String name, double[] x, double[] y) {
        return new Series(name, x, y, null, null);
    }

    /** A series with y against 0, 1, 2, .... */
    public static Series indexed(String name, double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return new Series(name, x, y, null, null);
    }

    /** Number of points. */
    public int size() {
        return x.length;
    }

    /** Whether the series carries a band. */
    public boolean hasBand() {
        return low != null;
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public double[] low() {
        return low == null ? null : low.clone();
    }

    @Override
    public double[] high() {
        return high == null ? null : high.clone();
    }

    /** The i-th abscissa, without copying. */
    public double xAt(int i) {
        return x[i];
    }

    /** The i-th ordinate, without copying. */
    public double yAt(int i) {
        return y[i];
    }

    /** The i-th lower band value, without copying (band required). */
    public double lowAt(int i) {
        return low[i];
    }

    /** The i-th upper band value, without copying (band required). */
    public double highAt(int i) {
        return high[i];
    }
}
