package org.quire.viz.swt;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * Formats numbers for tooltips with six significant digits, plain for magnitudes from 1e-4 to 1e7
 * and in E notation beyond, independent of the default locale (for example {@code 0.333333},
 * {@code 1.5}, {@code 1.23457E-7}). Formatting only: parsing is not supported.
 */
final class ValueFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private static final MathContext SIX_DIGITS = new MathContext(6);

    /** The text for one value. */
    static String text(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(SIX_DIGITS).stripTrailingZeros();
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-4 && magnitude < 1e7) {
            return rounded.toPlainString();
        }
        return rounded.toString().replace("E+", "E");
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(text(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(text(number));
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        throw new UnsupportedOperationException("ValueFormat only formats numbers");
    }
}
