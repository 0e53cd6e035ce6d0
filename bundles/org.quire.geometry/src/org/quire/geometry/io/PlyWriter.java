package org.quire.geometry.io;

import java.io.IOException;

/**
 * Writes PLY: a {@code vertex} element with {@code x y z} (float or double), {@code nx ny nz} when present and
 * {@code red green blue} as uchar when present, and for meshes a {@code face} element with
 * {@code property list uchar int vertex_indices}.
 */
final class PlyWriter {
    private PlyWriter() {
    }

    static void write(ByteSink out, double[] xyz, double[] normals, int[] rgb, int[] triangles, PlyEncoding enc,
            boolean doubles) throws IOException {
        int n = xyz.length / 3;
        String t = doubles ? "double" : "float";
        out.text("ply\nformat " + enc.headerName + " 1.0\ncomment written by Quire\n");
        out.text("element vertex " + n + "\nproperty " + t + " x\nproperty " + t + " y\nproperty " + t + " z\n");
        if (normals != null) {
            out.text("property " + t + " nx\nproperty " + t + " ny\nproperty " + t + " nz\n");
        }
        if (rgb != null) {
            out.text("property uchar red\nproperty uchar green\nproperty uchar blue\n");
        }
        if (triangles != null) {
            out.text("element face " + triangles.length / 3 + "\nproperty list uchar int vertex_indices\n");
        }
        out.text("end_header\n");
        boolean ascii = enc == PlyEncoding.ASCII;
        boolean little = enc == PlyEncoding.BINARY_LITTLE_ENDIAN;
        for (int i = 0; i < n; i++) {
            if (ascii) {
                for (int d = 0; d < 3; d++) {
                    if (d > 0) {
                        out.ch(' ');
                    }
                    out.number(doubles ? xyz[3 * i + d] : (double) (float) xyz[3 * i + d]);
                }
                if (normals != null) {
                    for (int d = 0; d < 3; d++) {
                        out.ch(' ').number(doubles ? normals[3 * i + d] : (double) (float) normals[3 * i + d]);
                    }
                }
                if (rgb != null) {
                    out.ch(' ').integer((rgb[i] >> 16) & 0xff).ch(' ').integer((rgb[i] >> 8) & 0xff).ch(' ')
                            .integer(rgb[i] & 0xff);
                }
                out.ch('\n');
            } else {
                for (int d = 0; d < 3; d++) {
                    if (doubles) {
                        out.f64(xyz[3 * i + d], little);
                    } else {
                        out.f32((float) xyz[3 * i + d], little);
                    }
                }
                if (normals != null) {
                    for (int d = 0; d < 3; d++) {
                        if (doubles) {
                            out.f64(normals[3 * i + d], little);
                        } else {
                            out.f32((float) normals[3 * i + d], little);
                        }
                    }
                }
                if (rgb != null) {
                    out.u8(rgb[i] >> 16).u8(rgb[i] >> 8).u8(rgb[i]);
                }
            }
        }
        if (triangles != null) {
            for (int f = 0; f < triangles.length; f += 3) {
                if (ascii) {
                    out.text("3 ").integer(triangles[f]).ch(' ').integer(triangles[f + 1]).ch(' ').integer(triangles[f + 2])
                            .ch('\n');
                } else {
                    out.u8(3).i32(triangles[f], little).i32(triangles[f + 1], little).i32(triangles[f + 2], little);
                }
            }
        }
    }
}
