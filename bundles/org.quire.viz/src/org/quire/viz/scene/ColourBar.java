package org.quire.viz.scene;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Where a picture's colour bar is and what it says. The bar's top pixel row shows the colour map at 1
 * ({@code max}), its bottom row at 0 ({@code min}), linearly in between.
 *
 * @param range  the values and their label
 * @param x      bar left, pixels
 * @param y      bar top, pixels
 * @param width  bar width, pixels
 * @param height bar height, pixels
 */
public record ColourBar(ScalarRange range, int x, int y, int width, int height) {

    /** The text shown at the bottom end. */
    public String minText() {
        return format(range.min());
    }

    /** The text shown at the top end. */
    public String maxText() {
        return format(range.max());
    }

    /**
     * A number with four significant digits, plain between 1e-3 and 1e5 in magnitude (trailing zeros dropped),
     * else in scientific notation; locale-independent.
     */
    public static String format(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            BigDecimal d = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros();
            return d.toPlainString();
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }
}
