package org.quire.geometry.io;

import java.io.IOException;

/** Writers for the text formats XYZ/CSV, OBJ and OFF, and for binary STL. Values are written so they read back exactly. */
final class TextWriters {
    private TextWriters() {
    }

    /**
     * One point per line, {@code x y z [nx ny nz] [red green blue]}, separated by {@code sep}; a header row naming the
     * columns is written when {@code header} is true or when there are more columns than x y z.
     */
    static void xyz(ByteSink out, double[] xyz, double[] normals, int[] rgb, char sep, boolean header) throws IOException {
        if (header || normals != null || rgb != null) {
            out.text("x").ch(sep).text("y").ch(sep).text("z");
            if (normals != null) {
                out.ch(sep).text("nx").ch(sep).text("ny").ch(sep).text("nz");
            }
            if (rgb != null) {
                out.ch(sep).text("red").ch(sep).text("green").ch(sep).text("blue");
            }
            out.ch('\n');
        }
        int n = xyz.length / 3;
        for (int i = 0; i < n; i++) {
            out.number(xyz[3 * i]).ch(sep).number(xyz[3 * i + 1]).ch(sep).number(xyz[3 * i + 2]);
            if (normals != null) {
                out.ch(sep).number(normals[3 * i]).ch(sep).number(normals[3 * i + 1]).ch(sep).number(normals[3 * i + 2]);
            }
            if (rgb != null) {
                out.ch(sep).integer((rgb[i] >> 16) & 0xff).ch(sep).integer((rgb[i] >> 8) & 0xff).ch(sep).integer(rgb[i] & 0xff);
            }
            out.ch('\n');
        }
    }

    /**
     * {@code v} lines (with {@code r g b} in [0, 1] when coloured), {@code vn} lines (the i-th for the i-th vertex) and
     * {@code f v//vn} faces.
     */
    static void obj(ByteSink out, double[] xyz, double[] normals, int[] rgb, int[] triangles) throws IOException {
        out.text("# written by Quire\n");
        int n = xyz.length / 3;
        for (int i = 0; i < n; i++) {
            out.text("v ").number(xyz[3 * i]).ch(' ').number(xyz[3 * i + 1]).ch(' ').number(xyz[3 * i + 2]);
            if (rgb != null) {
                out.ch(' ').number(((rgb[i] >> 16) & 0xff) / 255.0).ch(' ').number(((rgb[i] >> 8) & 0xff) / 255.0).ch(' ')
                        .number((rgb[i] & 0xff) / 255.0);
            }
            out.ch('\n');
        }
        if (normals != null) {
            for (int i = 0; i < n; i++) {
                out.text("vn ").number(normals[3 * i]).ch(' ').number(normals[3 * i + 1]).ch(' ').number(normals[3 * i + 2])
                        .ch('\n');
            }
        }
        if (triangles != null) {
            for (int f = 0; f < triangles.length; f += 3) {
                out.ch('f');
                for (int k = 0; k < 3; k++) {
                    int v = triangles[f + k] + 1;
                    out.ch(' ').integer(v);
                    if (normals != null) {
                        out.text("//").integer(v);
                    }
                }
                out.ch('\n');
            }
        }
    }

    /** OFF (NOFF with normals, COFF with 0..255 colours, CNOFF with both). */
    static void off(ByteSink out, double[] xyz, double[] normals, int[] rgb, int[] triangles) throws IOException {
        out.text((rgb != null ? "C" : "") + (normals != null ? "N" : "") + "OFF\n");
        int n = xyz.length / 3;
        int nf = triangles == null ? 0 : triangles.length / 3;
        out.integer(n).ch(' ').integer(nf).text(" 0\n");
        for (int i = 0; i < n; i++) {
            out.number(xyz[3 * i]).ch(' ').number(xyz[3 * i + 1]).ch(' ').number(xyz[3 * i + 2]);
            if (normals != null) {
                out.ch(' ').number(normals[3 * i]).ch(' ').number(normals[3 * i + 1]).ch(' ').number(normals[3 * i + 2]);
            }
            if (rgb != null) {
                out.ch(' ').integer((rgb[i] >> 16) & 0xff).ch(' ').integer((rgb[i] >> 8) & 0xff).ch(' ')
                        .integer(rgb[i] & 0xff).text(" 255");
            }
            out.ch('\n');
        }
        for (int f = 0; f < nf; f++) {
            out.text("3 ").integer(triangles[3 * f]).ch(' ').integer(triangles[3 * f + 1]).ch(' ')
                    .integer(triangles[3 * f + 2]).ch('\n');
        }
    }

    /** Binary little endian STL (single precision) with unit face normals; the 80-byte header names Quire. */
    static void stl(ByteSink out, double[] v, int[] triangles) throws IOException {
        byte[] header = new byte[80];
        byte[] name = "binary STL written by Quire".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, header, 0, name.length);
        for (byte b : header) {
            out.u8(b);
        }
        int nt = triangles.length / 3;
        out.i32(nt, true);
        for (int t = 0; t < nt; t++) {
            int a = 3 * triangles[3 * t], b = 3 * triangles[3 * t + 1], c = 3 * triangles[3 * t + 2];
            double ux = v[b] - v[a], uy = v[b + 1] - v[a + 1], uz = v[b + 2] - v[a + 2];
            double wx = v[c] - v[a], wy = v[c + 1] - v[a + 1], wz = v[c + 2] - v[a + 2];
            double nx = uy * wz - uz * wy, ny = uz * wx - ux * wz, nz = ux * wy - uy * wx;
            double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
            if (len > 0) {
                nx /= len;
                ny /= len;
                nz /= len;
            }
            out.f32((float) nx, true).f32((float) ny, true).f32((float) nz, true);
            for (int k : new int[] { a, b, c }) {
                out.f32((float) v[k], true).f32((float) v[k + 1], true).f32((float) v[k + 2], true);
            }
            out.u16(0, true);
        }
    }
}
