package org.quire.geometry.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.geometry.PointSet;
import org.quire.geometry.TriangleMesh;

/**
 * Every writer read back by the matching reader. Double-precision formats must return the exact doubles; float
 * formats the values rounded to float; text formats the exact doubles (shortest round-trip decimal).
 */
class FormatRoundTripTest {
    @TempDir
    Path dir;

    private static double[] toFloat(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = (float) a[i];
        }
        return r;
    }

    /** A closed octahedron with irrational-looking coordinates. */
    static TriangleMesh octahedron() {
        double a = Math.PI / 3, b = Math.E / 2, c = Math.sqrt(2);
        double[] v = { a, 0, 0, -a, 0, 0, 0, b, 0, 0, -b, 0, 0, 0, c, 0, 0, -c };
        int[] t = { 0, 2, 4, 2, 1, 4, 1, 3, 4, 3, 0, 4, 2, 0, 5, 1, 2, 5, 3, 1, 5, 0, 3, 5 };
        return new TriangleMesh(v, t);
    }

    @Test
    void plyAllEncodingsBothPrecisions() throws Exception {
        PointSet s = PlyRoundTripTest.randomCloud(300, 2);
        for (PlyEncoding e : PlyEncoding.values()) {
            for (boolean dbl : new boolean[] { true, false }) {
                Path p = dir.resolve("p_" + e + dbl + ".ply");
                GeometryFiles.writePly(p, s, e, dbl);
                PointSet t = GeometryFiles.readPoints(p);
                assertThat(t.xyz()).as("%s %s", e, dbl).containsExactly(dbl ? s.xyz() : toFloat(s.xyz()));
                assertThat(t.normals()).containsExactly(dbl ? s.normals() : toFloat(s.normals()));
                assertThat(t.rgb()).containsExactly(s.rgb());
            }
        }
    }

    @Test
    void pcdAllEncodingsBothPrecisions() throws Exception {
        PointSet s = PlyRoundTripTest.randomCloud(400, 3);
        for (PcdEncoding e : PcdEncoding.values()) {
            for (boolean dbl : new boolean[] { true, false }) {
                Path p = dir.resolve("p_" + e + dbl + ".pcd");
                GeometryFiles.writePcd(p, s, e, dbl);
                PointSet t = GeometryFiles.readPoints(p);
                assertThat(t.xyz()).as("%s %s", e, dbl).containsExactly(dbl ? s.xyz() : toFloat(s.xyz()));
                assertThat(t.normals()).containsExactly(dbl ? s.normals() : toFloat(s.normals()));
                assertThat(t.rgb()).containsExactly(s.rgb());
            }
        }
        // positions only, default writer (binary float)
        PointSet plain = PointSet.of(s.xyz());
        Path p = dir.resolve("plain.pcd");
        GeometryFiles.writePoints(p, plain);
        assertThat(GeometryFiles.readPoints(p).xyz()).containsExactly(toFloat(s.xyz()));
        assertThat(GeometryFiles.readPoints(p).hasNormals()).isFalse();
    }

    @Test
    void xyzCsvTxtExact() throws Exception {
        PointSet s = PlyRoundTripTest.randomCloud(250, 4);
        for (String name : new String[] { "a.xyz", "a.csv", "a.txt" }) {
            Path p = dir.resolve(name);
            GeometryFiles.writePoints(p, s);
            PointSet t = GeometryFiles.readPoints(p);
            assertThat(t.xyz()).as(name).containsExactly(s.xyz());
            assertThat(t.normals()).containsExactly(s.normals());
            assertThat(t.rgb()).containsExactly(s.rgb());
        }
        for (char sep : new char[] { ';', '\t', ' ', ',' }) {
            Path p = dir.resolve("sep" + (int) sep + ".txt");
            PointSet plain = PointSet.of(s.xyz());
            GeometryFiles.writeXyz(p, plain, sep, false);
            assertThat(GeometryFiles.readPoints(p).xyz()).as("separator %d", (int) sep).containsExactly(s.xyz());
        }
    }

    @Test
    void meshFormatsRoundTrip() throws Exception {
        TriangleMesh m = octahedron();
        for (String name : new String[] { "m.ply", "m.obj", "m.off", "m.ply.gz", "m.obj.gz" }) {
            Path p = dir.resolve(name);
            GeometryFiles.writeMesh(p, m);
            TriangleMesh r = GeometryFiles.readMesh(p);
            assertThat(r.verticesView()).as(name).containsExactly(m.verticesView());
            assertThat(r.trianglesView()).as(name).containsExactly(m.trianglesView());
        }
        Path stl = dir.resolve("m.stl");
        GeometryFiles.writeMesh(stl, m);
        assertThat(Files.size(stl)).isEqualTo(84 + 50L * m.triangleCount());
        TriangleMesh r = GeometryFiles.readMesh(stl);
        // STL repeats corners; welding restores the 6 shared vertices in first-use order
        assertThat(r.vertexCount()).isEqualTo(6);
        assertThat(r.triangleCount()).isEqualTo(8);
        for (int t = 0; t < 8; t++) {
            for (int k = 0; k < 3; k++) {
                int a = m.trianglesView()[3 * t + k], b = r.trianglesView()[3 * t + k];
                for (int d = 0; d < 3; d++) {
                    assertThat(r.verticesView()[3 * b + d]).isEqualTo((double) (float) m.verticesView()[3 * a + d]);
                }
            }
        }
        assertThat(r.area()).isCloseTo(m.area(), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void plyMeshEveryEncoding() throws Exception {
        TriangleMesh m = octahedron();
        for (PlyEncoding e : PlyEncoding.values()) {
            Path p = dir.resolve("o_" + e + ".ply");
            GeometryFiles.writePly(p, m, e, true);
            TriangleMesh r = GeometryFiles.readMesh(p);
            assertThat(r.verticesView()).containsExactly(m.verticesView());
            assertThat(r.trianglesView()).containsExactly(m.trianglesView());
        }
    }

    @Test
    void pointSetsInMeshFormats() throws Exception {
        PointSet s = PlyRoundTripTest.randomCloud(50, 5);
        Path off = dir.resolve("p.off");
        GeometryFiles.writePoints(off, s);
        PointSet t = GeometryFiles.readPoints(off);
        assertThat(t.xyz()).containsExactly(s.xyz());
        assertThat(t.normals()).containsExactly(s.normals());
        assertThat(t.rgb()).containsExactly(s.rgb());
        Path obj = dir.resolve("p.obj");
        GeometryFiles.writePoints(obj, s);
        PointSet o = GeometryFiles.readPoints(obj);
        assertThat(o.xyz()).containsExactly(s.xyz());
        assertThat(o.normals()).containsExactly(s.normals());
        assertThat(o.rgb()).containsExactly(s.rgb());
        assertThatThrownBy(() -> GeometryFiles.writePoints(dir.resolve("p.stl"), s)).isInstanceOf(IOException.class)
                .hasMessageContaining("expected a mesh");
        assertThatThrownBy(() -> GeometryFiles.writeMesh(dir.resolve("m.pcd"), octahedron()))
                .isInstanceOf(IOException.class).hasMessageContaining("points only");
        assertThatThrownBy(() -> GeometryFiles.readMesh(dir.resolve("p.off"))).hasMessageContaining("p.off");
    }

    @Test
    void readPointsOfMeshGivesVertices() throws Exception {
        Path p = dir.resolve("m.off");
        GeometryFiles.writeMesh(p, octahedron());
        assertThat(GeometryFiles.readPoints(p).xyz()).containsExactly(octahedron().verticesView());
    }

    @Test
    void emptySetsRoundTrip() throws Exception {
        PointSet empty = PointSet.of(new double[0]);
        for (String name : new String[] { "e.ply", "e.pcd", "e.off" }) {
            Path p = dir.resolve(name);
            GeometryFiles.writePoints(p, empty);
            assertThat(GeometryFiles.readPoints(p).size()).as(name).isZero();
        }
    }
}
