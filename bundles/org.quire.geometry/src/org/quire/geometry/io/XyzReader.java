package org.quire.geometry.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.quire.api.InputException;

/**
 * Reads delimited text with one point per line. The delimiter is detected on the first data line: semicolon if present,
 * else comma, else tab or spaces (runs of blanks). With a semicolon or blank delimiter a decimal comma is accepted. A
 * first line that is not numeric is a header: columns named {@code x y z} give positions (else the first three
 * columns), {@code nx ny nz} (or {@code normal_x ...}) normals and {@code r g b} / {@code red green blue} colours
 * (0..255); other columns are ignored. Without a header the first three columns are x, y, z and extra columns are
 * ignored. Lines starting with {@code #} or {@code //} and blank lines are skipped.
 */
final class XyzReader {
    private XyzReader() {
    }

    /**
     * Reads the file; {@code expectedPoints} (from a counting pass, or -1) sizes the arrays so that the text needs no
     * growing copies.
     */
    static RawGeometry read(ByteSource src, boolean dropNonFinite, long expectedPoints) throws InputException {
        String first;
        long firstLineNo;
        while (true) {
            firstLineNo = src.line();
            first = src.readLine();
            if (first == null) {
                throw new InputException(src.file(), firstLineNo, firstLineNo == 1 ? "empty file; expected lines 'x y z'"
                        : "no data lines; expected lines 'x y z'");
            }
            String t = first.trim();
            if (!t.isEmpty() && !t.startsWith("#") && !t.startsWith("//")) {
                break;
            }
        }
        byte delim;
        if (first.indexOf(';') >= 0) {
            delim = ';';
        } else if (first.indexOf(',') >= 0) {
            delim = ',';
        } else {
            delim = 0;
        }
        boolean decimalComma = delim != ',';
        String[] cells = split(first, delim);
        boolean header = false;
        for (String c : cells) {
            if (!isNumber(c, decimalComma)) {
                header = true;
                break;
            }
        }
        int[] col = { 0, 1, 2, -1, -1, -1, -1, -1, -1 };
        int columns;
        if (header) {
            int[] named = new int[9];
            java.util.Arrays.fill(named, -1);
            for (int i = 0; i < cells.length; i++) {
                int r = role(cells[i]);
                if (r >= 0 && named[r] < 0) {
                    named[r] = i;
                }
            }
            if (named[0] >= 0 || named[1] >= 0 || named[2] >= 0) {
                if (named[0] < 0 || named[1] < 0 || named[2] < 0) {
                    throw new InputException(src.file(), firstLineNo, "header names some of x, y, z; expected all three");
                }
                System.arraycopy(named, 0, col, 0, 3);
            }
            if (named[3] >= 0 && named[4] >= 0 && named[5] >= 0) {
                System.arraycopy(named, 3, col, 3, 3);
            }
            if (named[6] >= 0 && named[7] >= 0 && named[8] >= 0) {
                System.arraycopy(named, 6, col, 6, 3);
            }
            columns = cells.length;
        } else {
            columns = cells.length;
        }
        if (columns < 3) {
            throw new InputException(src.file(), firstLineNo, "found " + columns + " column(s) in '"
                    + PlyReader.abbreviate(first.trim()) + "'; expected at least 3 (x y z)");
        }
        int needed = 0;
        for (int c : col) {
            needed = Math.max(needed, c + 1);
        }
        boolean normals = col[3] >= 0;
        boolean colours = col[6] >= 0;
        int cap = (int) Math.min(Integer.MAX_VALUE / 3 - 8, expectedPoints > 0 ? expectedPoints : 1 << 12);
        DoubleList xyz = new DoubleList(3 * cap);
        DoubleList nrm = normals ? new DoubleList(3 * cap) : null;
        IntList rgb = colours ? new IntList(cap) : null;
        double[] row = new double[needed];
        int[] roleOf = new int[needed];
        java.util.Arrays.fill(roleOf, -1);
        for (int r = 0; r < 9; r++) {
            if (col[r] >= 0) {
                roleOf[col[r]] = r;
            }
        }
        String[] labels = new String[needed];
        for (int i = 0; i < needed; i++) {
            labels[i] = header ? "column '" + cells[i] + "'" : "column " + (i + 1);
        }
        if (!header) {
            for (int i = 0; i < needed; i++) {
                row[i] = parseCell(src, firstLineNo, cells[i], decimalComma, "column " + (i + 1));
            }
            add(src, firstLineNo, row, col, xyz, nrm, rgb, dropNonFinite);
        }
        src.delimiter(delim);
        src.comment('#');
        while (src.skipWhitespace()) {
            long line = src.line();
            if (src.peek() == '/') {
                src.skipLine();
                continue;
            }
            int k = 0;
            while (!src.atLineEnd()) {
                src.readToken();
                if (k < needed && roleOf[k] >= 0) {
                    row[k] = token(src, decimalComma, labels[k]);
                }
                k++;
            }
            if (k < needed) {
                throw new InputException(src.file(), line, "found " + k + " column(s); expected at least " + needed
                        + (header ? " (as in the header)" : ""));
            }
            src.skipLine();
            add(src, line, row, col, xyz, nrm, rgb, dropNonFinite);
        }
        return new RawGeometry(xyz.toArray(), nrm == null ? null : nrm.toArray(), rgb == null ? null : rgb.toArray(), null);
    }

    private static double token(ByteSource src, boolean decimalComma, String what) throws InputException {
        byte[] b = src.tokenBytes();
        int n = src.tokenLength();
        if (decimalComma) {
            for (int i = 0; i < n; i++) {
                if (b[i] == ',') {
                    b[i] = '.';
                }
            }
        }
        double v = Numbers.parseDouble(b, n);
        if (Numbers.failed(v, b, n)) {
            throw src.error("expected a number for " + what + ", found '" + src.tokenText() + "'");
        }
        return v;
    }

    private static void add(ByteSource src, long line, double[] row, int[] col, DoubleList xyz, DoubleList nrm, IntList rgb,
            boolean dropNonFinite) throws InputException {
        for (int d = 0; d < 3; d++) {
            if (!Double.isFinite(row[col[d]])) {
                if (dropNonFinite) {
                    return;
                }
                throw new InputException(src.file(), line, "coordinate " + "xyz".charAt(d) + " is " + row[col[d]]
                        + "; expected a finite number");
            }
        }
        xyz.add(row[col[0]], row[col[1]], row[col[2]]);
        if (nrm != null) {
            nrm.add(row[col[3]], row[col[4]], row[col[5]]);
        }
        if (rgb != null) {
            int c = 0;
            for (int d = 6; d < 9; d++) {
                double v = row[col[d]];
                if (!(v >= 0 && v <= 255 && v == Math.rint(v))) {
                    throw new InputException(src.file(), line, "colour value " + v + "; expected an integer 0..255");
                }
                c = (c << 8) | (int) v;
            }
            rgb.add(c);
        }
    }

    static String[] split(String line, byte delim) {
        String t = line.trim();
        if (delim == 0) {
            return t.split("\\s+");
        }
        String[] parts = t.split(java.util.regex.Pattern.quote(String.valueOf((char) delim)), -1);
        List<String> out = new ArrayList<>(parts.length);
        for (String p : parts) {
            out.add(p.trim());
        }
        return out.toArray(new String[0]);
    }

    private static boolean isNumber(String s, boolean decimalComma) {
        String t = decimalComma ? s.replace(',', '.') : s;
        byte[] b = t.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        double v = Numbers.parseDouble(b, b.length);
        if (t.isEmpty() || Numbers.failed(v, b, b.length)) {
            return false;
        }
        return !Double.isNaN(v) || t.toLowerCase(Locale.ROOT).matches("[+-]?nan");
    }

    private static double parseCell(ByteSource src, long line, String s, boolean decimalComma, String what)
            throws InputException {
        String t = decimalComma ? s.replace(',', '.') : s;
        byte[] b = t.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        double v = Numbers.parseDouble(b, b.length);
        if (t.isEmpty() || Numbers.failed(v, b, b.length)) {
            throw new InputException(src.file(), line, "expected a number for " + what + ", found '" + s + "'");
        }
        return v;
    }

    private static int role(String name) {
        switch (name.trim().replace("\"", "").toLowerCase(Locale.ROOT)) {
        case "x": case "//x": return 0;
        case "y": return 1;
        case "z": return 2;
        case "nx": case "normal_x": return 3;
        case "ny": case "normal_y": return 4;
        case "nz": case "normal_z": return 5;
        case "r": case "red": return 6;
        case "g": case "green": return 7;
        case "b": case "blue": return 8;
        default: return -1;
        }
    }
}
