package org.quire.geometry.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** A buffered writer of ASCII text and little or big endian binary values. Not thread-safe. */
final class ByteSink implements Closeable {
    private static final int CAPACITY = 1 << 16;
    private final OutputStream out;
    private final byte[] buf = new byte[CAPACITY];
    private final ByteBuffer le = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer be = ByteBuffer.wrap(buf).order(ByteOrder.BIG_ENDIAN);
    private int pos;

    ByteSink(OutputStream out) {
        this.out = out;
    }

    private void room(int n) throws IOException {
        if (pos + n > CAPACITY) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }

    /** Writes ASCII text (characters above 255 become '?'). */
    ByteSink text(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length > CAPACITY) {
            room(CAPACITY);
            out.write(b);
            return this;
        }
        room(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    /** Writes one ASCII character. */
    ByteSink ch(char c) throws IOException {
        room(1);
        buf[pos++] = (byte) c;
        return this;
    }

    private static final double[] POW10 = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9 };

    /**
     * Writes a double so that it reads back to the same value. Fast path: the fewest decimals k &le; 9 such that
     * {@code m = rint(v 10^k)} satisfies {@code m / 10^k == v} with |m| &lt; 2^53 is written as the fixed-point decimal
     * m 10^-k (which a correctly rounding parser returns as exactly v); other values use {@link Double#toString}.
     */
    ByteSink number(double v) throws IOException {
        double a = Math.abs(v);
        if (v == 0 && 1 / v < 0) {
            return text("-0.0");
        }
        if (a < 1e15 && (a >= 1e-6 || v == 0)) {
            for (int k = 0; k < POW10.length; k++) {
                double m = Math.rint(v * POW10[k]);
                if (Math.abs(m) < 9.007199254740992E15 && m / POW10[k] == v) {
                    return fixed((long) m, k);
                }
            }
        }
        return text(Double.toString(v));
    }

    /** Writes m 10^-k as a fixed-point decimal. */
    private ByteSink fixed(long m, int k) throws IOException {
        if (k == 0) {
            return integer(m);
        }
        if (m < 0) {
            ch('-');
            m = -m;
        }
        room(24);
        int start = pos;
        int digits = 0;
        do {
            buf[pos++] = (byte) ('0' + m % 10);
            m /= 10;
            digits++;
            if (digits == k) {
                buf[pos++] = '.';
                if (m == 0) {
                    buf[pos++] = '0';
                }
            }
        } while (m != 0 || digits < k);
        for (int i = start, j = pos - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    /** Writes an integer in decimal. */
    ByteSink integer(long v) throws IOException {
        if (v < 0) {
            ch('-');
            if (v == Long.MIN_VALUE) {
                return text("9223372036854775808");
            }
            v = -v;
        }
        room(20);
        int start = pos;
        do {
            buf[pos++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        for (int i = start, j = pos - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    ByteSink f32(float v, boolean little) throws IOException {
        room(4);
        (little ? le : be).putFloat(pos, v);
        pos += 4;
        return this;
    }

    ByteSink f64(double v, boolean little) throws IOException {
        room(8);
        (little ? le : be).putDouble(pos, v);
        pos += 8;
        return this;
    }

    ByteSink i32(int v, boolean little) throws IOException {
        room(4);
        (little ? le : be).putInt(pos, v);
        pos += 4;
        return this;
    }

    ByteSink u16(int v, boolean little) throws IOException {
        room(2);
        (little ? le : be).putShort(pos, (short) v);
        pos += 2;
        return this;
    }

    ByteSink u8(int v) throws IOException {
        room(1);
        buf[pos++] = (byte) v;
        return this;
    }

    /** Writes out the buffer. */
    void flush() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }
}
