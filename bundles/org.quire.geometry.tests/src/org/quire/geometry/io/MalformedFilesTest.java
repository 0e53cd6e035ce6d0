package org.quire.geometry.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.api.InputException;
import org.quire.geometry.PointSet;
import org.quire.geometry.TriangleMesh;

/**
 * Every reader on broken input: the exception is an {@link InputException} whose message names the file, the line
 * (text) or byte offset (binary) and what was expected.
 */
class MalformedFilesTest {
    @TempDir
    Path dir;

    private Path text(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.ISO_8859_1);
        return p;
    }

    private Path bytes(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    /** Reading points (or the mesh) fails with a message holding the file name, the location and the fragments. */
    private InputException fails(Path p, boolean mesh, long line, String... fragments) {
        InputException e = catchThrowableOfType(() -> {
            if (mesh) {
                GeometryFiles.readMesh(p);
            } else {
                GeometryFiles.readPoints(p);
            }
        }, InputException.class);
        assertThat(e).as("%s must fail", p.getFileName()).isNotNull();
        assertThat(e.getMessage()).startsWith(p.toString());
        assertThat(e.file()).isEqualTo(p);
        if (line > 0) {
            assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
            assertThat(e.getMessage()).startsWith(p + ":" + line + ": ");
        }
        for (String f : fragments) {
            assertThat(e.getMessage()).contains(f);
        }
        return e;
    }

    private static final String PLY_HEAD = "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\n"
            + "property float z\nelement face 1\nproperty list uchar int vertex_indices\nend_header\n";

    @Test
    void unknownEmptyAndMissing() throws Exception {
        fails(text("a.las", "x"), false, 0, "unknown geometry format '.las'", "expected .ply");
        fails(dir.resolve("missing.ply"), false, 0, "file not found");
        for (String ext : new String[] { "ply", "pcd", "xyz", "obj", "off" }) {
            fails(text("empty." + ext, ""), false, 1, "empty file");
        }
        fails(text("empty.stl", ""), false, 0, "empty file");
        fails(text("blank.xyz", "\n\n# only a comment\n"), false, 0, "no data lines");
    }

    @Test
    void plyText() throws Exception {
        fails(text("h1.ply", "plx\n"), false, 1, "expected 'ply'");
        fails(text("h2.ply", "ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\n"), false, 5, "file ends inside the header");
        fails(text("h3.ply", "ply\nformat ascii 1.0\nelement vertex 1\nproperty quad x\nend_header\n"), false, 4,
                "unknown property type 'quad'");
        fails(text("h4.ply", "ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nproperty float y\nend_header\n0 0\n"),
                false, 0, "no property 'z'");
        fails(text("h5.ply", "ply\nformat utf8 1.0\nend_header\n"), false, 2, "unknown PLY format 'utf8'");
        fails(text("t1.ply", PLY_HEAD + "0 0 0\n1 0 0\n"), false, 12, "file ends after 2 of the 3 declared 'vertex'");
        fails(text("t2.ply", PLY_HEAD + "0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n3 0 2 1\n"), false, 14,
                "expected the end of the file", "1 face");
        fails(text("b1.ply", PLY_HEAD + "0 0 0\n1 0.x 0\n0 1 0\n3 0 1 2\n"), false, 11, "expected a number for y of vertex 1",
                "'0.x'");
        fails(text("b2.ply", PLY_HEAD + "0 0 0\n1 0 0 5\n0 1 0\n3 0 1 2\n"), false, 11, "expected the end of the line");
        fails(text("b3.ply", PLY_HEAD + "0 0 0\n1 0\n0 1 0\n3 0 1 2\n"), false, 11, "expected z of vertex 1");
        fails(text("n.ply", PLY_HEAD + "0 0 0\n1 nan 0\n0 1 0\n3 0 1 2\n"), false, 11, "vertex 1", "NaN", "expected a finite");
        fails(text("i.ply", PLY_HEAD + "0 0 0\n1 0 0\n0 1 0\n3 0 1 3\n"), true, 13, "vertex index 3 out of range",
                "expected 0..2");
        fails(text("f.ply", PLY_HEAD + "0 0 0\n1 0 0\n0 1 0\n2 0 1\n"), true, 13, "2 vertices; expected at least 3");
        fails(text("nf.ply", "ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nproperty float y\nproperty float z\n"
                + "end_header\n0 0 0\n"), true, 0, "points only");
    }

    private byte[] binaryPly(boolean little, int vertices, int declared, int badIndex, float nanAt) {
        String header = "ply\nformat binary_" + (little ? "little" : "big") + "_endian 1.0\nelement vertex " + declared
                + "\nproperty float x\nproperty float y\nproperty float z\nelement face 1\nproperty list uchar int vertex_indices\nend_header\n";
        ByteBuffer b = ByteBuffer.allocate(header.length() + 12 * vertices + 13)
                .order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < vertices; i++) {
            b.putFloat(i == 1 ? nanAt : i).putFloat(0).putFloat(0);
        }
        b.put((byte) 3).putInt(0).putInt(1).putInt(badIndex);
        return b.array();
    }

    @Test
    void plyBinary() throws Exception {
        for (boolean little : new boolean[] { true, false }) {
            byte[] ok = binaryPly(little, 3, 3, 2, 1);
            assertThat(GeometryFiles.readMesh(bytes("ok" + little + ".ply", ok)).triangleCount()).isEqualTo(1);
            int headerLength = ok.length - 36 - 13;
            InputException e = fails(bytes("tr" + little + ".ply", Arrays.copyOf(ok, ok.length - 6)), true, 0,
                    "byte offset " + (headerLength + 36 + 5), "file ends (2 bytes left)", "expected index 1 of the 3 of face 0");
            assertThat(e.line()).isLessThanOrEqualTo(0);
            fails(bytes("tv" + little + ".ply", Arrays.copyOf(ok, headerLength + 20)), false, 0,
                    "byte offset " + (headerLength + 12), "expected vertex 1 of 3");
            fails(bytes("ix" + little + ".ply", binaryPly(little, 3, 3, 7, 1)), true, 0, "byte offset " + (headerLength + 36),
                    "vertex index 7 out of range; expected 0..2");
            fails(bytes("nan" + little + ".ply", binaryPly(little, 3, 3, 2, Float.NaN)), false, 0,
                    "byte offset " + (headerLength + 12), "vertex 1: coordinate x is NaN");
            // declared 2 vertices but 3 written: the face count reads garbage or trailing bytes remain
            fails(bytes("cnt" + little + ".ply", binaryPly(little, 3, 2, 1, 1)), true, 0, "byte offset");
        }
    }

    private static final String PCD_HEAD = "VERSION 0.7\nFIELDS x y z\nSIZE 4 4 4\nTYPE F F F\nCOUNT 1 1 1\nWIDTH 2\n"
            + "HEIGHT 1\nVIEWPOINT 0 0 0 1 0 0 0\nPOINTS 2\n";

    @Test
    void pcd() throws Exception {
        fails(text("h1.pcd", "VERSION 0.7\nFIELDS x y z\nSIZE 4 4\n"), false, 3, "SIZE has 2 entries; expected one per field (3)");
        fails(text("h2.pcd", "VERSION 0.7\nFIELDS x y z\nSIZE 4 4 4\nTYPE F F Q\n"), false, 4, "TYPE 'Q'", "expected I, U or F");
        fails(text("h3.pcd", PCD_HEAD.replace("POINTS 2", "POINTS 3") + "DATA ascii\n"), false, 10,
                "POINTS 3 differs from WIDTH x HEIGHT");
        fails(text("h4.pcd", PCD_HEAD + "DATA zip\n"), false, 10, "DATA 'zip'");
        fails(text("h5.pcd", PCD_HEAD.replace("VIEWPOINT 0 0 0 1 0 0 0", "VIEWPOINT 0 0 0 1")), false, 8, "VIEWPOINT");
        fails(text("h6.pcd", PCD_HEAD), false, 10, "file ends inside the header");
        fails(text("h7.pcd", PCD_HEAD.replace("FIELDS x y z", "FIELDS x y w") + "DATA ascii\n1 2 3\n"), false, 10,
                "no field 'z'");
        fails(text("a1.pcd", PCD_HEAD + "DATA ascii\n1 2 3\n"), false, 12, "file ends after 1 of the 2 declared points");
        fails(text("a2.pcd", PCD_HEAD + "DATA ascii\n1 2 3\n4 5 6\n7 8 9\n"), false, 13, "expected the end of the file",
                "wrong POINTS");
        fails(text("a3.pcd", PCD_HEAD + "DATA ascii\n1 2 3\n4 5 six\n"), false, 12, "expected a number for z of point 1");
        fails(text("a4.pcd", PCD_HEAD + "DATA ascii\n1 2 3\n4 5 nan\n"), false, 12, "point 1: coordinate z is NaN");
        ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putFloat(1).putFloat(2).putFloat(3).putFloat(4)
                .putFloat(5);
        byte[] head = (PCD_HEAD + "DATA binary\n").getBytes(StandardCharsets.US_ASCII);
        byte[] file = Arrays.copyOf(head, head.length + 20);
        System.arraycopy(b.array(), 0, file, head.length, 20);
        fails(bytes("b1.pcd", file), false, 0, "byte offset " + (head.length + 12), "expected point 1 of 2");
        byte[] comp = (PCD_HEAD + "DATA binary_compressed\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer c = ByteBuffer.allocate(comp.length + 8 + 3).order(ByteOrder.LITTLE_ENDIAN);
        c.put(comp).putInt(3).putInt(24).put((byte) 5).put((byte) 0).put((byte) 0);
        fails(bytes("c1.pcd", c.array()), false, 0, "byte offset " + (comp.length + 8), "decompressed to -1 bytes; expected 24");
        ByteBuffer d = ByteBuffer.allocate(comp.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        d.put(comp).putInt(3).putInt(20);
        fails(bytes("c2.pcd", d.array()), false, 0, "uncompressed size 20; expected 12 bytes x 2 points = 24");
    }

    @Test
    void xyz() throws Exception {
        fails(text("a.xyz", "1 2 3\n4 5\n"), false, 2, "found 2 column(s); expected at least 3");
        fails(text("b.xyz", "1 2\n"), false, 1, "expected at least 3");
        fails(text("c.csv", "1,2,3\n4,x5,6\n"), false, 2, "expected a number for column 2, found 'x5'");
        fails(text("d.csv", "x,y,z\n1,2,3\n4,,6\n"), false, 3, "empty field");
        fails(text("e.txt", "1 2 3\n\n4 5 NaN\n"), false, 3, "coordinate z is NaN");
        fails(text("f.csv", "a,b,x\n1,2,3\n"), false, 1, "header names some of x, y, z; expected all three");
        fails(text("g.txt", "x y z red green blue\n1 2 3 300 0 0\n"), false, 2, "colour value 300.0; expected an integer 0..255");
        PointSet dropped = GeometryFiles.readPoints(text("h.txt", "1 2 3\n4 5 nan\n7 8 9\n"), true);
        assertThat(dropped.xyz()).containsExactly(1, 2, 3, 7, 8, 9);
    }

    @Test
    void obj() throws Exception {
        fails(text("a.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 4\n"), true, 4, "vertex index 4 out of range", "expected 1..3");
        fails(text("b.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 -4\n"), true, 4, "vertex index -4 out of range");
        fails(text("c.obj", "v 0 0 0\nv 1 0 zero\n"), true, 2, "expected a number for z of vertex 2");
        fails(text("d.obj", "v 0 0 0\nv 1 0 inf\n"), true, 2, "expected a finite number for z of vertex 2");
        fails(text("e.obj", "v 0 0 0\nv 1 0 0\nf 1 2\n"), true, 3, "face with 2 corner(s); expected at least 3");
        fails(text("f.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1/1/1/1 2 3\n"), true, 4, "more than two '/'");
        fails(text("g.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1//2 2//2 3//2\n"), true, 4, "normal index 2 out of range");
        fails(text("h.obj", "# nothing\ng x\n"), true, 0, "no vertices");
        fails(text("i.obj", "v 0 0\n"), true, 1, "expected z of vertex 1");
    }

    @Test
    void stl() throws Exception {
        String facet = "facet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 0 1 0\nendloop\nendfacet\n";
        fails(text("a.stl", "solid s\n" + facet), true, 9, "file ends inside a solid");
        fails(text("b.stl", "solid s\n" + facet.replace("vertex 1 0 0", "vertex 1 O 0") + "endsolid\n"), true, 5,
                "expected a number for vertex y");
        fails(text("c.stl", "solid s\n" + facet.replace("outer loop", "outer") + "endsolid\n"), true, 3, "expected 'outer loop'");
        fails(text("d.stl", "solid s\n" + facet.replace("vertex 1 0 0", "vertex 1 0 nan") + "endsolid\n"), true, 5,
                "expected a finite number for vertex z");
        fails(text("e.stl", "solid s\n" + facet.replace("endfacet", "end") + "endsolid\n"), true, 8, "expected 'endfacet'");
        ByteBuffer b = ByteBuffer.allocate(84 + 50 + 20).order(ByteOrder.LITTLE_ENDIAN);
        b.position(80);
        b.putInt(2);
        fails(bytes("f.stl", b.array()), true, 0, "byte offset 80", "declares 2 triangles, so 184 bytes were expected",
                "154 bytes");
        ByteBuffer c = ByteBuffer.allocate(84 + 50).order(ByteOrder.LITTLE_ENDIAN);
        c.position(80);
        c.putInt(1).putFloat(0).putFloat(0).putFloat(0).putFloat(Float.NaN);
        fails(bytes("g.stl", c.array()), true, 0, "byte offset 84", "triangle 0, corner 0", "expected finite coordinates");
        fails(bytes("h.stl", new byte[50]), true, 0, "byte offset 0", "expected the 80-byte header");
    }

    @Test
    void off() throws Exception {
        fails(text("a.off", "OF\n"), true, 1, "expected the header keyword OFF");
        fails(text("b.off", "OFF\n3 1\n0 0 0\n1 0 0\n"), true, 5, "file ends after 2 of the 3 declared vertices");
        fails(text("c.off", "OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 3\n"), true, 6, "vertex index 2 of face 0", "0..2",
                "found 3");
        fails(text("d.off", "OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n3 0 1 2\n"), true, 7, "expected the end of the file",
                "wrong counts");
        fails(text("e.off", "OFF\n3 1 0\n0 0 0\n1 0 0\n0 one 0\n3 0 1 2\n"), true, 5, "coordinate y of vertex 2");
        fails(text("f.off", "OFF\nthree 1 0\n"), true, 2, "expected an integer for the vertex count");
        fails(text("g.off", "4OFF\n1 0 0\n0 0 0 0\n"), true, 1, "4-D");
        fails(text("h.off", "OFF BINARY\n"), true, 1, "binary OFF is not supported");
        fails(text("i.off", "OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n2 0 1\n"), true, 6, "expected the corner count of face 0 in 3..");
        fails(text("j.off", "OFF\n1 0 0\n0 0 -inf\n"), true, 3, "expected a finite number for coordinate z of vertex 0");
    }

    @Test
    void gzipTruncatedStream() throws Exception {
        Path p = dir.resolve("m.ply.gz");
        GeometryFiles.writeMesh(p, FormatRoundTripTest.octahedron());
        byte[] all = Files.readAllBytes(p);
        InputException e = fails(bytes("cut.ply.gz", Arrays.copyOf(all, all.length / 2)), true, 0, "cut.ply.gz");
        assertThat(e.getMessage()).containsAnyOf("cannot read", "file ends");
        assertThat(GeometryFiles.readMesh(p).triangleCount()).isEqualTo(8);
        TriangleMesh m = GeometryFiles.readMesh(p);
        assertThat(m.vertexCount()).isEqualTo(6);
    }
}
