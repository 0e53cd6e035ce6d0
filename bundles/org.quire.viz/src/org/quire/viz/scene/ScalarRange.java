package org.quire.viz.scene;

/**
 * The range of the scalars shown through the colour map, and what they are.
 *
 * @param min   smallest value (maps to the colour map's start)
 * @param max   largest value, {@code >= min} (maps to its end)
 * @param label what the values are, with unit, as the clouds name it
 */
public record ScalarRange(double min, double max, String label) {
    public ScalarRange {
        if (!Double.isFinite(min) || !Double.isFinite(max) || max < min) {
            throw new IllegalArgumentException("scalar range: expected finite min <= max, got " + min + ", " + max);
        }
    }
}
