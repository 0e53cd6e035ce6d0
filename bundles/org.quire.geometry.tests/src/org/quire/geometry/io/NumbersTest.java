package org.quire.geometry.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte-level number parser against {@link Double#parseDouble} (correct rounding) on many spellings. */
class NumbersTest {

    private static double parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return Numbers.parseDouble(b, b.length);
    }

    private static boolean failed(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return Numbers.failed(Numbers.parseDouble(b, b.length), b, b.length);
    }

    @Test
    void agreesWithJdkOnRandomValuesInManyFormats() {
        Random r = new Random(4);
        int checked = 0;
        for (int i = 0; i < 20_000; i++) {
            double v = switch (i % 4) {
            case 0 -> r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
            case 1 -> r.nextInt(2_000_000) - 1_000_000;
            case 2 -> Double.longBitsToDouble(r.nextLong());
            default -> r.nextDouble();
            };
            if (!Double.isFinite(v)) {
                continue;
            }
            String[] forms = { Double.toString(v), String.format(Locale.ROOT, "%.6f", v), String.format(Locale.ROOT, "%.9e", v),
                    String.format(Locale.ROOT, "%.17g", v), Float.toString((float) v) };
            for (String s : forms) {
                // plain comparison first: AssertJ per value would dominate the run time
                if (Double.doubleToLongBits(parse(s)) != Double.doubleToLongBits(Double.parseDouble(s))) {
                    assertThat(parse(s)).as(s).isEqualTo(Double.parseDouble(s));
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(75_000);
    }

    @Test
    void writtenNumbersReadBackExactly() throws Exception {
        Random r = new Random(8);
        double[] values = new double[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (i % 5) {
            case 0 -> r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
            case 1 -> (r.nextInt(2_000_000) - 1_000_000) / 1000.0;
            case 2 -> Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL) * (r.nextBoolean() ? 1 : -1);
            case 3 -> (float) r.nextGaussian();
            default -> r.nextInt(1000) * 0.001;
            };
        }
        values[0] = -0.0;
        values[1] = 0.0;
        values[2] = 1e-320;
        values[3] = Double.MAX_VALUE;
        values[4] = 0.1 + 0.2;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ByteSink sink = new ByteSink(bytes)) {
            for (double v : values) {
                sink.number(v).ch('\n');
            }
        }
        String[] lines = bytes.toString(StandardCharsets.ISO_8859_1).split("\n");
        assertThat(lines).hasSize(values.length);
        for (int i = 0; i < values.length; i++) {
            if (Double.doubleToRawLongBits(parse(lines[i])) != Double.doubleToRawLongBits(values[i])) {
                assertThat(parse(lines[i])).as("value %d written as %s", i, lines[i]).isEqualTo(values[i]);
            }
        }
        assertThat(lines[5 * 7 + 1]).doesNotContain("E");
        assertThat(lines[1]).isEqualTo("0");
        assertThat(lines[0]).isEqualTo("-0.0");
    }

    @Test
    void specialSpellings() {
        assertThat(parse("+1.5")).isEqualTo(1.5);
        assertThat(parse(".5")).isEqualTo(0.5);
        assertThat(parse("5.")).isEqualTo(5.0);
        assertThat(parse("1E3")).isEqualTo(1000.0);
        assertThat(parse("1e+03")).isEqualTo(1000.0);
        assertThat(Double.doubleToRawLongBits(parse("-0.0"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(parse("0.000000000000000000000000000001234")).isEqualTo(1.234e-30);
        assertThat(parse("123456789012345678901234567890")).isEqualTo(1.2345678901234568e29);
        assertThat(parse("inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(parse("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(parse("nan")).isNaN();
        assertThat(failed("nan")).isFalse();
        for (String bad : new String[] { "", "-", ".", "1e", "1.2.3", "1,5", "0x10", "1.5f", "e5", "--1", "abc" }) {
            assertThat(failed(bad)).as("'%s'", bad).isTrue();
        }
        byte[] b = "-42".getBytes(StandardCharsets.US_ASCII);
        assertThat(Numbers.parseLong(b, b.length)).isEqualTo(-42);
        byte[] c = "7.0".getBytes(StandardCharsets.US_ASCII);
        assertThat(Numbers.parseLong(c, c.length)).isEqualTo(7);
        byte[] d = "7.5".getBytes(StandardCharsets.US_ASCII);
        assertThat(Numbers.parseLong(d, d.length)).isEqualTo(Long.MIN_VALUE);
    }
}
