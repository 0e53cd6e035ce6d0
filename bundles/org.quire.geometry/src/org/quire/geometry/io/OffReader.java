package org.quire.geometry.io;

import org.quire.api.InputException;

/**
 * Reads ASCII OFF with the Geomview header variants {@code [ST][C][N][4]OFF} ({@code 4} is rejected): a header keyword,
 * then {@code nv nf ne} (on the keyword line or the next), nv vertex lines {@code x y z [nx ny nz] [r g b [a]] [s t]}
 * and nf face lines {@code k i1 .. ik [colour]} (0-based, fan-triangulated). {@code #} starts a comment. Vertex colours
 * are 0..255 integers or 0..1 decimals. Extra values at the end of vertex and face lines are ignored.
 */
final class OffReader {
    private OffReader() {
    }

    static RawGeometry read(ByteSource src) throws InputException {
        src.comment('#');
        if (!src.skipWhitespace()) {
            throw src.error("empty file; expected an OFF header");
        }
        src.readToken();
        String kw = src.tokenText();
        if (!kw.endsWith("OFF")) {
            throw src.error("found '" + kw + "'; expected the header keyword OFF (or COFF, NOFF, CNOFF, STOFF)");
        }
        String prefix = kw.substring(0, kw.length() - 3);
        if (prefix.contains("4") || prefix.contains("n")) {
            throw src.error("header '" + kw + "': 4-D and n-D OFF are not supported; expected 3-D OFF");
        }
        if (!prefix.matches("(ST)?C?N?")) {
            throw src.error("header '" + kw + "'; expected [ST][C][N]OFF");
        }
        boolean hasNormals = prefix.contains("N");
        boolean hasColours = prefix.contains("C");
        if (src.atLineEnd()) {
            src.skipLine();
            if (!src.skipWhitespace()) {
                throw src.error("file ends after the header; expected 'vertices faces edges'");
            }
        } else {
            src.readToken();
            if (src.tokenIs("BINARY")) {
                throw src.error("binary OFF is not supported; expected ASCII OFF");
            }
            src.pushBack();
        }
        long nv = src.nextLong("the vertex count", 0, Integer.MAX_VALUE / 3);
        long nf = src.nextLong("the face count", 0, Integer.MAX_VALUE);
        if (!src.atLineEnd()) {
            src.nextLong("the edge count", 0, Long.MAX_VALUE);
        }
        src.endLine("the counts 'vertices faces edges'");
        int n = (int) nv;
        double[] xyz = new double[3 * n];
        double[] normals = hasNormals ? new double[3 * n] : null;
        int[] rgb = hasColours ? new int[n] : null;
        for (int i = 0; i < n; i++) {
            if (!src.skipWhitespace()) {
                throw src.error("file ends after " + i + " of the " + n + " declared vertices");
            }
            for (int d = 0; d < 3; d++) {
                xyz[3 * i + d] = src.nextFinite(COORD[d], i);
            }
            if (hasNormals) {
                for (int d = 0; d < 3; d++) {
                    normals[3 * i + d] = src.nextDouble(NORMAL[d], i);
                }
            }
            if (hasColours) {
                rgb[i] = colour(src, i);
            }
            src.skipLine();
        }
        IntList tri = new IntList((int) Math.min(3 * nf, 1 << 24));
        int[] poly = new int[16];
        for (long f = 0; f < nf; f++) {
            if (!src.skipWhitespace()) {
                throw src.error("file ends after " + f + " of the " + nf + " declared faces");
            }
            long k = src.nextLong("the corner count of face ", f, 3, Integer.MAX_VALUE);
            if (k > poly.length) {
                poly = new int[(int) k];
            }
            for (int j = 0; j < k; j++) {
                poly[j] = (int) src.nextLong(j == 0 ? "vertex index 0 of face " : j == 1 ? "vertex index 1 of face "
                        : j == 2 ? "vertex index 2 of face " : "a vertex index of face ", f, 0, n - 1L);
            }
            for (int j = 1; j + 1 < k; j++) {
                tri.add(poly[0], poly[j], poly[j + 1]);
            }
            src.skipLine();
        }
        if (src.skipWhitespace()) {
            src.readToken();
            throw src.error("expected the end of the file after " + nv + " vertices and " + nf + " faces, found '"
                    + src.tokenText() + "' (wrong counts?)");
        }
        return new RawGeometry(xyz, normals, rgb, tri.toArray());
    }

    private static final String[] COORD = { "coordinate x of vertex ", "coordinate y of vertex ", "coordinate z of vertex " };
    private static final String[] NORMAL = { "normal component 1 of vertex ", "normal component 2 of vertex ",
            "normal component 3 of vertex " };
    private static final String[] COLOUR = { "colour component 1 of vertex ", "colour component 2 of vertex ",
            "colour component 3 of vertex " };

    private static int colour(ByteSource src, long vertex) throws InputException {
        double[] c = new double[3];
        boolean decimal = false;
        for (int d = 0; d < 3; d++) {
            c[d] = src.nextDouble(COLOUR[d], vertex);
            for (int i = 0; i < src.tokenLength(); i++) {
                byte b = src.tokenBytes()[i];
                decimal |= b == '.' || b == 'e' || b == 'E';
            }
        }
        int rgb = 0;
        for (int d = 0; d < 3; d++) {
            double v = decimal ? Math.rint(c[d] * 255) : c[d];
            if (!(v >= 0 && v <= 255)) {
                throw src.error("colour of vertex " + vertex + " out of range; expected 0..255 integers or 0..1 decimals");
            }
            rgb = (rgb << 8) | (int) v;
        }
        return rgb;
    }
}
