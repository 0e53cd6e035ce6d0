package org.quire.workbench.parts;

import java.math.BigDecimal;
import java.util.Locale;

/** Number formatting for result views: six significant digits, trailing zeros dropped. */
final class Numbers {

    private Numbers() {
    }

    /**
     * {@code v} with six significant digits, e.g. {@code 0.123457}, {@code 1.5e-07}, {@code 42};
     * {@code NaN}, {@code Infinity} and {@code -Infinity} as Java writes them.
     */
    static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        if (abs >= 1e-4 && abs < 1e9) {
            BigDecimal d = new BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        }
        String s = String.format(Locale.ROOT, "%.5e", v);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
        int exponent = Integer.parseInt(s.substring(e + 1));
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
    }

    /** Seconds from nanoseconds with three decimals, e.g. {@code 1.234}. */
    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
