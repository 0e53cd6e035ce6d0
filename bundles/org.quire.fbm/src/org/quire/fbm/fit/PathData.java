package org.quire.fbm.fit;

import java.util.List;

/**
 * Observed paths sharing one strictly increasing time grid: {@code values[p][i]} is path p at {@code times[i]}.
 * Immutable (arrays are copied on the way in and out).
 *
 * @param times  observation times, strictly increasing, at least 2
 * @param values one row per path, each as long as {@code times}, finite
 * @param names  one name per path (e.g. the CSV column names)
 */
public record PathData(double[] times, double[][] values, List<String> names) {

    public PathData {
        if (times.length < 2) {
            throw new IllegalArgumentException("need at least 2 observation times, got " + times.length);
        }
        if (values.length == 0 || values.length != names.size()) {
            throw new IllegalArgumentException("need at least one path and one name per path, got " + values.length
                    + " paths and " + names.size() + " names");
        }
        for (int i = 0; i < times.length; i++) {
            if (!Double.isFinite(times[i]) || (i > 0 && !(times[i] > times[i - 1]))) {
                throw new IllegalArgumentException("times must be finite and strictly increasing; time[" + i + "]=" + times[i]);
            }
        }
        double[][] copy = new double[values.length][];
        for (int p = 0; p < values.length; p++) {
            if (values[p].length != times.length) {
                throw new IllegalArgumentException("path " + p + " has " + values[p].length + " values, expected " + times.length);
            }
            for (int i = 0; i < times.length; i++) {
                if (!Double.isFinite(values[p][i])) {
                    throw new IllegalArgumentException("path " + p + " value " + i + " is not finite: " + values[p][i]);
                }
            }
            copy[p] = values[p].clone();
        }
        times = times.clone();
        values = copy;
        names = List.copyOf(names);
    }

    /** Equally spaced paths at times 0, 1, …, n−1 named {@code path1}, {@code path2}, …. */
    public static PathData equallySpaced(double[][] values) {
        double[] t = new double[values[0].length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i;
        }
        String[] names = new String[values.length];
        for (int p = 0; p < names.length; p++) {
            names[p] = "path" + (p + 1);
        }
        return new PathData(t, values, List.of(names));
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public double[][] values() {
        double[][] out = new double[values.length][];
        for (int p = 0; p < out.length; p++) {
            out[p] = values[p].clone();
        }
        return out;
    }

    /** Number of paths. */
    public int pathCount() {
        return values.length;
    }

    /** Number of observation times per path. */
    public int length() {
        return times.length;
    }

    /** Time i, without copying. */
    public double time(int i) {
        return times[i];
    }

    /** Path p at time i, without copying. */
    public double value(int p, int i) {
        return values[p][i];
    }

    /** Last time minus first time. */
    public double span() {
        return times[times.length - 1] - times[0];
    }

    /** Mean observation interval, span / (n − 1). */
    public double meanInterval() {
        return span() / (times.length - 1);
    }

    /** Whether all intervals equal the mean interval within 1e-9 relative. */
    public boolean equallySpacedTimes() {
        double mean = meanInterval();
        for (int i = 1; i < times.length; i++) {
            if (Math.abs(times[i] - times[i - 1] - mean) > 1e-9 * mean) {
                return false;
            }
        }
        return true;
    }
}
