package org.quire.geometry.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.quire.api.InputException;

/**
 * Reads PLY (ASCII, binary little and big endian). The {@code vertex} element gives positions ({@code x y z}, any
 * scalar type), normals when all of {@code nx ny nz} are present and colours when all of {@code red green blue} are
 * ({@code uchar}, or float in [0, 1]); other vertex properties and other elements are skipped. The {@code face}
 * element's {@code vertex_indices} (or {@code vertex_index}) list gives polygons, fan-triangulated. In ASCII bodies each
 * element instance is one line.
 */
final class PlyReader {
    private static final int NONE = 0, X = 1, Y = 2, Z = 3, NX = 4, NY = 5, NZ = 6, R = 7, G = 8, B = 9, INDICES = 10;
    private static final String[] ROLE_NAMES = { "", "x", "y", "z", "nx", "ny", "nz", "red", "green", "blue",
            "vertex_indices" };

    private static final class Property {
        final String name;
        final PlyType type;
        final PlyType countType;
        int role;

        Property(String name, PlyType type, PlyType countType) {
            this.name = name;
            this.type = type;
            this.countType = countType;
        }

        boolean isList() {
            return countType != null;
        }

        private String label;
        private String lengthLabel;
        private String itemLabel;

        /** "name of element " (cached; the index is appended in error messages only). */
        String label(String element) {
            if (label == null || !label.endsWith(element)) {
                label = name + " of " + element;
            }
            return label;
        }

        String lengthLabel(String element) {
            if (lengthLabel == null || !lengthLabel.endsWith(element)) {
                lengthLabel = "the length of list '" + name + "' of " + element;
            }
            return lengthLabel;
        }

        String itemLabel(String element) {
            if (itemLabel == null || !itemLabel.endsWith(element)) {
                itemLabel = "an item of list '" + name + "' of " + element;
            }
            return itemLabel;
        }
    }

    private static final class Element {
        final String name;
        final long count;
        final List<Property> properties = new ArrayList<>();

        Element(String name, long count) {
            this.name = name;
            this.count = count;
        }
    }

    private PlyReader() {
    }

    static RawGeometry read(ByteSource src) throws InputException {
        String first = src.readLine();
        if (first == null) {
            throw src.error("empty file; expected a PLY header starting with 'ply'");
        }
        if (!first.trim().equals("ply")) {
            throw new InputException(src.file(), 1, "expected 'ply' as the first line, found '" + abbreviate(first) + "'");
        }
        int format = -1; // 0 ascii, 1 binary LE, 2 binary BE
        List<Element> elements = new ArrayList<>();
        while (true) {
            long lineNo = src.line();
            String l = src.readLine();
            if (l == null) {
                throw new InputException(src.file(), lineNo, "file ends inside the header; expected 'end_header'");
            }
            String[] t = l.trim().split("\\s+");
            if (t[0].isEmpty() || t[0].equals("comment") || t[0].equals("obj_info")) {
                continue;
            }
            switch (t[0]) {
            case "format":
                if (t.length < 3) {
                    throw new InputException(src.file(), lineNo, "expected 'format <ascii|binary_little_endian|binary_big_endian> 1.0'");
                }
                switch (t[1]) {
                case "ascii": format = 0; break;
                case "binary_little_endian": format = 1; break;
                case "binary_big_endian": format = 2; break;
                default:
                    throw new InputException(src.file(), lineNo,
                            "unknown PLY format '" + t[1] + "'; expected ascii, binary_little_endian or binary_big_endian");
                }
                break;
            case "element":
                if (t.length != 3) {
                    throw new InputException(src.file(), lineNo, "expected 'element <name> <count>', found '" + abbreviate(l) + "'");
                }
                long count;
                try {
                    count = Long.parseLong(t[2]);
                } catch (NumberFormatException e) {
                    count = -1;
                }
                if (count < 0) {
                    throw new InputException(src.file(), lineNo, "expected a non-negative element count, found '" + t[2] + "'");
                }
                elements.add(new Element(t[1], count));
                break;
            case "property":
                if (elements.isEmpty()) {
                    throw new InputException(src.file(), lineNo, "property before any element");
                }
                Property p;
                if (t.length == 5 && t[1].equals("list")) {
                    PlyType ct = PlyType.parse(t[2]);
                    PlyType it = PlyType.parse(t[3]);
                    if (ct == null || !ct.integral || it == null) {
                        throw new InputException(src.file(), lineNo, "expected 'property list <integer type> <type> <name>', found '"
                                + abbreviate(l) + "'");
                    }
                    p = new Property(t[4], it, ct);
                } else if (t.length == 3) {
                    PlyType ty = PlyType.parse(t[1]);
                    if (ty == null) {
                        throw new InputException(src.file(), lineNo, "unknown property type '" + t[1]
                                + "'; expected char, uchar, short, ushort, int, uint, float or double");
                    }
                    p = new Property(t[2], ty, null);
                } else {
                    throw new InputException(src.file(), lineNo, "expected 'property <type> <name>' or 'property list <count type> <type> <name>', found '"
                            + abbreviate(l) + "'");
                }
                elements.get(elements.size() - 1).properties.add(p);
                break;
            case "end_header":
                if (format < 0) {
                    throw new InputException(src.file(), lineNo, "no 'format' line before 'end_header'");
                }
                return body(src, format, elements);
            default:
                throw new InputException(src.file(), lineNo, "unexpected header line '" + abbreviate(l)
                        + "'; expected format, element, property, comment or end_header");
            }
        }
    }

    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    private static RawGeometry body(ByteSource src, int format, List<Element> elements) throws InputException {
        Element vertex = null;
        Element face = null;
        for (Element e : elements) {
            if (e.name.equals("vertex") && vertex == null) {
                vertex = e;
            } else if (e.name.equals("face") && face == null) {
                face = e;
            }
        }
        if (vertex == null) {
            throw src.error("no 'vertex' element in the header; expected one");
        }
        if (vertex.count > Integer.MAX_VALUE / 3) {
            throw src.error("vertex count " + vertex.count + " is larger than supported (" + Integer.MAX_VALUE / 3 + ")");
        }
        boolean[] has = new boolean[INDICES + 1];
        for (Property p : vertex.properties) {
            p.role = vertexRole(p.name);
            if (p.role != NONE) {
                if (p.isList()) {
                    throw src.error("vertex property '" + p.name + "' is a list; expected a scalar");
                }
                if (has[p.role]) {
                    p.role = NONE;
                } else {
                    has[p.role] = true;
                }
            }
        }
        for (int r = X; r <= Z; r++) {
            if (!has[r]) {
                throw src.error("vertex element has no property '" + ROLE_NAMES[r] + "'; expected x, y and z");
            }
        }
        boolean normals = has[NX] && has[NY] && has[NZ];
        boolean colours = has[R] && has[G] && has[B];
        for (Property p : vertex.properties) {
            if ((!normals && p.role >= NX && p.role <= NZ) || (!colours && p.role >= R && p.role <= B)) {
                p.role = NONE;
            }
        }
        if (face != null) {
            boolean found = false;
            for (Property p : face.properties) {
                if (!found && (p.name.equals("vertex_indices") || p.name.equals("vertex_index"))) {
                    if (!p.isList()) {
                        throw src.error("face property '" + p.name + "' is not a list; expected 'property list <type> <type> "
                                + p.name + "'");
                    }
                    if (!p.type.integral) {
                        throw src.error("face property '" + p.name + "' has items of type " + p.type.plyName()
                                + "; expected an integer type");
                    }
                    p.role = INDICES;
                    found = true;
                } else {
                    p.role = NONE;
                }
            }
            if (!found) {
                throw src.error("face element has no 'vertex_indices' list; expected one");
            }
        }
        int nv = (int) vertex.count;
        State s = new State(src, format, nv, normals, colours,
                face == null ? null : new IntList((int) Math.min(3 * face.count, 1 << 24)));
        for (Element e : elements) {
            if (e == vertex) {
                s.readVertices(e);
            } else if (e == face) {
                s.readFaces(e);
            } else {
                s.skip(e);
            }
        }
        if (format == 0) {
            if (src.skipWhitespace()) {
                src.readToken();
                throw src.error("expected the end of the file after the declared elements (" + describe(elements)
                        + "), found '" + src.tokenText() + "'");
            }
        } else {
            long off = src.offset();
            long extra = src.countTrailingNonBlank();
            if (extra > 0) {
                throw src.binaryError(off, extra + " bytes after the declared elements (" + describe(elements)
                        + "); expected the end of the file (wrong element counts?)");
            }
        }
        return new RawGeometry(s.xyz, s.normals, s.rgb, s.triangles == null ? null : s.triangles.toArray());
    }

    private static String describe(List<Element> elements) {
        StringBuilder sb = new StringBuilder();
        for (Element e : elements) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(e.count).append(' ').append(e.name);
        }
        return sb.toString();
    }

    private static int vertexRole(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
        case "x": return X;
        case "y": return Y;
        case "z": return Z;
        case "nx": return NX;
        case "ny": return NY;
        case "nz": return NZ;
        case "red": case "diffuse_red": return R;
        case "green": case "diffuse_green": return G;
        case "blue": case "diffuse_blue": return B;
        default: return NONE;
        }
    }

    /** Per-file reading state. */
    private static final class State {
        final ByteSource src;
        final boolean ascii;
        final boolean little;
        final int nv;
        final double[] xyz;
        final double[] normals;
        final int[] rgb;
        final IntList triangles;

        State(ByteSource src, int format, int nv, boolean hasNormals, boolean hasColours, IntList triangles) {
            this.src = src;
            this.ascii = format == 0;
            this.little = format == 1;
            this.nv = nv;
            this.xyz = new double[3 * nv];
            this.normals = hasNormals ? new double[3 * nv] : null;
            this.rgb = hasColours ? new int[nv] : null;
            this.triangles = triangles;
        }

        private InputException ended(Element e, long i) {
            return src.error("file ends after " + i + " of the " + e.count + " declared '" + e.name + "' elements");
        }

        void readVertices(Element e) throws InputException {
            List<Property> props = e.properties;
            int np = props.size();
            Property[] pa = props.toArray(new Property[0]);
            int stride = 0;
            boolean fixed = true;
            for (Property p : pa) {
                if (p.isList()) {
                    fixed = false;
                } else {
                    stride += p.type.size;
                }
            }
            if (stride > 4096) {
                fixed = false;
            }
            double[] c = new double[3];
            for (int i = 0; i < nv; i++) {
                long where;
                if (ascii) {
                    if (!src.skipWhitespace()) {
                        throw ended(e, i);
                    }
                    where = src.line();
                } else {
                    where = src.offset();
                    if (fixed) {
                        src.require(stride, "vertex ", i, " of " + nv);
                    }
                }
                int r = 0, g = 0, b = 0;
                for (int k = 0; k < np; k++) {
                    Property p = pa[k];
                    if (p.isList()) {
                        skipList(p, "vertex ", i);
                        continue;
                    }
                    double v = value(p, fixed, "vertex ", i);
                    switch (p.role) {
                    case X: case Y: case Z:
                        if (!Double.isFinite(v)) {
                            throw at(where, "vertex " + i + ": coordinate " + p.name + " is " + v + "; expected a finite number");
                        }
                        xyz[3 * i + p.role - X] = v;
                        break;
                    case NX: case NY: case NZ:
                        normals[3 * i + p.role - NX] = v;
                        break;
                    case R: r = colour(p, v, where, i); break;
                    case G: g = colour(p, v, where, i); break;
                    case B: b = colour(p, v, where, i); break;
                    default:
                        break;
                    }
                }
                if (rgb != null) {
                    rgb[i] = (r << 16) | (g << 8) | b;
                }
                if (ascii) {
                    src.endLine(np, "properties of vertex ", i);
                }
            }
        }

        private InputException at(long where, String message) {
            return ascii ? new InputException(src.file(), where, message) : src.binaryError(where, message);
        }

        private int colour(Property p, double v, long where, int i) throws InputException {
            double c = p.type.integral ? v : Math.rint(v * 255);
            if (!(c >= 0 && c <= 255)) {
                throw at(where, "vertex " + i + ": colour " + p.name + " = " + v + "; expected "
                        + (p.type.integral ? "0..255" : "0..1"));
            }
            return (int) c;
        }

        private double value(Property p, boolean required, String element, long i) throws InputException {
            if (ascii) {
                return src.nextDouble(p.label(element), i);
            }
            if (!required) {
                src.require(p.type.size, p.label(element), i, "");
            }
            return src.readBinary(p.type, little);
        }

        private long count(Property p, String element, long i) throws InputException {
            if (ascii) {
                return src.nextLong(p.lengthLabel(element), i, 0, Integer.MAX_VALUE);
            }
            long off = src.offset();
            src.require(p.countType.size, p.lengthLabel(element), i, "");
            long n = src.readBinaryLong(p.countType, little);
            if (n < 0) {
                throw src.binaryError(off, "list '" + p.name + "' of " + element + i + " has length " + n
                        + "; expected a non-negative count");
            }
            return n;
        }

        private void skipList(Property p, String element, long i) throws InputException {
            long n = count(p, element, i);
            if (ascii) {
                for (long j = 0; j < n; j++) {
                    src.nextDouble(p.itemLabel(element), i);
                }
            } else {
                src.skipBytes(n * p.type.size, n + " items of list '" + p.name + "' of " + element + i);
            }
        }

        void readFaces(Element e) throws InputException {
            Property[] pa = e.properties.toArray(new Property[0]);
            int[] poly = new int[16];
            for (long i = 0; i < e.count; i++) {
                long where;
                if (ascii) {
                    if (!src.skipWhitespace()) {
                        throw ended(e, i);
                    }
                    where = src.line();
                } else {
                    where = src.offset();
                }
                for (Property p : pa) {
                    if (p.role != INDICES) {
                        if (p.isList()) {
                            skipList(p, "face ", i);
                        } else {
                            value(p, false, "face ", i);
                        }
                        continue;
                    }
                    long m = count(p, "face ", i);
                    if (m < 3) {
                        throw at(where, "face " + i + " has " + m + " vertices; expected at least 3");
                    }
                    if (m > poly.length) {
                        poly = new int[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(m, 2L * poly.length))];
                    }
                    for (int j = 0; j < m; j++) {
                        long v;
                        if (ascii) {
                            v = src.nextLong("a vertex index of face ", i, Long.MIN_VALUE + 1, Long.MAX_VALUE);
                        } else {
                            src.require(p.type.size, "index " + j + " of the " + m + " of face ", i, "");
                            v = src.readBinaryLong(p.type, little);
                        }
                        if (v < 0 || v >= nv) {
                            throw at(where, "face " + i + ": vertex index " + v + " out of range; expected 0.." + (nv - 1));
                        }
                        poly[j] = (int) v;
                    }
                    for (int j = 1; j + 1 < m; j++) {
                        triangles.add(poly[0], poly[j], poly[j + 1]);
                    }
                }
                if (ascii) {
                    src.endLine(1, "face ", i);
                }
            }
        }

        void skip(Element e) throws InputException {
            Property[] pa = e.properties.toArray(new Property[0]);
            for (long i = 0; i < e.count; i++) {
                if (ascii) {
                    if (!src.skipWhitespace()) {
                        throw ended(e, i);
                    }
                }
                for (Property p : pa) {
                    if (p.isList()) {
                        skipList(p, e.name + " ", i);
                    } else if (ascii) {
                        src.nextDouble(p.label(e.name + " "), i);
                    } else {
                        src.skipBytes(p.type.size, p.name + " of " + e.name + " " + i);
                    }
                }
                if (ascii) {
                    src.endLine(1, e.name + " ", i);
                }
            }
        }
    }
}
