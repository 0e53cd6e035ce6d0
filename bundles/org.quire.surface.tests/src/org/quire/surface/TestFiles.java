package org.quire.surface;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.quire.api.result.Table;
import org.quire.geometry.TriangleMesh;

/** Writes test inputs: tables as the platform's CSV (header, shortest round-trip numbers, RFC 4180 quoting), meshes as OBJ. */
public final class TestFiles {

    private TestFiles() {
    }

    /** The table as the batch platform writes it. */
    public static Path csv(Path dir, Table t) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < t.columns().size(); c++) {
            sb.append(c == 0 ? "" : ",").append(t.columns().get(c).name());
        }
        sb.append('\n');
        for (int r = 0; r < t.rowCount(); r++) {
            for (int c = 0; c < t.columns().size(); c++) {
                Table.Column col = t.columns().get(c);
                String s = col.text(r);
                if (!col.isNumeric() && (s.contains(",") || s.contains("\""))) {
                    s = '"' + s.replace("\"", "\"\"") + '"';
                }
                sb.append(c == 0 ? "" : ",").append(s);
            }
            sb.append('\n');
        }
        Path p = dir.resolve(t.name() + ".csv");
        Files.writeString(p, sb.toString());
        return p;
    }

    /** Query points as a CSV with header x,y,z. */
    public static Path queries(Path dir, String name, double[] xyz) throws IOException {
        StringBuilder sb = new StringBuilder("x,y,z\n");
        for (int i = 0; i < xyz.length; i += 3) {
            sb.append(xyz[i]).append(',').append(xyz[i + 1]).append(',').append(xyz[i + 2]).append('\n');
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }

    /** A mesh as an OBJ file. */
    public static Path obj(Path dir, String name, TriangleMesh m) throws IOException {
        StringBuilder sb = new StringBuilder();
        double[] v = m.verticesView();
        for (int i = 0; i < v.length; i += 3) {
            sb.append(String.format(Locale.ROOT, "v %.17g %.17g %.17g%n", v[i], v[i + 1], v[i + 2]));
        }
        int[] t = m.trianglesView();
        for (int i = 0; i < t.length; i += 3) {
            sb.append("f ").append(t[i] + 1).append(' ').append(t[i + 1] + 1).append(' ').append(t[i + 2] + 1).append('\n');
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }
}
