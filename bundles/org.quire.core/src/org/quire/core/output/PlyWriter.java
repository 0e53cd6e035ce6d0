package org.quire.core.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.quire.api.result.Mesh;
import org.quire.api.result.PointCloud;

/**
 * Writes point clouds and triangle meshes as binary little-endian PLY 1.0: vertices as
 * {@code float x y z} (then {@code float nx ny nz}, {@code uchar red green blue} and {@code float scalar}, its label in a
 * {@code comment scalar:} header line, when the cloud has them), faces as {@code list uchar int vertex_indices} with three indices each.
 * Stateless and thread-safe.
 */
final class PlyWriter {

    private static final int CHUNK = 1 << 16;

    private PlyWriter() {
    }

    /** Writes a point cloud. Does not close the stream. */
    static void write(PointCloud cloud, OutputStream out) throws IOException {
        float[] xyz = cloud.xyz();
        float[] normals = cloud.normals();
        int[] rgb = cloud.rgb();
        float[] scalars = cloud.scalars();
        int n = cloud.size();
        StringBuilder h = header("point cloud " + cloud.name());
        if (scalars != null) {
            h.append("comment scalar: ").append(cloud.scalarLabel().replace('\n', ' ')).append('\n');
        }
        h.append("element vertex ").append(n).append('\n');
        h.append("property float x\nproperty float y\nproperty float z\n");
        if (normals != null) {
            h.append("property float nx\nproperty float ny\nproperty float nz\n");
        }
        if (rgb != null) {
            h.append("property uchar red\nproperty uchar green\nproperty uchar blue\n");
        }
        if (scalars != null) {
            h.append("property float scalar\n");
        }
        out.write(h.append("end_header\n").toString().getBytes(StandardCharsets.US_ASCII));
        int stride = 12 + (normals != null ? 12 : 0) + (rgb != null ? 3 : 0) + (scalars != null ? 4 : 0);
        ByteBuffer buf = buffer(stride);
        for (int i = 0; i < n; i++) {
            if (buf.remaining() < stride) {
                drain(buf, out);
            }
            buf.putFloat(xyz[3 * i]).putFloat(xyz[3 * i + 1]).putFloat(xyz[3 * i + 2]);
            if (normals != null) {
                buf.putFloat(normals[3 * i]).putFloat(normals[3 * i + 1]).putFloat(normals[3 * i + 2]);
            }
            if (rgb != null) {
                buf.put((byte) (rgb[i] >>> 16)).put((byte) (rgb[i] >>> 8)).put((byte) rgb[i]);
            }
            if (scalars != null) {
                buf.putFloat(scalars[i]);
            }
        }
        drain(buf, out);
    }

    /** Writes a triangle mesh. Does not close the stream. */
    static void write(Mesh mesh, OutputStream out) throws IOException {
        float[] v = mesh.vertices();
        int[] t = mesh.triangles();
        StringBuilder h = header("mesh " + mesh.name())
                .append("element vertex ").append(mesh.vertexCount()).append('\n')
                .append("property float x\nproperty float y\nproperty float z\n")
                .append("element face ").append(mesh.triangleCount()).append('\n')
                .append("property list uchar int vertex_indices\n")
                .append("end_header\n");
        out.write(h.toString().getBytes(StandardCharsets.US_ASCII));
        ByteBuffer buf = buffer(13);
        for (float f : v) {
            if (buf.remaining() < 4) {
                drain(buf, out);
            }
            buf.putFloat(f);
        }
        for (int i = 0; i < t.length; i += 3) {
            if (buf.remaining() < 13) {
                drain(buf, out);
            }
            buf.put((byte) 3).putInt(t[i]).putInt(t[i + 1]).putInt(t[i + 2]);
        }
        drain(buf, out);
    }

    private static StringBuilder header(String what) {
        return new StringBuilder(256).append("ply\nformat binary_little_endian 1.0\ncomment ")
                .append(what.replaceAll("[\\r\\n]", " ")).append(", written by Quire\n");
    }

    private static ByteBuffer buffer(int stride) {
        return ByteBuffer.allocate(Math.max(CHUNK, stride)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void drain(ByteBuffer buf, OutputStream out) throws IOException {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
    }
}
