package org.quire.geometry.io;

import org.quire.api.InputException;

/**
 * Reads Wavefront OBJ: {@code v x y z [w]} (an optional {@code r g b} in [0, 1] after xyz gives colours),
 * {@code vn}, and {@code f} with {@code v}, {@code v/vt}, {@code v//vn} or {@code v/vt/vn} corners, 1-based or negative
 * (relative) indices; polygons are fan-triangulated. Normals are attached to vertices when every vertex gets one through
 * the faces' corners, or, in a file without faces, when there is exactly one {@code vn} per {@code v} (the i-th
 * belonging to the i-th). Other statements (vt, g, o, s, usemtl, mtllib, l, p, ...) are ignored.
 */
final class ObjReader {
    private ObjReader() {
    }

    static RawGeometry read(ByteSource src) throws InputException {
        src.comment('#');
        DoubleList v = new DoubleList(1 << 12);
        DoubleList vn = new DoubleList(16);
        DoubleList col = null;
        IntList tri = new IntList(1 << 12);
        IntList normalOfVertex = null;
        int[] poly = new int[16];
        int[] polyN = new int[16];
        double[] e = new double[4];
        boolean any = false;
        boolean nonEmpty = false;
        while (src.skipWhitespace()) {
            nonEmpty = true;
            long line = src.line();
            src.readToken();
            if (src.tokenIs("v")) {
                long vi = v.size() / 3 + 1;
                double x = src.nextFinite("x of vertex ", vi);
                double y = src.nextFinite("y of vertex ", vi);
                double z = src.nextFinite("z of vertex ", vi);
                int extra = 0;
                while (!src.atLineEnd()) {
                    if (extra == 4) {
                        throw src.error("too many values for vertex " + (v.size() / 3 + 1) + "; expected x y z [w] or x y z r g b");
                    }
                    e[extra++] = src.nextDouble("an extra value of vertex ", vi);
                }
                if (extra == 3) {
                    if (col == null) {
                        col = new DoubleList(v.capacityHint());
                        for (int k = 0; k < v.size() / 3; k++) {
                            col.add(-1, -1, -1);
                        }
                    }
                    col.add(e[0], e[1], e[2]);
                } else if (col != null) {
                    col.add(-1, -1, -1);
                }
                v.add(x, y, z);
                any = true;
            } else if (src.tokenIs("vn")) {
                long ni = vn.size() / 3 + 1;
                vn.add(src.nextDouble("nx of normal ", ni), src.nextDouble("ny of normal ", ni), src.nextDouble("nz of normal ", ni));
            } else if (src.tokenIs("f")) {
                int m = 0;
                int nv = v.size() / 3;
                int nn = vn.size() / 3;
                while (!src.atLineEnd()) {
                    src.readToken();
                    if (m == poly.length) {
                        poly = java.util.Arrays.copyOf(poly, 2 * m);
                        polyN = java.util.Arrays.copyOf(polyN, 2 * m);
                    }
                    parseCorner(src, line, m, nv, nn, poly, polyN);
                    m++;
                }
                if (m < 3) {
                    throw new InputException(src.file(), line, "face with " + m + " corner(s); expected at least 3");
                }
                for (int j = 1; j + 1 < m; j++) {
                    tri.add(poly[0], poly[j], poly[j + 1]);
                }
                for (int j = 0; j < m; j++) {
                    if (polyN[j] >= 0) {
                        if (normalOfVertex == null) {
                            normalOfVertex = new IntList(nv);
                        }
                        while (normalOfVertex.size() <= poly[j]) {
                            normalOfVertex.add(-1);
                        }
                        normalOfVertex.set(poly[j], polyN[j]);
                    }
                }
            }
            src.skipLine();
        }
        if (!nonEmpty) {
            throw src.error("empty file; expected OBJ statements (v, f)");
        }
        if (!any) {
            throw src.error("no vertices ('v x y z') found; expected at least one");
        }
        double[] xyz = v.toArray();
        int n = xyz.length / 3;
        double[] normals = null;
        if (normalOfVertex == null && tri.size() == 0 && vn.size() == xyz.length && n > 0) {
            // a point cloud (no faces) with one vn per v: normals belong to vertices by position in the file
            normals = vn.toArray();
        } else if (normalOfVertex != null && normalOfVertex.size() == n) {
            normals = new double[3 * n];
            for (int i = 0; i < n && normals != null; i++) {
                int k = normalOfVertex.get(i);
                if (k < 0) {
                    normals = null;
                } else {
                    normals[3 * i] = vn.get(3 * k);
                    normals[3 * i + 1] = vn.get(3 * k + 1);
                    normals[3 * i + 2] = vn.get(3 * k + 2);
                }
            }
        }
        int[] rgb = null;
        if (col != null) {
            rgb = new int[n];
            for (int i = 0; i < n && rgb != null; i++) {
                int c = 0;
                for (int d = 0; d < 3; d++) {
                    double x = col.get(3 * i + d);
                    if (!(x >= 0 && x <= 1)) {
                        rgb = null;
                        break;
                    }
                    c = (c << 8) | (int) Math.rint(x * 255);
                }
                if (rgb != null) {
                    rgb[i] = c;
                }
            }
        }
        return new RawGeometry(xyz, normals, rgb, tri.toArray());
    }

    /** Parses a corner token {@code v[/vt[/vn]]} or {@code v//vn} into poly[m] (0-based vertex) and polyN[m] (or -1). */
    private static void parseCorner(ByteSource src, long line, int m, int nv, int nn, int[] poly, int[] polyN)
            throws InputException {
        byte[] b = src.tokenBytes();
        int len = src.tokenLength();
        int s1 = -1, s2 = -1;
        for (int i = 0; i < len; i++) {
            if (b[i] == '/') {
                if (s1 < 0) {
                    s1 = i;
                } else if (s2 < 0) {
                    s2 = i;
                } else {
                    throw new InputException(src.file(), line, "face corner '" + src.tokenText()
                            + "' has more than two '/'; expected v, v/vt, v//vn or v/vt/vn");
                }
            }
        }
        int vEnd = s1 < 0 ? len : s1;
        poly[m] = index(src, line, b, 0, vEnd, nv, "vertex");
        polyN[m] = -1;
        if (s2 >= 0 && s2 + 1 < len) {
            polyN[m] = index(src, line, b, s2 + 1, len, nn, "normal");
        }
    }

    private static int index(ByteSource src, long line, byte[] b, int from, int to, int count, String what)
            throws InputException {
        long v = Numbers.parseLong(b, from, to);
        if (v == Long.MIN_VALUE || to == from) {
            throw new InputException(src.file(), line, "face corner '" + src.tokenText() + "': expected an integer " + what
                    + " index");
        }
        long idx = v > 0 ? v - 1 : v < 0 ? count + v : -1;
        if (idx < 0 || idx >= count) {
            throw new InputException(src.file(), line, "face corner '" + src.tokenText() + "': " + what + " index " + v
                    + " out of range; expected 1.." + count + " or -" + count + "..-1 (" + count + " " + what
                    + (count == 1 ? "" : "s") + " defined so far)");
        }
        return (int) idx;
    }
}
