package org.quire.geometry.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.quire.api.InputException;
import org.quire.geometry.PointSet;
import org.quire.geometry.TriangleMesh;

/**
 * Reads and writes point sets and meshes, choosing the format by the file extension: {@code .ply}, {@code .pcd},
 * {@code .xyz}/{@code .csv}/{@code .txt}, {@code .obj}, {@code .stl}, {@code .off}; a further {@code .gz} means gzip.
 * Readers stream through a small buffer (the file text is never held in memory). Malformed files fail with an
 * {@link InputException} naming the file, the line (text) or byte offset (binary) and what was expected. Stateless;
 * safe to call from several threads.
 */
public final class GeometryFiles {
    private GeometryFiles() {
    }

    /** The file formats known by extension. */
    public enum Format {
        /** Stanford polygon file. */
        PLY,
        /** Point Cloud Library v0.7. */
        PCD,
        /** Delimited text, one point per line. */
        XYZ,
        /** Wavefront OBJ. */
        OBJ,
        /** Stereolithography (ASCII or binary). */
        STL,
        /** Object File Format. */
        OFF
    }

    /** The format of {@code p} by its extension (after removing {@code .gz}), or fails naming the known ones. */
    public static Format formatOf(Path p) throws InputException {
        String name = stem(p);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        switch (ext) {
        case "ply": return Format.PLY;
        case "pcd": return Format.PCD;
        case "xyz": case "csv": case "txt": return Format.XYZ;
        case "obj": return Format.OBJ;
        case "stl": return Format.STL;
        case "off": return Format.OFF;
        default:
            throw new InputException(p, 0, "unknown geometry format '" + (ext.isEmpty() ? "(no extension)" : "." + ext)
                    + "'; expected .ply, .pcd, .xyz, .csv, .txt, .obj, .stl or .off (optionally .gz)");
        }
    }

    private static String stem(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    private static boolean gzip(Path p) {
        return p.getFileName() != null && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** Reads any supported file: points with their normals and colours, or a mesh's vertices. */
    public static PointSet readPoints(Path p) throws InputException {
        return read(p, false).points();
    }

    /**
     * As {@link #readPoints(Path)}; with {@code dropNonFinite} PCD and XYZ points with a NaN or infinite coordinate
     * are left out instead of failing (PCL marks the invalid points of organised clouds with NaN).
     */
    public static PointSet readPoints(Path p, boolean dropNonFinite) throws InputException {
        return read(p, dropNonFinite).points();
    }

    /** Reads a mesh (PLY with a face element, OBJ, STL, OFF). Point-only files fail. */
    public static TriangleMesh readMesh(Path p) throws InputException {
        return read(p, false).mesh(p);
    }

    static RawGeometry read(Path p, boolean dropNonFinite) throws InputException {
        Format f = formatOf(p);
        long size = -1;
        if (!gzip(p)) {
            try {
                size = Files.size(p);
            } catch (NoSuchFileException e) {
                throw new InputException(p, 0, "file not found");
            } catch (IOException e) {
                throw new InputException(p, 0, "cannot read: " + e.getMessage(), e);
            }
        }
        try (ByteSource src = open(p)) {
            switch (f) {
            case PLY:
                return PlyReader.read(src);
            case PCD:
                return PcdReader.read(src, dropNonFinite);
            case XYZ:
                long expected = -1;
                if (size > (1 << 20)) {
                    try (ByteSource counter = open(p)) {
                        expected = counter.countNumericLines();
                    }
                }
                return XyzReader.read(src, dropNonFinite, expected);
            case OBJ:
                return ObjReader.read(src);
            case STL:
                return StlReader.read(src, size);
            default:
                return OffReader.read(src);
            }
        } catch (IOException e) {
            throw new InputException(p, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    static ByteSource open(Path p) throws InputException {
        try {
            InputStream in = Files.newInputStream(p);
            if (gzip(p)) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            return new ByteSource(in, p);
        } catch (NoSuchFileException e) {
            throw new InputException(p, 0, "file not found");
        } catch (IOException e) {
            throw new InputException(p, 0, "cannot open: " + e.getMessage(), e);
        }
    }

    private static ByteSink create(Path p) throws IOException {
        OutputStream out = Files.newOutputStream(p);
        if (gzip(p)) {
            out = new GZIPOutputStream(out, 1 << 16);
        }
        return new ByteSink(new BufferedOutputStream(out, 1 << 16));
    }

    private static Format writable(Path p) throws IOException {
        try {
            return formatOf(p);
        } catch (InputException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Writes a point set in the format of the extension, with its normals and colours where the format holds them. PLY:
     * binary little endian, double precision. PCD: binary, single precision (what PCL tools expect). XYZ/TXT: space
     * separated; CSV: comma separated with a header row (both with a header naming nx ny nz / red green blue when
     * present). OBJ: v (and vn) lines. OFF: no faces. STL cannot hold points.
     */
    public static void writePoints(Path p, PointSet s) throws IOException {
        Format f = writable(p);
        double[] xyz = s.xyzView();
        double[] nrm = s.normalsView();
        int[] rgb = s.hasColours() ? s.rgb() : null;
        switch (f) {
        case PLY:
            writePly(p, s, PlyEncoding.BINARY_LITTLE_ENDIAN, true);
            break;
        case PCD:
            writePcd(p, s, PcdEncoding.BINARY, false);
            break;
        case XYZ:
            boolean csv = stem(p).endsWith(".csv");
            writeXyz(p, s, csv ? ',' : ' ', csv);
            break;
        case OBJ:
            try (ByteSink out = create(p)) {
                TextWriters.obj(out, xyz, nrm, rgb, null);
            }
            break;
        case OFF:
            try (ByteSink out = create(p)) {
                TextWriters.off(out, xyz, nrm, rgb, null);
            }
            break;
        default:
            throw new IOException(p + ": STL stores triangles only; expected a mesh (writeMesh) or another format");
        }
    }

    /**
     * Writes a mesh in the format of the extension: PLY binary little endian (double precision), OBJ, OFF, or binary STL
     * (single precision). PCD and XYZ cannot hold faces.
     */
    public static void writeMesh(Path p, TriangleMesh m) throws IOException {
        Format f = writable(p);
        double[] v = m.verticesView();
        int[] t = m.trianglesView();
        switch (f) {
        case PLY:
            writePly(p, m, PlyEncoding.BINARY_LITTLE_ENDIAN, true);
            break;
        case OBJ:
            try (ByteSink out = create(p)) {
                TextWriters.obj(out, v, null, null, t);
            }
            break;
        case OFF:
            try (ByteSink out = create(p)) {
                TextWriters.off(out, v, null, null, t);
            }
            break;
        case STL:
            try (ByteSink out = create(p)) {
                TextWriters.stl(out, v, t);
            }
            break;
        default:
            throw new IOException(p + ": " + f + " holds points only; expected .ply, .obj, .off or .stl for a mesh");
        }
    }

    /** Writes a point set as PLY with the given encoding, coordinates and normals as double or float. */
    public static void writePly(Path p, PointSet s, PlyEncoding encoding, boolean doublePrecision) throws IOException {
        try (ByteSink out = create(p)) {
            PlyWriter.write(out, s.xyzView(), s.normalsView(), s.hasColours() ? s.rgb() : null, null, encoding,
                    doublePrecision);
        }
    }

    /** Writes a mesh as PLY with the given encoding, vertices as double or float. */
    public static void writePly(Path p, TriangleMesh m, PlyEncoding encoding, boolean doublePrecision) throws IOException {
        try (ByteSink out = create(p)) {
            PlyWriter.write(out, m.verticesView(), null, null, m.trianglesView(), encoding, doublePrecision);
        }
    }

    /** Writes a point set as PCD v0.7 with the given encoding, fields as F 8 (double) or F 4 (float). */
    public static void writePcd(Path p, PointSet s, PcdEncoding encoding, boolean doublePrecision) throws IOException {
        try (ByteSink out = create(p)) {
            PcdWriter.write(out, s.xyzView(), s.normalsView(), s.hasColours() ? s.rgb() : null, encoding, doublePrecision);
        }
    }

    /**
     * Writes one point per line separated by {@code separator}, exactly (values read back identically); a header row is
     * written when {@code header} or when normals or colours are present.
     */
    public static void writeXyz(Path p, PointSet s, char separator, boolean header) throws IOException {
        try (ByteSink out = create(p)) {
            TextWriters.xyz(out, s.xyzView(), s.normalsView(), s.hasColours() ? s.rgb() : null, separator, header);
        }
    }

    /** Writes a mesh as binary STL (single precision) even without the extension. */
    public static void writeStl(Path p, TriangleMesh m) throws IOException {
        try (ByteSink out = create(p)) {
            TextWriters.stl(out, m.verticesView(), m.trianglesView());
        }
    }
}
