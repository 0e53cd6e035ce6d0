package org.quire.geometry.io;

import java.nio.charset.StandardCharsets;

/**
 * Decimal number parsing from ASCII bytes. Doubles are correctly rounded: short decimals take Clinger's exact fast path
 * (at most 15 significant digits and a power of ten up to 22), everything else goes through
 * {@link Double#parseDouble(String)}.
 */
final class Numbers {
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private Numbers() {
    }

    /** Parses b[0..len); returns NaN for invalid text as well (use {@link #failed} to tell them apart). */
    static double parseDouble(byte[] b, int len) {
        int i = 0;
        boolean neg = false;
        if (i < len && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        long mant = 0;
        int nd = 0;
        int exp10 = 0;
        boolean digits = false;
        boolean inexact = false;
        while (i < len && b[i] >= '0' && b[i] <= '9') {
            int d = b[i] - '0';
            digits = true;
            if (mant == 0 && d == 0) {
                // leading zero
            } else if (nd < 18) {
                mant = mant * 10 + d;
                nd++;
            } else {
                exp10++;
                inexact |= d != 0;
            }
            i++;
        }
        if (i < len && b[i] == '.') {
            i++;
            while (i < len && b[i] >= '0' && b[i] <= '9') {
                int d = b[i] - '0';
                digits = true;
                if (mant == 0 && d == 0) {
                    exp10--;
                } else if (nd < 18) {
                    mant = mant * 10 + d;
                    nd++;
                    exp10--;
                } else {
                    inexact |= d != 0;
                }
                i++;
            }
        }
        if (!digits) {
            return special(b, len);
        }
        if (i < len && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean eneg = false;
            if (i < len && (b[i] == '-' || b[i] == '+')) {
                eneg = b[i] == '-';
                i++;
            }
            int e = 0;
            boolean edigits = false;
            while (i < len && b[i] >= '0' && b[i] <= '9') {
                if (e < 100000) {
                    e = e * 10 + (b[i] - '0');
                }
                edigits = true;
                i++;
            }
            if (!edigits) {
                return Double.NaN;
            }
            exp10 += eneg ? -e : e;
        }
        if (i != len) {
            return Double.NaN;
        }
        if (mant == 0) {
            return neg ? -0.0 : 0.0;
        }
        if (!inexact && nd <= 15 && exp10 >= -22 && exp10 <= 22) {
            double v = exp10 >= 0 ? mant * POW10[exp10] : mant / POW10[-exp10];
            return neg ? -v : v;
        }
        return Double.parseDouble(new String(b, 0, len, StandardCharsets.ISO_8859_1));
    }

    private static double special(byte[] b, int len) {
        String s = new String(b, 0, len, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        switch (s) {
        case "nan": case "+nan": case "-nan": case "nan(ind)": case "-nan(ind)":
            return Double.NaN;
        case "inf": case "+inf": case "infinity": case "+infinity":
            return Double.POSITIVE_INFINITY;
        case "-inf": case "-infinity":
            return Double.NEGATIVE_INFINITY;
        default:
            return Double.NaN;
        }
    }

    /** True when {@code v} (from {@link #parseDouble}) is NaN because the text was not a number at all. */
    static boolean failed(double v, byte[] b, int len) {
        if (!Double.isNaN(v)) {
            return false;
        }
        String s = new String(b, 0, len, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        return !s.contains("nan");
    }

    /** Parses a decimal integer; {@link Long#MIN_VALUE} for invalid text. Accepts "7.0"-style integral decimals too. */
    static long parseLong(byte[] b, int len) {
        return parseLong(b, 0, len);
    }

    /** As {@link #parseLong(byte[], int)} on b[from..len). */
    static long parseLong(byte[] b, int from, int len) {
        int i = from;
        boolean neg = false;
        if (i < len && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        if (i >= len) {
            return Long.MIN_VALUE;
        }
        long v = 0;
        int start = i;
        while (i < len && b[i] >= '0' && b[i] <= '9') {
            if (v > (Long.MAX_VALUE - 9) / 10) {
                return Long.MIN_VALUE;
            }
            v = v * 10 + (b[i] - '0');
            i++;
        }
        if (i == start) {
            return Long.MIN_VALUE;
        }
        if (i < len) {
            if (b[i] != '.') {
                return Long.MIN_VALUE;
            }
            for (i++; i < len; i++) {
                if (b[i] != '0') {
                    return Long.MIN_VALUE;
                }
            }
        }
        return neg ? -v : v;
    }
}
