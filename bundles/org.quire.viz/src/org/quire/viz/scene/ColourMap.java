package org.quire.viz.scene;

import java.util.Arrays;

/**
 * A perceptually ordered colour map: a few anchor colours, evenly spaced on [0, 1], with linear
 * interpolation in sRGB between neighbours. Immutable and thread-safe.
 */
public final class ColourMap {

    /**
     * A viridis-like map (dark purple, blue, green, yellow): nine anchors read off matplotlib's viridis at
     * 0, 1/8, ..., 1, interpolated linearly. Monotone in lightness, readable in grey and for the common
     * colour-vision deficiencies.
     */
    public static final ColourMap VIRIDIS = new ColourMap("viridis", 0x440154, 0x472c7a, 0x3b528b, 0x2c728e, 0x21918c,
            0x28ae80, 0x5ec962, 0xaddc30, 0xfde725);

    private final String name;
    private final int[] anchors;

    /**
     * @param name    short name, for messages
     * @param anchors at least two colours as 0xRRGGBB, for t = 0 to t = 1
     */
    public ColourMap(String name, int... anchors) {
        if (anchors == null || anchors.length < 2) {
            throw new IllegalArgumentException("colour map '" + name + "': at least two anchor colours expected");
        }
        this.name = name;
        this.anchors = anchors.clone();
        for (int i = 0; i < this.anchors.length; i++) {
            this.anchors[i] &= 0xFFFFFF;
        }
    }

    /** The map's name. */
    public String name() {
        return name;
    }

    /** The anchor colours as 0xRRGGBB, from t = 0 to t = 1. */
    public int[] anchors() {
        return anchors.clone();
    }

    /**
     * The colour at {@code t}, clamped to [0, 1], as 0xRRGGBB.
     *
     * @throws IllegalArgumentException when t is NaN
     */
    public int rgb(double t) {
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("colour map '" + name + "': position is NaN");
        }
        double c = Math.max(0, Math.min(1, t));
        double pos = c * (anchors.length - 1);
        int i = Math.min((int) Math.floor(pos), anchors.length - 2);
        double f = pos - i;
        int a = anchors[i];
        int b = anchors[i + 1];
        return (mix(a >> 16, b >> 16, f) << 16) | (mix(a >> 8, b >> 8, f) << 8) | mix(a, b, f);
    }

    /**
     * The colour of {@code value} on the range [min, max] (min maps to 0, max to 1; values outside are clamped);
     * when min == max every value maps to the middle colour.
     */
    public int rgb(double value, double min, double max) {
        if (!(max > min)) {
            return rgb(0.5);
        }
        return rgb((value - min) / (max - min));
    }

    private static int mix(int a, int b, double f) {
        int x = a & 0xFF;
        int y = b & 0xFF;
        return (int) Math.round(x + (y - x) * f);
    }

    @Override
    public String toString() {
        return "ColourMap[" + name + ", " + Arrays.toString(anchors) + "]";
    }
}
