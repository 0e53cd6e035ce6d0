package org.quire.api.params;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One parameter of a schema. Immutable.
 *
 * @param name         record component name (the key in {@code --param name=value})
 * @param type         value type
 * @param label        label for forms
 * @param description  one sentence
 * @param unit         unit, empty when dimensionless
 * @param min          lower bound for numbers ({@code -Infinity} when open)
 * @param max          upper bound for numbers ({@code +Infinity} when open)
 * @param minExclusive whether {@code min} is excluded
 * @param maxExclusive whether {@code max} is excluded
 * @param defaultText  default as text
 * @param choices      allowed values for text and enums, empty when free
 */
public record ParameterSpec(String name, ParameterType type, String label, String description, String unit,
        double min, double max, boolean minExclusive, boolean maxExclusive, String defaultText, List<String> choices) {

    private static final Pattern REAL_TEXT =
            Pattern.compile("[+-]?((\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|inf|infinity|Infinity)");

    public ParameterSpec {
        choices = List.copyOf(choices);
    }

    /** Whether this parameter has numeric bounds. */
    public boolean isBounded() {
        return min != Double.NEGATIVE_INFINITY || max != Double.POSITIVE_INFINITY;
    }

    /** The range in interval notation, e.g. {@code (0, 1]}, or an empty string when unbounded or not numeric. */
    public String rangeText() {
        if (!isBounded() || !isNumeric()) {
            return "";
        }
        return (minExclusive ? "(" : "[") + number(min) + ", " + number(max) + (maxExclusive ? ")" : "]");
    }

    /** Whether the value is a number. */
    public boolean isNumeric() {
        return type == ParameterType.INTEGER || type == ParameterType.LONG || type == ParameterType.REAL;
    }

    private static String number(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Parses and checks a textual value.
     *
     * @return a boxed value of the component's Java type ({@code Integer}, {@code Long}, {@code Double},
     *         {@code Boolean}, {@code String}) or, for {@link ParameterType#CHOICE}, the constant's name
     * @throws ParameterException naming this parameter, the value and what was expected
     */
    public Object parse(String text) {
        if (text == null) {
            throw new ParameterException(name, "no value given");
        }
        String t = text.trim();
        Object value;
        switch (type) {
            case INTEGER -> value = parseWhole(t, Integer.MIN_VALUE, Integer.MAX_VALUE, "an integer").intValue();
            case LONG -> value = parseWhole(t, Long.MIN_VALUE, Long.MAX_VALUE, "an integer");
            case REAL -> {
                if (!REAL_TEXT.matcher(t).matches()) {
                    throw new ParameterException(name, "'" + text + "' is not a number");
                }
                value = t.toLowerCase(Locale.ROOT).contains("inf")
                        ? (t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                        : Double.parseDouble(t);
            }
            case BOOLEAN -> {
                String l = t.toLowerCase(Locale.ROOT);
                if (!l.equals("true") && !l.equals("false")) {
                    throw new ParameterException(name, "'" + text + "' is not a boolean (expected true or false)");
                }
                value = Boolean.valueOf(l);
            }
            case TEXT, CHOICE -> value = text;
            default -> throw new IllegalStateException(type.toString());
        }
        check(value);
        return value;
    }

    private Long parseWhole(String t, long lo, long hi, String what) {
        try {
            long v = Long.parseLong(t);
            if (v < lo || v > hi) {
                throw new ParameterException(name, "'" + t + "' does not fit in " + (hi == Integer.MAX_VALUE ? "a 32-bit" : "a 64-bit") + " integer");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ParameterException(name, "'" + t + "' is not " + what);
        }
    }

    /**
     * Checks a value of the right Java type against the range and choices.
     *
     * @throws ParameterException when out of range or not one of the choices
     */
    public void check(Object value) {
        if (isNumeric()) {
            double v = ((Number) value).doubleValue();
            boolean low = minExclusive ? v <= min : v < min;
            boolean high = maxExclusive ? v >= max : v > max;
            if (low || high) {
                throw new ParameterException(name, format(value) + " is out of range " + rangeText());
            }
        }
        if (!choices.isEmpty() && !choices.contains(String.valueOf(value))) {
            throw new ParameterException(name, "'" + value + "' is not one of " + String.join(", ", choices));
        }
    }

    /** Formats a value of this parameter as text that {@link #parse(String)} reads back to the same value. */
    public String format(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return String.valueOf(value);
    }
}
