package org.quire.geometry.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes PCD v0.7: fields {@code x y z} (F 4, or F 8 in double precision), {@code normal_x normal_y normal_z} when
 * present and {@code rgb} when present (U 4 holding the packed 0x00RRGGBB, as PCL itself writes it: the same bytes as
 * PCL's float-typed rgb, an unsigned integer in ASCII); WIDTH n, HEIGHT 1, identity VIEWPOINT. Data ascii, binary (little endian, point-major) or
 * binary_compressed (LZF, field-major).
 */
final class PcdWriter {
    private PcdWriter() {
    }

    static void write(ByteSink out, double[] xyz, double[] normals, int[] rgb, PcdEncoding data, boolean doubles) throws IOException {
        int n = xyz.length / 3;
        int fs = doubles ? 8 : 4;
        StringBuilder fields = new StringBuilder("x y z");
        StringBuilder size = new StringBuilder(fs + " " + fs + " " + fs);
        StringBuilder type = new StringBuilder("F F F");
        StringBuilder count = new StringBuilder("1 1 1");
        if (normals != null) {
            fields.append(" normal_x normal_y normal_z");
            size.append((" " + fs).repeat(3));
            type.append(" F F F");
            count.append(" 1 1 1");
        }
        if (rgb != null) {
            fields.append(" rgb");
            size.append(" 4");
            type.append(" U");
            count.append(" 1");
        }
        out.text("# .PCD v0.7 - Point Cloud Data file format\nVERSION 0.7\nFIELDS " + fields + "\nSIZE " + size + "\nTYPE "
                + type + "\nCOUNT " + count + "\nWIDTH " + n + "\nHEIGHT 1\nVIEWPOINT 0 0 0 1 0 0 0\nPOINTS " + n + "\nDATA "
                + data.name().toLowerCase(java.util.Locale.ROOT) + "\n");
        switch (data) {
        case ASCII:
            for (int i = 0; i < n; i++) {
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
                    out.ch(' ').integer(rgb[i] & 0xffffff);
                }
                out.ch('\n');
            }
            break;
        case BINARY:
            for (int i = 0; i < n; i++) {
                value3(out, xyz, i, doubles);
                if (normals != null) {
                    value3(out, normals, i, doubles);
                }
                if (rgb != null) {
                    out.i32(rgb[i] & 0xffffff, true);
                }
            }
            break;
        default:
            int stride = 3 * fs + (normals != null ? 3 * fs : 0) + (rgb != null ? 4 : 0);
            ByteBuffer raw = ByteBuffer.allocate(stride * n).order(ByteOrder.LITTLE_ENDIAN);
            for (double[] arr : normals == null ? new double[][] { xyz } : new double[][] { xyz, normals }) {
                for (int d = 0; d < 3; d++) {
                    for (int i = 0; i < n; i++) {
                        if (doubles) {
                            raw.putDouble(arr[3 * i + d]);
                        } else {
                            raw.putFloat((float) arr[3 * i + d]);
                        }
                    }
                }
            }
            if (rgb != null) {
                for (int i = 0; i < n; i++) {
                    raw.putInt(rgb[i] & 0xffffff);
                }
            }
            byte[] comp = Lzf.compress(raw.array());
            out.i32(comp.length, true).i32(raw.capacity(), true);
            for (byte b : comp) {
                out.u8(b);
            }
            break;
        }
    }

    private static void value3(ByteSink out, double[] a, int i, boolean doubles) throws IOException {
        for (int d = 0; d < 3; d++) {
            if (doubles) {
                out.f64(a[3 * i + d], true);
            } else {
                out.f32((float) a[3 * i + d], true);
            }
        }
    }
}
