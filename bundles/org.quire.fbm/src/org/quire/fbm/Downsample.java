package org.quire.fbm;

/** Picks at most {@value #MAX_POINTS} evenly spaced indices (always the first and last) for charts. */
final class Downsample {

    /** Most points per chart series. */
    static final int MAX_POINTS = 1000;

    private Downsample() {
    }

    /** Indices 0..length−1 thinned to at most {@value #MAX_POINTS}. */
    static int[] indices(int length) {
        int count = Math.min(length, MAX_POINTS);
        int[] idx = new int[count];
        for (int i = 0; i < count; i++) {
            idx[i] = count == 1 ? 0 : (int) Math.round((double) i * (length - 1) / (count - 1));
        }
        return idx;
    }

    /** values[idx[i]]. */
    static double[] take(double[] values, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = values[idx[i]];
        }
        return out;
    }
}
