package org.quire.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.util.List;

/**
 * The fixed series colours of Quire charts: the Okabe-Ito palette, which stays distinguishable for
 * the common forms of colour blindness. Series {@code i} gets {@code colors().get(i % 8)}; after
 * eight series the colours repeat with dashed, then dotted lines.
 */
public final class Palette {

    /** Okabe-Ito colours in the order series use them (blue, vermillion, bluish green, ...). */
    private static final List<Color> OKABE_ITO = List.of(
            new Color(0x0072B2), // blue
            new Color(0xD55E00), // vermillion
            new Color(0x009E73), // bluish green
            new Color(0xCC79A7), // reddish purple
            new Color(0xE69F00), // orange
            new Color(0x56B4E9), // sky blue
            new Color(0x000000), // black
            new Color(0xF0E442)); // yellow

    /** Line width of series lines, in Java2D units (pixels in PNG output). */
    public static final float LINE_WIDTH = 2.0f;

    private static final float[][] DASHES = { null, { 8f, 4f }, { 2f, 4f } };

    private Palette() {
    }

    /** The palette's colours, in series order. */
    public static List<Color> colors() {
        return OKABE_ITO;
    }

    /** The colour of series {@code index} (0-based, any non-negative index). */
    public static Color color(int index) {
        checkIndex(index);
        return OKABE_ITO.get(index % OKABE_ITO.size());
    }

    /** The line stroke of series {@code index}: solid for the first eight, then dashed, then dotted. */
    public static Stroke stroke(int index) {
        checkIndex(index);
        float[] dash = DASHES[(index / OKABE_ITO.size()) % DASHES.length];
        return dash == null
                ? new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    private static void checkIndex(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("series index must be >= 0, got " + index);
        }
    }
}
