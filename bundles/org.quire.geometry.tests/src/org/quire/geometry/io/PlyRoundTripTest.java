package org.quire.geometry.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.geometry.PointSet;
import org.quire.geometry.TriangleMesh;

/** PLY written and read back in every encoding. */
class PlyRoundTripTest {
    @TempDir
    Path dir;

    static PointSet randomCloud(int n, long seed) {
        Random r = new Random(seed);
        double[] xyz = new double[3 * n];
        double[] nrm = new double[3 * n];
        int[] rgb = new int[n];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 3; d++) {
                xyz[3 * i + d] = r.nextGaussian() * 100;
            }
            double a = r.nextGaussian(), b = r.nextGaussian(), c = r.nextGaussian(), l = Math.sqrt(a * a + b * b + c * c);
            nrm[3 * i] = a / l;
            nrm[3 * i + 1] = b / l;
            nrm[3 * i + 2] = c / l;
            rgb[i] = r.nextInt(1 << 24);
        }
        return new PointSet(xyz, nrm, rgb);
    }

    @Test
    void pointsRoundTripExactlyInDoublePrecision() throws Exception {
        PointSet s = randomCloud(500, 1);
        for (PlyEncoding e : PlyEncoding.values()) {
            Path p = dir.resolve("c_" + e + ".ply");
            GeometryFiles.writePly(p, s, e, true);
            PointSet t = GeometryFiles.readPoints(p);
            assertThat(t.xyz()).as(e.toString()).containsExactly(s.xyz());
            assertThat(t.normals()).containsExactly(s.normals());
            assertThat(t.rgb()).containsExactly(s.rgb());
        }
    }

    @Test
    void meshRoundTripsInFloatPrecision() throws Exception {
        double[] v = { 0, 0, 0, 1.1, 0, 0, 0, 1.3, 0, 0, 0, 1.7 };
        int[] f = { 0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3 };
        TriangleMesh m = new TriangleMesh(v, f);
        for (PlyEncoding e : PlyEncoding.values()) {
            Path p = dir.resolve("m_" + e + ".ply");
            GeometryFiles.writePly(p, m, e, false);
            TriangleMesh r = GeometryFiles.readMesh(p);
            assertThat(r.trianglesView()).containsExactly(f);
            for (int i = 0; i < v.length; i++) {
                assertThat(r.verticesView()[i]).isEqualTo((double) (float) v[i]);
            }
        }
    }
}
