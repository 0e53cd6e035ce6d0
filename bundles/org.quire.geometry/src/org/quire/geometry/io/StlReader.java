package org.quire.geometry.io;

import java.nio.charset.StandardCharsets;
import org.quire.api.InputException;

/**
 * Reads STL, ASCII or binary, and welds corners with identical coordinates into shared vertices. Detection: a file is
 * binary when its size equals {@code 84 + 50 n} for the triangle count n stored at byte 80 (binary files may start
 * with "solid"); otherwise (or when the size is unknown, as in gzip) a file starting with "solid" whose first bytes
 * are printable text is ASCII, anything else binary.
 */
final class StlReader {
    private StlReader() {
    }

    static RawGeometry read(ByteSource src, long fileSize) throws InputException {
        if (src.atEnd()) {
            throw src.binaryError(0, "empty file; expected an STL header");
        }
        return isAscii(src, fileSize) ? ascii(src) : binary(src, fileSize);
    }

    private static boolean isAscii(ByteSource src, long fileSize) throws InputException {
        byte[] head = src.peekBytes(512);
        boolean solid = head.length >= 5
                && new String(head, 0, 5, StandardCharsets.ISO_8859_1).equalsIgnoreCase("solid");
        if (head.length >= 84 && fileSize >= 0) {
            long n = (head[80] & 0xffL) | (head[81] & 0xffL) << 8 | (head[82] & 0xffL) << 16 | (head[83] & 0xffL) << 24;
            if (fileSize == 84 + 50 * n) {
                return false;
            }
        }
        if (!solid) {
            return false;
        }
        for (byte b : head) {
            int c = b & 0xff;
            if (c < 9 || (c > 13 && c < 32) || c > 126) {
                return false;
            }
        }
        return true;
    }

    private static RawGeometry binary(ByteSource src, long fileSize) throws InputException {
        src.require(84, "the 80-byte header and the triangle count");
        src.skipBytes(80, "the header");
        long n = src.readInt(true) & 0xffffffffL;
        if (fileSize >= 0 && fileSize != 84 + 50 * n) {
            throw src.binaryError(80, "binary STL declares " + n + " triangles, so " + (84 + 50 * n)
                    + " bytes were expected; the file has " + fileSize + " bytes");
        }
        if (n > Integer.MAX_VALUE / 3) {
            throw src.binaryError(80, "triangle count " + n + " larger than supported");
        }
        VertexWelder w = new VertexWelder();
        int[] tri = new int[(int) (3 * n)];
        for (int t = 0; t < n; t++) {
            long off = src.offset();
            src.require(50, "triangle ", t, " of " + n);
            src.skipBytes(12, "normal");
            for (int k = 0; k < 3; k++) {
                double x = src.readFloat(true), y = src.readFloat(true), z = src.readFloat(true);
                if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
                    throw src.binaryError(off, "triangle " + t + ", corner " + k + " is (" + x + ", " + y + ", " + z
                            + "); expected finite coordinates");
                }
                tri[3 * t + k] = w.index(x, y, z);
            }
            src.readUnsignedShort(true);
        }
        if (fileSize < 0) {
            long off = src.offset();
            if (!src.atEnd()) {
                throw src.binaryError(off, "data after the declared " + n + " triangles; expected the end of the file");
            }
        }
        return new RawGeometry(w.vertices(), null, null, tri);
    }

    private static RawGeometry ascii(ByteSource src) throws InputException {
        VertexWelder w = new VertexWelder();
        IntList tri = new IntList(1 << 12);
        int[] poly = new int[3];
        boolean solids = false;
        while (src.skipWhitespace()) {
            expect(src, "solid", "'solid <name>'");
            solids = true;
            src.skipLine();
            while (true) {
                if (!src.skipWhitespace()) {
                    throw src.error("file ends inside a solid; expected 'facet normal' or 'endsolid'");
                }
                src.readToken();
                if (src.tokenIs("endsolid")) {
                    src.skipLine();
                    break;
                }
                if (!src.tokenIs("facet")) {
                    throw src.error("found '" + src.tokenText() + "'; expected 'facet normal nx ny nz' or 'endsolid'");
                }
                expect(src, "normal", "'normal' after 'facet'");
                for (int d = 0; d < 3; d++) {
                    src.nextDouble("a facet normal component", -1);
                }
                src.endLine("the facet normal");
                next(src, "outer loop");
                expect(src, "outer", "'outer loop'");
                expect(src, "loop", "'outer loop'");
                src.endLine("'outer loop'");
                int m = 0;
                while (true) {
                    next(src, "vertex or endloop");
                    src.readToken();
                    if (src.tokenIs("endloop")) {
                        src.endLine("'endloop'");
                        break;
                    }
                    if (!src.tokenIs("vertex")) {
                        throw src.error("found '" + src.tokenText() + "'; expected 'vertex x y z' or 'endloop'");
                    }
                    double x = src.nextFinite("vertex x"), y = src.nextFinite("vertex y"), z = src.nextFinite("vertex z");
                    src.endLine("a vertex");
                    if (m == poly.length) {
                        poly = java.util.Arrays.copyOf(poly, 2 * m);
                    }
                    poly[m++] = w.index(x, y, z);
                }
                if (m < 3) {
                    throw src.error("facet with " + m + " vertices; expected 3");
                }
                for (int j = 1; j + 1 < m; j++) {
                    tri.add(poly[0], poly[j], poly[j + 1]);
                }
                next(src, "endfacet");
                expect(src, "endfacet", "'endfacet'");
                src.skipLine();
            }
        }
        if (!solids) {
            throw src.error("no 'solid' found; expected an ASCII STL");
        }
        return new RawGeometry(w.vertices(), null, null, tri.toArray());
    }

    private static void next(ByteSource src, String what) throws InputException {
        if (!src.skipWhitespace()) {
            throw src.error("file ends; expected " + what);
        }
    }

    private static void expect(ByteSource src, String word, String what) throws InputException {
        if (src.readToken() == 0 || !src.tokenIs(word)) {
            throw src.error("found '" + src.tokenText() + "'; expected " + what);
        }
    }
}
