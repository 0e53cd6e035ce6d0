package org.quire.geometry.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.geometry.PointSet;
import org.quire.geometry.TriangleMesh;

/** Hand-written files in the variants other tools produce, with the values they must give. */
class ReaderFormsTest {
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

    @Test
    void plyAsciiWithExtraPropertiesQuadsAndOtherElements() throws Exception {
        Path p = text("q.ply", "ply\r\nformat ascii 1.0\r\ncomment made by hand\r\nobj_info x\r\n"
                + "element vertex 4\r\nproperty float x\r\nproperty float y\r\nproperty float z\r\nproperty float confidence\r\n"
                + "property uchar red\r\nproperty uchar green\r\nproperty uchar blue\r\nproperty uchar alpha\r\n"
                + "element face 1\r\nproperty uchar flags\r\nproperty list uchar int vertex_indices\r\n"
                + "element edge 1\r\nproperty int vertex1\r\nproperty int vertex2\r\nend_header\r\n"
                + "0 0 0 0.5 255 0 0 255\r\n1 0 0 0.5 0 255 0 255\r\n1 1 0 0.5 0 0 255 255\r\n0 1 0 0.5 1 2 3 255\r\n"
                + "7 4 0 1 2 3\r\n0 1\r\n");
        TriangleMesh m = GeometryFiles.readMesh(p);
        assertThat(m.trianglesView()).containsExactly(0, 1, 2, 0, 2, 3);
        PointSet s = GeometryFiles.readPoints(p);
        assertThat(s.rgb()).containsExactly(0xff0000, 0x00ff00, 0x0000ff, 0x010203);
        assertThat(s.hasNormals()).isFalse();
    }

    @Test
    void plyBinaryBigEndianWithIntCountsUintIndicesAndDoubles() throws Exception {
        String header = "ply\nformat binary_big_endian 1.0\nelement vertex 3\nproperty double x\nproperty double y\n"
                + "property double z\nproperty float nx\nproperty float ny\nproperty float nz\n"
                + "element face 1\nproperty list int uint vertex_indices\nend_header\n";
        ByteBuffer b = ByteBuffer.allocate(header.length() + 3 * (24 + 12) + 4 + 12).order(ByteOrder.BIG_ENDIAN);
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        double[][] v = { { 0.1, 0.2, 0.3 }, { 1e-300, -5, 7 }, { 3, 2, 1 } };
        for (double[] x : v) {
            b.putDouble(x[0]).putDouble(x[1]).putDouble(x[2]).putFloat(0).putFloat(0).putFloat(1);
        }
        b.putInt(3).putInt(2).putInt(1).putInt(0);
        Path p = bytes("be.ply", b.array());
        PointSet s = GeometryFiles.readPoints(p);
        assertThat(s.xyz()).containsExactly(0.1, 0.2, 0.3, 1e-300, -5, 7, 3, 2, 1);
        assertThat(s.normals()).containsExactly(0, 0, 1, 0, 0, 1, 0, 0, 1);
        assertThat(GeometryFiles.readMesh(p).trianglesView()).containsExactly(2, 1, 0);
    }

    @Test
    void plyBinaryLittleEndianVertexIndexSpellingAndSizedTypes() throws Exception {
        String header = "ply\nformat binary_little_endian 1.0\nelement vertex 3\nproperty float32 x\nproperty float32 y\n"
                + "property float32 z\nproperty int16 label\nelement face 1\nproperty list uint8 int32 vertex_index\nend_header\n";
        ByteBuffer b = ByteBuffer.allocate(header.length() + 3 * 14 + 13).order(ByteOrder.LITTLE_ENDIAN);
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 3; i++) {
            b.putFloat(i).putFloat(2 * i).putFloat(0.5f).putShort((short) -i);
        }
        b.put((byte) 3).putInt(0).putInt(1).putInt(2);
        TriangleMesh m = GeometryFiles.readMesh(bytes("le.ply", b.array()));
        assertThat(m.verticesView()).containsExactly(0, 0, 0.5, 1, 2, 0.5, 2, 4, 0.5);
        assertThat(m.trianglesView()).containsExactly(0, 1, 2);
    }

    @Test
    void pcdAsciiWithViewpointRgbAsFloatAndAsIntegerAndExtraFields() throws Exception {
        float packed = Float.intBitsToFloat(0x00ff8000);
        Path p = text("a.pcd", "# .PCD v0.7 - Point Cloud Data file format\nVERSION 0.7\nFIELDS x y z rgb intensity\n"
                + "SIZE 4 4 4 4 4\nTYPE F F F F F\nCOUNT 1 1 1 1 1\nWIDTH 2\nHEIGHT 1\nVIEWPOINT 0 0 0 1 0 0 0\nPOINTS 2\n"
                + "DATA ascii\n1.5 2.5 -3.5 " + Float.toString(packed) + " 7\n0 0 1e2 " + 0x0000ff + " 8\n");
        PointSet s = GeometryFiles.readPoints(p);
        assertThat(s.xyz()).containsExactly(1.5, 2.5, -3.5, 0, 0, 100);
        assertThat(s.rgb()).containsExactly(0xff8000, 0x0000ff);
    }

    @Test
    void pcdBinaryWithCountedFieldAndOrganisedCloudDroppingNaN() throws Exception {
        String header = "VERSION .7\nFIELDS x y z normal_x normal_y normal_z hist\nSIZE 4 4 4 4 4 4 2\nTYPE F F F F F F U\n"
                + "COUNT 1 1 1 1 1 1 3\nWIDTH 2\nHEIGHT 2\nVIEWPOINT 0 0 0 1 0 0 0\nPOINTS 4\nDATA binary\n";
        int stride = 6 * 4 + 6;
        ByteBuffer b = ByteBuffer.allocate(header.length() + 4 * stride).order(ByteOrder.LITTLE_ENDIAN);
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 4; i++) {
            float x = i == 2 ? Float.NaN : i;
            b.putFloat(x).putFloat(-i).putFloat(10).putFloat(0).putFloat(1).putFloat(0);
            b.putShort((short) 1).putShort((short) 2).putShort((short) 3);
        }
        Path p = bytes("o.pcd", b.array());
        PointSet s = GeometryFiles.readPoints(p, true);
        assertThat(s.xyz()).containsExactly(0, 0, 10, 1, -1, 10, 3, -3, 10);
        assertThat(s.normals()).containsExactly(0, 1, 0, 0, 1, 0, 0, 1, 0);
    }

    @Test
    void pcdBinaryCompressedWrittenByHand() throws Exception {
        // 2 points, fields x y z (F4), column-major, compressed as a single literal run
        ByteBuffer raw = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        raw.putFloat(1).putFloat(4).putFloat(2).putFloat(5).putFloat(3).putFloat(6);
        byte[] lit = raw.array();
        String header = "VERSION 0.7\nFIELDS x y z\nSIZE 4 4 4\nTYPE F F F\nCOUNT 1 1 1\nWIDTH 2\nHEIGHT 1\n"
                + "VIEWPOINT 0 0 0 1 0 0 0\nPOINTS 2\nDATA binary_compressed\n";
        ByteBuffer b = ByteBuffer.allocate(header.length() + 8 + 25).order(ByteOrder.LITTLE_ENDIAN);
        b.put(header.getBytes(StandardCharsets.US_ASCII)).putInt(25).putInt(24).put((byte) 23).put(lit);
        assertThat(GeometryFiles.readPoints(bytes("c.pcd", b.array())).xyz()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void lzfRoundTripsRepetitiveAndRandomData() {
        java.util.Random r = new java.util.Random(3);
        for (int n : new int[] { 0, 1, 2, 3, 31, 32, 33, 1000, 100000 }) {
            byte[] in = new byte[n];
            for (int i = 0; i < n; i++) {
                in[i] = (byte) (i % 7 == 0 ? r.nextInt() : i % 13);
            }
            byte[] out = new byte[n];
            assertThat(Lzf.decompress(Lzf.compress(in), out)).isEqualTo(n);
            assertThat(out).containsExactly(in);
        }
    }

    @Test
    void xyzDelimitersHeadersDecimalCommaAndComments() throws Exception {
        assertThat(GeometryFiles.readPoints(text("a.xyz", "# scan\n1 2 3\n\n  4\t5  6 99\n// note\n7 8 9 # tail\n")).xyz())
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(GeometryFiles.readPoints(text("b.csv", "1,2,3\n4, 5 ,6\n")).xyz()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(GeometryFiles.readPoints(text("c.csv", "1;2;3\r\n4,5;5;6\r\n")).xyz()).containsExactly(1, 2, 3, 4.5, 5, 6);
        assertThat(GeometryFiles.readPoints(text("d.txt", "1\t2\t3\n4\t5\t6\n")).xyz()).containsExactly(1, 2, 3, 4, 5, 6);
        PointSet named = GeometryFiles.readPoints(text("e.csv", "id,Z,nx,X,ny,Y,nz,intensity\n7,3,0,1,0,2,1,0.5\n8,6,1,4,0,5,0,0.1\n"));
        assertThat(named.xyz()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(named.normals()).containsExactly(0, 0, 1, 1, 0, 0);
        PointSet coloured = GeometryFiles.readPoints(text("f.txt", "x y z r g b\n1 2 3 255 128 0\n"));
        assertThat(coloured.rgb()).containsExactly(0xff8000);
        // six columns without a header: extra columns ignored
        PointSet six = GeometryFiles.readPoints(text("g.xyz", "1 2 3 0 0 1\n"));
        assertThat(six.hasNormals()).isFalse();
        assertThat(six.xyz()).containsExactly(1, 2, 3);
    }

    @Test
    void objCornerFormsNegativeIndicesPolygonsAndNormals() throws Exception {
        Path p = text("a.obj", "# cube corner\nmtllib a.mtl\no thing\nv 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nvt 0 0\nvt 1 0\n"
                + "vn 0 0 1\ng side\nusemtl m\ns off\nf 1/1/1 2/2/1 3/1/1 4/2/1\nf -4//1 -2//1 -1//1\nf 1/1 2/2 3/2\nf 1 3 4\n"
                + "l 1 2\n");
        TriangleMesh m = GeometryFiles.readMesh(p);
        assertThat(m.trianglesView()).containsExactly(0, 1, 2, 0, 2, 3, 0, 2, 3, 0, 1, 2, 0, 2, 3);
        PointSet s = GeometryFiles.readPoints(p);
        assertThat(s.normals()).containsExactly(0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1);
    }

    @Test
    void stlAsciiAndBinaryThatStartsWithSolid() throws Exception {
        Path a = text("a.stl", "solid cube\n  facet normal 0 0 1\n    outer loop\n      vertex 0 0 0\n      vertex 1 0 0\n"
                + "      vertex 0 1 0\n    endloop\n  endfacet\n  facet normal 0 0 1\n    outer loop\n      vertex 1 0 0\n"
                + "      vertex 1 1 0\n      vertex 0 1 0\n    endloop\n  endfacet\nendsolid cube\n");
        TriangleMesh m = GeometryFiles.readMesh(a);
        assertThat(m.vertexCount()).isEqualTo(4);
        assertThat(m.trianglesView()).containsExactly(0, 1, 2, 1, 3, 2);
        ByteBuffer b = ByteBuffer.allocate(84 + 50).order(ByteOrder.LITTLE_ENDIAN);
        byte[] head = "solid binary file from a CAD tool that puts solid in the header".getBytes(StandardCharsets.US_ASCII);
        b.put(head).position(80);
        b.putInt(1).putFloat(0).putFloat(0).putFloat(1);
        b.putFloat(0).putFloat(0).putFloat(0).putFloat(2).putFloat(0).putFloat(0).putFloat(0).putFloat(3).putFloat(0);
        b.putShort((short) 0);
        TriangleMesh bin = GeometryFiles.readMesh(bytes("b.stl", b.array()));
        assertThat(bin.verticesView()).containsExactly(0, 0, 0, 2, 0, 0, 0, 3, 0);
        assertThat(bin.area()).isEqualTo(3.0);
    }

    @Test
    void offWithCommentsPolygonsColoursAndCountsOnTheHeaderLine() throws Exception {
        Path p = text("a.off", "OFF # a square\n# comment line\n\n4 1 0\n0 0 0\n1 0 0 # inline\n1 1 0\n0 1 0\n4 0 1 2 3 255 0 0\n");
        assertThat(GeometryFiles.readMesh(p).trianglesView()).containsExactly(0, 1, 2, 0, 2, 3);
        Path q = text("b.off", "COFF 3 1 3\n0 0 0 255 0 0 255\n1 0 0 0.0 1.0 0.0 1.0\n0 1 0 0 0 255 255\n3 0 1 2\n");
        PointSet s = GeometryFiles.readPoints(q);
        assertThat(s.rgb()).containsExactly(0xff0000, 0x00ff00, 0x0000ff);
        Path r = text("c.off", "NOFF\n2 0 0\n0 0 0 0 0 1\n1 1 1 0 1 0\n");
        assertThat(GeometryFiles.readPoints(r).normals()).containsExactly(0, 0, 1, 0, 1, 0);
    }
}
