package org.quire.geometry.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.quire.api.InputException;

/**
 * A buffered byte reader over one input file for both text and binary formats: header lines, whitespace or
 * delimiter separated numeric tokens (with line numbers for errors) and little or big endian binary values (with byte
 * offsets for errors). Holds only a 64 KiB window of the file. Not thread-safe.
 */
final class ByteSource implements Closeable {
    private static final int CAPACITY = 1 << 16;
    private static final int MAX_TOKEN = 512;
    private static final int MAX_LINE = 1 << 20;

    private final InputStream in;
    private final Path file;
    private final byte[] buf = new byte[CAPACITY];
    private final ByteBuffer le = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer be = ByteBuffer.wrap(buf).order(ByteOrder.BIG_ENDIAN);
    private final byte[] tok = new byte[MAX_TOKEN];
    private int tokLen;
    private int pos, lim;
    private long base;
    private long line = 1;
    private boolean eof;
    private byte delimiter;
    private int comment = -1;
    private boolean pushedBack;

    ByteSource(InputStream in, Path file) {
        this.in = in;
        this.file = file;
    }

    /** The file named in errors. */
    Path file() {
        return file;
    }

    /** Offset of the next byte from the start of the (decompressed) stream. */
    long offset() {
        return base + pos;
    }

    /** 1-based number of the line the next byte belongs to. */
    long line() {
        return line;
    }

    /** Sets a field delimiter accepted between tokens in addition to blanks (0 for blanks only). */
    void delimiter(byte d) {
        delimiter = d;
    }

    /** Sets a character that starts a comment running to the end of the line (-1 for none). */
    void comment(int c) {
        comment = c;
    }

    /** Makes at least {@code need} bytes available unless the stream ends; returns whether they are. */
    private boolean fill(int need) throws InputException {
        if (lim - pos >= need) {
            return true;
        }
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            base += pos;
            lim -= pos;
            pos = 0;
        }
        try {
            while (lim - pos < need) {
                int r = in.read(buf, lim, CAPACITY - lim);
                if (r < 0) {
                    eof = true;
                    return false;
                }
                lim += r;
            }
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read at byte offset " + offset() + ": " + e.getMessage(), e);
        }
        return true;
    }

    /** The next byte (0..255) without consuming it, or -1 at the end. */
    int peek() throws InputException {
        if (pos < lim || fill(1)) {
            return buf[pos] & 0xff;
        }
        return -1;
    }

    /** Up to {@code n} (at most 4096) next bytes without consuming them; fewer near the end. */
    byte[] peekBytes(int n) throws InputException {
        fill(n);
        return java.util.Arrays.copyOfRange(buf, pos, pos + Math.min(n, lim - pos));
    }

    /** True when no byte is left. */
    boolean atEnd() throws InputException {
        return peek() < 0;
    }

    /**
     * The next line without its terminator ({@code \n} or {@code \r\n}), decoded as ISO-8859-1; null at the end.
     */
    String readLine() throws InputException {
        if (peek() < 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder(64);
        while (true) {
            int c = peek();
            if (c < 0) {
                break;
            }
            pos++;
            if (c == '\n') {
                line++;
                break;
            }
            if (sb.length() >= MAX_LINE) {
                throw error("line longer than " + MAX_LINE + " bytes; expected a text header line");
            }
            sb.append((char) c);
        }
        int n = sb.length();
        if (n > 0 && sb.charAt(n - 1) == '\r') {
            sb.setLength(n - 1);
        }
        return sb.toString();
    }

    /** Skips blanks (space, tab, CR) and one delimiter on the current line. */
    void skipBlanks() throws InputException {
        while (true) {
            int c = peek();
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == comment && c >= 0) {
                skipComment();
                return;
            } else {
                return;
            }
        }
    }

    /** Skips to just before the next newline. */
    private void skipComment() throws InputException {
        while (true) {
            if (pos >= lim && !fill(1)) {
                return;
            }
            if (buf[pos] == '\n') {
                return;
            }
            pos++;
        }
    }

    /** After blanks: true at a line end or at the end of the stream. */
    boolean atLineEnd() throws InputException {
        if (pushedBack) {
            return false;
        }
        skipBlanks();
        int c = peek();
        return c < 0 || c == '\n';
    }

    /**
     * Expects the end of the current line after {@code count} items of {@code what + index}; the message is built only
     * on failure.
     */
    void endLine(int count, String what, long index) throws InputException {
        if (!atLineEnd()) {
            readToken();
            throw error("expected the end of the line after " + (count == 1 ? "" : "the " + count + " ") + label(what, index)
                    + ", found '" + tokenText() + "'");
        }
        skipLine();
    }

    /** Consumes the rest of the current line including its newline; returns false when the stream ended first. */
    boolean skipLine() throws InputException {
        while (true) {
            if (pos >= lim && !fill(1)) {
                return false;
            }
            byte c = buf[pos++];
            if (c == '\n') {
                line++;
                return true;
            }
        }
    }

    /** Skips blank space including newlines; returns false at the end of the stream. */
    boolean skipWhitespace() throws InputException {
        while (true) {
            int c = peek();
            if (c < 0) {
                return false;
            }
            if (c == '\n') {
                line++;
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == comment) {
                skipComment();
            } else {
                return true;
            }
        }
    }

    /**
     * Expects the end of the current line (only blanks left) and consumes it.
     *
     * @param what what was being read, for the error
     */
    void endLine(String what) throws InputException {
        if (!atLineEnd()) {
            readToken();
            throw error("expected the end of the line after " + what + ", found '" + tokenText() + "'");
        }
        skipLine();
    }

    /**
     * Reads the next token on the current line (up to a blank, newline or the delimiter), consuming one following
     * delimiter. Returns its length, 0 when the line has no more tokens.
     */
    int readToken() throws InputException {
        if (pushedBack) {
            pushedBack = false;
            return tokLen;
        }
        skipBlanks();
        int n = 0;
        while (true) {
            if (pos >= lim && !fill(1)) {
                break;
            }
            byte c = buf[pos];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || (c == delimiter && delimiter != 0)
                    || c == comment) {
                break;
            }
            if (n == MAX_TOKEN) {
                throw error("token longer than " + MAX_TOKEN + " characters; expected a number");
            }
            tok[n++] = c;
            pos++;
        }
        tokLen = n;
        if (delimiter != 0) {
            skipBlanks();
            if (peek() == (delimiter & 0xff)) {
                pos++;
                if (n == 0) {
                    tokLen = 0;
                    throw error("empty field before '" + (char) delimiter + "'; expected a number");
                }
            }
        }
        return n;
    }

    /** Makes the next {@link #readToken()} return the last token again (once). */
    void pushBack() {
        pushedBack = true;
    }

    /** The internal buffer holding the last token (valid up to {@link #tokenLength()}). */
    byte[] tokenBytes() {
        return tok;
    }

    /** Length of the last token. */
    int tokenLength() {
        return tokLen;
    }

    /** True when the last token equals the ASCII string {@code s}. */
    boolean tokenIs(String s) {
        if (s.length() != tokLen) {
            return false;
        }
        for (int i = 0; i < tokLen; i++) {
            if (tok[i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The text of the last token read. */
    String tokenText() {
        return new String(tok, 0, tokLen, StandardCharsets.ISO_8859_1);
    }

    /** {@code what} followed by {@code index} (when &ge; 0): built only for error messages. */
    static String label(String what, long index) {
        return index < 0 ? what : what + index;
    }

    /** As {@link #nextDouble(String)} naming {@code what + index} in errors (no string is built unless it fails). */
    double nextDouble(String what, long index) throws InputException {
        if (readToken() == 0) {
            throw error("expected " + label(what, index) + ", found the end of the line");
        }
        double v = Numbers.parseDouble(tok, tokLen);
        if (Numbers.failed(v, tok, tokLen)) {
            throw error("expected a number for " + label(what, index) + ", found '" + tokenText() + "'");
        }
        return v;
    }

    /** As {@link #nextFinite(String)} naming {@code what + index} in errors. */
    double nextFinite(String what, long index) throws InputException {
        double v = nextDouble(what, index);
        if (!Double.isFinite(v)) {
            throw error("expected a finite number for " + label(what, index) + ", found '" + tokenText() + "'");
        }
        return v;
    }

    /** As {@link #nextLong(String, long, long)} naming {@code what + index} in errors. */
    long nextLong(String what, long index, long min, long max) throws InputException {
        if (readToken() == 0) {
            throw error("expected " + label(what, index) + ", found the end of the line");
        }
        long v = Numbers.parseLong(tok, tokLen);
        if (v == Long.MIN_VALUE) {
            throw error("expected an integer for " + label(what, index) + ", found '" + tokenText() + "'");
        }
        if (v < min || v > max) {
            throw error("expected " + label(what, index) + " in " + min + ".." + max + ", found " + v);
        }
        return v;
    }

    /** The next token as a double (not necessarily finite: "nan" and "inf" parse); errors name the line and {@code what}. */
    double nextDouble(String what) throws InputException {
        if (readToken() == 0) {
            throw error("expected " + what + ", found the end of the line");
        }
        double v = Numbers.parseDouble(tok, tokLen);
        if (Numbers.failed(v, tok, tokLen)) {
            throw error("expected a number for " + what + ", found '" + tokenText() + "'");
        }
        return v;
    }

    /** The next token as a finite double. */
    double nextFinite(String what) throws InputException {
        double v = nextDouble(what);
        if (!Double.isFinite(v)) {
            throw error("expected a finite number for " + what + ", found '" + tokenText() + "'");
        }
        return v;
    }

    /** The next token as an integer in [min, max]. */
    long nextLong(String what, long min, long max) throws InputException {
        if (readToken() == 0) {
            throw error("expected " + what + ", found the end of the line");
        }
        long v = Numbers.parseLong(tok, tokLen);
        if (v == Long.MIN_VALUE) {
            throw error("expected an integer for " + what + ", found '" + tokenText() + "'");
        }
        if (v < min || v > max) {
            throw error("expected " + what + " in " + min + ".." + max + ", found " + v);
        }
        return v;
    }

    /** A text-format error at the current line. */
    InputException error(String message) {
        return new InputException(file, line, message);
    }

    /** A binary-format error at the given byte offset. */
    InputException binaryError(long offset, String message) {
        return new InputException(file, 0, "byte offset " + offset + ": " + message);
    }

    // ---- binary ----

    /** Ensures {@code n} more bytes exist, else fails naming the offset and {@code what}. */
    void require(int n, String what) throws InputException {
        require(n, what, -1, "");
    }

    /** As {@link #require(int, String)} naming {@code what + index + after} (built only on failure). */
    void require(int n, String what, long index, String after) throws InputException {
        if (lim - pos < n && !fill(n)) {
            throw binaryError(offset(), "file ends (" + (lim - pos) + " bytes left); expected " + label(what, index) + after
                    + " (" + n + " bytes)");
        }
    }

    private ByteBuffer order(boolean little) {
        return little ? le : be;
    }

    /** One value of a binary scalar type, after {@link #require}: see {@link PlyType}. */
    double readBinary(PlyType t, boolean little) {
        ByteBuffer b = order(little);
        int p = pos;
        pos += t.size;
        switch (t) {
        case CHAR:
            return buf[p];
        case UCHAR:
            return buf[p] & 0xff;
        case SHORT:
            return b.getShort(p);
        case USHORT:
            return b.getShort(p) & 0xffff;
        case INT:
            return b.getInt(p);
        case UINT:
            return b.getInt(p) & 0xffffffffL;
        case FLOAT:
            return b.getFloat(p);
        case DOUBLE:
            return b.getDouble(p);
        default:
            throw new IllegalStateException(t.toString());
        }
    }

    /**
     * An integral binary value as long, after {@link #require}: every PLY scalar type up to UINT is exact as a double,
     * and FLOAT and DOUBLE truncate as a cast of their own value would.
     */
    long readBinaryLong(PlyType t, boolean little) {
        return (long) readBinary(t, little);
    }

    /** A little or big endian float, after {@link #require}. */
    float readFloat(boolean little) {
        float v = order(little).getFloat(pos);
        pos += 4;
        return v;
    }

    /** A little or big endian int, after {@link #require}. */
    int readInt(boolean little) {
        int v = order(little).getInt(pos);
        pos += 4;
        return v;
    }

    /** An unsigned little or big endian short, after {@link #require}. */
    int readUnsignedShort(boolean little) {
        int v = order(little).getShort(pos) & 0xffff;
        pos += 2;
        return v;
    }

    /** One byte, after {@link #require}. */
    int readUnsignedByte() {
        return buf[pos++] & 0xff;
    }

    /** Skips {@code n} bytes, failing with {@code what} when the stream ends first. */
    void skipBytes(long n, String what) throws InputException {
        while (n > 0) {
            int step = (int) Math.min(n, CAPACITY / 2);
            require(step, what);
            pos += step;
            n -= step;
        }
    }

    /**
     * Counts the remaining lines whose first non-blank character can start a number ({@code 0-9 + - .}); consumes the
     * stream. Used to size arrays exactly before a second, parsing pass.
     */
    long countNumericLines() throws InputException {
        long count = 0;
        boolean lineStart = true;
        while (true) {
            if (pos >= lim && !fill(1)) {
                return count;
            }
            byte c = buf[pos++];
            if (c == '\n') {
                lineStart = true;
            } else if (lineStart && c != ' ' && c != '\t' && c != '\r') {
                if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
                    count++;
                }
                lineStart = false;
            }
        }
    }

    /** Counts the remaining bytes that are not ASCII white space (consumes the stream). */
    long countTrailingNonBlank() throws InputException {
        long c = 0;
        while (true) {
            if (pos >= lim && !fill(1)) {
                return c;
            }
            byte b = buf[pos++];
            if (!(b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == 0)) {
                c++;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
