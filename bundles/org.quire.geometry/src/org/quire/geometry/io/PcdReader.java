package org.quire.geometry.io;

import java.util.Locale;
import org.quire.api.InputException;

/**
 * Reads PCD v0.7 (and the v0.6 header without VIEWPOINT) with {@code DATA ascii}, {@code binary} or
 * {@code binary_compressed} (LZF, column-major). Fields {@code x y z} give positions, {@code normal_x normal_y normal_z}
 * normals and {@code rgb} or {@code rgba} colours (PCL packs them into the bits of a 4-byte field); other fields are
 * skipped. VIEWPOINT is checked but not applied (PCL does not apply it to the data either). Points with a non-finite
 * coordinate fail unless the reader is told to drop them (PCL marks invalid points of organised clouds with NaN).
 */
final class PcdReader {
    private static final int NONE = 0, X = 1, Y = 2, Z = 3, NX = 4, NY = 5, NZ = 6, RGB = 7;

    private PcdReader() {
    }

    private static final class Field {
        String name;
        int size = -1;
        char type;
        int count = 1;
        int role;
        PlyType ply;
        int offset;
        String label;
    }

    static RawGeometry read(ByteSource src, boolean dropNonFinite) throws InputException {
        Field[] fields = null;
        long width = -1, height = -1, points = -1;
        String data = null;
        long firstLine = src.line();
        int seen = 0;
        while (data == null) {
            long lineNo = src.line();
            String l = src.readLine();
            if (l == null) {
                throw new InputException(src.file(), lineNo, lineNo == firstLine ? "empty file; expected a PCD header"
                        : "file ends inside the header; expected a DATA line");
            }
            String t = l.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] w = t.split("\\s+");
            String key = w[0].toUpperCase(Locale.ROOT);
            try {
                switch (key) {
                case "VERSION":
                    break;
                case "FIELDS":
                    fields = new Field[w.length - 1];
                    for (int i = 1; i < w.length; i++) {
                        fields[i - 1] = new Field();
                        fields[i - 1].name = w[i];
                    }
                    break;
                case "SIZE":
                    need(src, lineNo, fields, w, "SIZE");
                    for (int i = 1; i < w.length; i++) {
                        int s = Integer.parseInt(w[i]);
                        if (s != 1 && s != 2 && s != 4 && s != 8) {
                            throw new InputException(src.file(), lineNo, "SIZE " + s + " of field " + fields[i - 1].name
                                    + "; expected 1, 2, 4 or 8");
                        }
                        fields[i - 1].size = s;
                    }
                    break;
                case "TYPE":
                    need(src, lineNo, fields, w, "TYPE");
                    for (int i = 1; i < w.length; i++) {
                        if (w[i].length() != 1 || "IUF".indexOf(w[i].toUpperCase(Locale.ROOT).charAt(0)) < 0) {
                            throw new InputException(src.file(), lineNo, "TYPE '" + w[i] + "' of field " + fields[i - 1].name
                                    + "; expected I, U or F");
                        }
                        fields[i - 1].type = w[i].toUpperCase(Locale.ROOT).charAt(0);
                    }
                    break;
                case "COUNT":
                    need(src, lineNo, fields, w, "COUNT");
                    for (int i = 1; i < w.length; i++) {
                        int c = Integer.parseInt(w[i]);
                        if (c < 1) {
                            throw new InputException(src.file(), lineNo, "COUNT " + c + " of field " + fields[i - 1].name
                                    + "; expected at least 1");
                        }
                        fields[i - 1].count = c;
                    }
                    break;
                case "WIDTH":
                    width = Long.parseLong(one(src, lineNo, w));
                    break;
                case "HEIGHT":
                    height = Long.parseLong(one(src, lineNo, w));
                    break;
                case "VIEWPOINT":
                    if (w.length != 8) {
                        throw new InputException(src.file(), lineNo, "expected 'VIEWPOINT tx ty tz qw qx qy qz' (7 numbers)");
                    }
                    for (int i = 1; i < 8; i++) {
                        Double.parseDouble(w[i]);
                    }
                    break;
                case "POINTS":
                    points = Long.parseLong(one(src, lineNo, w));
                    break;
                case "DATA":
                    data = one(src, lineNo, w).toLowerCase(Locale.ROOT);
                    if (!data.equals("ascii") && !data.equals("binary") && !data.equals("binary_compressed")) {
                        throw new InputException(src.file(), lineNo, "DATA '" + w[1]
                                + "'; expected ascii, binary or binary_compressed");
                    }
                    break;
                default:
                    throw new InputException(src.file(), lineNo, "unexpected header line '" + PlyReader.abbreviate(t)
                            + "'; expected VERSION, FIELDS, SIZE, TYPE, COUNT, WIDTH, HEIGHT, VIEWPOINT, POINTS or DATA");
                }
            } catch (NumberFormatException e) {
                throw new InputException(src.file(), lineNo, "bad number in '" + PlyReader.abbreviate(t) + "': " + e.getMessage());
            }
            seen++;
        }
        long dataLine = src.line() - 1;
        if (fields == null) {
            throw new InputException(src.file(), dataLine, "no FIELDS line before DATA");
        }
        if (width < 0 || height < 0) {
            throw new InputException(src.file(), dataLine, "WIDTH and HEIGHT (non-negative) expected before DATA");
        }
        if (points < 0) {
            points = width * height;
        }
        if (points != width * height) {
            throw new InputException(src.file(), dataLine, "POINTS " + points + " differs from WIDTH x HEIGHT = " + width
                    + " x " + height + "; expected them equal");
        }
        if (points > Integer.MAX_VALUE / 3) {
            throw new InputException(src.file(), dataLine, "POINTS " + points + " larger than supported");
        }
        boolean[] has = new boolean[RGB + 1];
        int stride = 0;
        for (Field f : fields) {
            if (f.size < 0 || f.type == 0) {
                throw new InputException(src.file(), dataLine, "field " + f.name + " has no SIZE or TYPE; expected both");
            }
            f.ply = plyType(f);
            if (f.ply == null) {
                throw new InputException(src.file(), dataLine, "field " + f.name + " has TYPE " + f.type + " SIZE " + f.size
                        + "; expected I/U of size 1, 2, 4 or F of size 4, 8");
            }
            f.offset = stride;
            stride += f.size * f.count;
            f.role = role(f.name);
            f.label = f.name + (f.count > 1 ? "[]" : "") + " of point ";
            if (f.role != NONE && (f.count != 1 || has[f.role])) {
                f.role = NONE;
            }
            if (f.role == RGB && f.size != 4) {
                f.role = NONE;
            }
            if (f.role != NONE) {
                has[f.role] = true;
            }
        }
        for (int r = X; r <= Z; r++) {
            if (!has[r]) {
                throw new InputException(src.file(), dataLine, "no field '" + "xyz".charAt(r - X) + "'; expected x, y and z in FIELDS");
            }
        }
        boolean normals = has[NX] && has[NY] && has[NZ];
        boolean colours = has[RGB];
        for (Field f : fields) {
            if (!normals && f.role >= NX && f.role <= NZ) {
                f.role = NONE;
            }
        }
        int n = (int) points;
        Sink sink = new Sink(n, normals, colours, dropNonFinite);
        switch (data) {
        case "ascii":
            readAscii(src, fields, n, sink);
            break;
        case "binary":
            readBinary(src, fields, stride, n, sink);
            break;
        default:
            readCompressed(src, fields, stride, n, sink);
            break;
        }
        return sink.result();
    }

    private static void need(ByteSource src, long lineNo, Field[] fields, String[] w, String key) throws InputException {
        if (fields == null) {
            throw new InputException(src.file(), lineNo, key + " before FIELDS; expected FIELDS first");
        }
        if (w.length - 1 != fields.length) {
            throw new InputException(src.file(), lineNo, key + " has " + (w.length - 1) + " entries; expected one per field ("
                    + fields.length + ")");
        }
    }

    private static String one(ByteSource src, long lineNo, String[] w) throws InputException {
        if (w.length != 2) {
            throw new InputException(src.file(), lineNo, "expected '" + w[0] + " <value>'");
        }
        return w[1];
    }

    private static PlyType plyType(Field f) {
        switch (f.type) {
        case 'F': return f.size == 4 ? PlyType.FLOAT : f.size == 8 ? PlyType.DOUBLE : null;
        case 'I': return f.size == 1 ? PlyType.CHAR : f.size == 2 ? PlyType.SHORT : f.size == 4 ? PlyType.INT : null;
        default: return f.size == 1 ? PlyType.UCHAR : f.size == 2 ? PlyType.USHORT : f.size == 4 ? PlyType.UINT : null;
        }
    }

    private static int role(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
        case "x": return X;
        case "y": return Y;
        case "z": return Z;
        case "normal_x": return NX;
        case "normal_y": return NY;
        case "normal_z": return NZ;
        case "rgb": case "rgba": return RGB;
        default: return NONE;
        }
    }

    /** Collects points, dropping or rejecting non-finite ones. */
    private static final class Sink {
        final boolean dropNonFinite;
        double[] xyz;
        double[] normals;
        int[] rgb;
        int count;
        final double[] p = new double[3];
        final double[] q = new double[3];
        int colour;

        Sink(int n, boolean normals, boolean colours, boolean dropNonFinite) {
            this.dropNonFinite = dropNonFinite;
            xyz = new double[3 * n];
            this.normals = normals ? new double[3 * n] : null;
            rgb = colours ? new int[n] : null;
        }

        /** Stores the point in p/q/colour; returns a description of the bad coordinate, or null. */
        String commit() {
            for (int d = 0; d < 3; d++) {
                if (!Double.isFinite(p[d])) {
                    if (dropNonFinite) {
                        return null;
                    }
                    return "coordinate " + "xyz".charAt(d) + " is " + p[d];
                }
            }
            System.arraycopy(p, 0, xyz, 3 * count, 3);
            if (normals != null) {
                System.arraycopy(q, 0, normals, 3 * count, 3);
            }
            if (rgb != null) {
                rgb[count] = colour & 0xffffff;
            }
            count++;
            return null;
        }

        RawGeometry result() {
            if (count * 3 < xyz.length) {
                xyz = java.util.Arrays.copyOf(xyz, 3 * count);
                normals = normals == null ? null : java.util.Arrays.copyOf(normals, 3 * count);
                rgb = rgb == null ? null : java.util.Arrays.copyOf(rgb, count);
            }
            return new RawGeometry(xyz, normals, rgb, null);
        }
    }

    private static void store(Sink s, Field f, double v, int bits) {
        switch (f.role) {
        case X: case Y: case Z:
            s.p[f.role - X] = v;
            break;
        case NX: case NY: case NZ:
            s.q[f.role - NX] = v;
            break;
        case RGB:
            s.colour = bits;
            break;
        default:
            break;
        }
    }

    private static void readAscii(ByteSource src, Field[] fields, int n, Sink sink) throws InputException {
        for (int i = 0; i < n; i++) {
            if (!src.skipWhitespace()) {
                throw src.error("file ends after " + i + " of the " + n + " declared points");
            }
            long line = src.line();
            for (Field f : fields) {
                for (int c = 0; c < f.count; c++) {
                    if (f.role == RGB) {
                        if (src.readToken() == 0) {
                            throw src.error("expected " + f.label + i + ", found the end of the line");
                        }
                        long asInt = Numbers.parseLong(src.tokenBytes(), src.tokenLength());
                        if (asInt != Long.MIN_VALUE && asInt >= 0 && asInt <= 0xffffffffL && f.type == 'F'
                                && !containsAny(src, ".eE")) {
                            store(sink, f, 0, (int) asInt);
                        } else {
                            double v = Numbers.parseDouble(src.tokenBytes(), src.tokenLength());
                            if (Numbers.failed(v, src.tokenBytes(), src.tokenLength())) {
                                throw src.error("expected a number for " + f.label + i + ", found '" + src.tokenText() + "'");
                            }
                            store(sink, f, 0, f.type == 'F' ? Float.floatToRawIntBits((float) v) : (int) (long) v);
                        }
                    } else {
                        double v = src.nextDouble(f.label, i);
                        store(sink, f, v, 0);
                    }
                }
            }
            src.endLine(fields.length, "fields of point ", i);
            String bad = sink.commit();
            if (bad != null) {
                throw new InputException(src.file(), line, "point " + i + ": " + bad + "; expected finite coordinates");
            }
        }
        if (src.skipWhitespace()) {
            src.readToken();
            throw src.error("expected the end of the file after the declared " + n + " points, found '" + src.tokenText()
                    + "' (wrong POINTS?)");
        }
    }

    private static boolean containsAny(ByteSource src, String chars) {
        byte[] b = src.tokenBytes();
        for (int i = 0; i < src.tokenLength(); i++) {
            if (chars.indexOf(b[i]) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static void readBinary(ByteSource src, Field[] fields, int stride, int n, Sink sink) throws InputException {
        for (int i = 0; i < n; i++) {
            long off = src.offset();
            src.require(stride, "point ", i, " of " + n);
            for (Field f : fields) {
                for (int c = 0; c < f.count; c++) {
                    if (f.role == NONE) {
                        src.readBinary(f.ply, true);
                    } else if (f.role == RGB) {
                        store(sink, f, 0, src.readInt(true));
                    } else {
                        store(sink, f, src.readBinary(f.ply, true), 0);
                    }
                }
            }
            String bad = sink.commit();
            if (bad != null) {
                throw src.binaryError(off, "point " + i + ": " + bad + "; expected finite coordinates");
            }
        }
        long off = src.offset();
        long extra = src.countTrailingNonBlank();
        if (extra > 0) {
            throw src.binaryError(off, extra + " bytes after the declared " + n + " points; expected the end of the file (wrong POINTS?)");
        }
    }

    private static void readCompressed(ByteSource src, Field[] fields, int stride, int n, Sink sink) throws InputException {
        long off = src.offset();
        src.require(8, "the compressed and uncompressed sizes (2 x uint32)");
        long csize = src.readInt(true) & 0xffffffffL;
        long usize = src.readInt(true) & 0xffffffffL;
        if (usize != (long) stride * n) {
            throw src.binaryError(off, "uncompressed size " + usize + "; expected " + stride + " bytes x " + n + " points = "
                    + (long) stride * n);
        }
        if (csize > Integer.MAX_VALUE - 16) {
            throw src.binaryError(off, "compressed size " + csize + " larger than supported");
        }
        byte[] comp = new byte[(int) csize];
        for (int k = 0; k < comp.length; k++) {
            if (k % 4096 == 0) {
                src.require(Math.min(4096, comp.length - k), "compressed data (" + csize + " bytes)");
            }
            comp[k] = (byte) src.readUnsignedByte();
        }
        byte[] raw = new byte[(int) usize];
        int got = Lzf.decompress(comp, raw);
        if (got != raw.length) {
            throw src.binaryError(off + 8, "LZF data decompressed to " + got + " bytes; expected " + raw.length);
        }
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        // column-major: all values of field 0 (with its count), then field 1, ...
        long[] start = new long[fields.length];
        long acc = 0;
        for (int k = 0; k < fields.length; k++) {
            start[k] = acc;
            acc += (long) fields[k].size * fields[k].count * n;
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < fields.length; k++) {
                Field f = fields[k];
                if (f.role == NONE) {
                    continue;
                }
                int at = (int) (start[k] + (long) i * f.size);
                if (f.role == RGB) {
                    store(sink, f, 0, bb.getInt(at));
                } else {
                    store(sink, f, value(bb, at, f.ply), 0);
                }
            }
            String bad = sink.commit();
            if (bad != null) {
                throw src.binaryError(off + 8, "point " + i + " (compressed block): " + bad + "; expected finite coordinates");
            }
        }
    }

    private static double value(java.nio.ByteBuffer b, int at, PlyType t) {
        switch (t) {
        case CHAR: return b.get(at);
        case UCHAR: return b.get(at) & 0xff;
        case SHORT: return b.getShort(at);
        case USHORT: return b.getShort(at) & 0xffff;
        case INT: return b.getInt(at);
        case UINT: return b.getInt(at) & 0xffffffffL;
        case FLOAT: return b.getFloat(at);
        default: return b.getDouble(at);
        }
    }
}
