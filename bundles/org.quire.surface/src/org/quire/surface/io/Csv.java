package org.quire.surface.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.quire.api.InputException;

/**
 * A minimal RFC 4180 reader (comma separator, double-quoted fields with doubled inner quotes, no line breaks inside
 * fields), reporting errors with the file and 1-based line. Stateless.
 */
final class Csv {

    /** One record and its line number. */
    record Row(long line, List<String> fields) {
    }

    private Csv() {
    }

    /** Every non-blank line of {@code file}, split into fields; the first is the header. */
    static List<Row> read(Path file) throws InputException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (n == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                rows.add(new Row(n, split(file, n, line)));
            }
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        return rows;
    }

    private static List<String> split(Path file, long lineNo, String line) throws InputException {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            f.setLength(0);
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new InputException(file, lineNo, "unterminated quoted field");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            f.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        f.append(c);
                    }
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new InputException(file, lineNo, "expected a comma after a quoted field at column " + (i + 1));
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    f.append(line.charAt(i++));
                }
            }
            out.add(f.toString().trim());
            if (i >= n) {
                return out;
            }
            i++; // the comma
        }
    }

    /** The header name without a trailing unit in brackets ({@code "x [m]"} gives {@code "x"}), lower case. */
    static String bareName(String header) {
        String h = header.trim();
        int b = h.indexOf(" [");
        if (b > 0 && h.endsWith("]")) {
            h = h.substring(0, b);
        }
        return h.toLowerCase(java.util.Locale.ROOT);
    }

    /** Index of the column named {@code name} (see {@link #bareName}), or -1. */
    static int column(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (bareName(header.get(i)).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** A finite number from a field, or an InputException naming the file, line and column. */
    static double number(Path file, Row row, int col, String colName) throws InputException {
        if (col >= row.fields().size()) {
            throw new InputException(file, row.line(), "missing column '" + colName + "' (the row has " + row.fields().size()
                    + " fields)");
        }
        String s = row.fields().get(col);
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InputException(file, row.line(), "column '" + colName + "': expected a number, found '" + s + "'");
        }
        if (!Double.isFinite(v)) {
            throw new InputException(file, row.line(), "column '" + colName + "': expected a finite number, found '" + s + "'");
        }
        return v;
    }
}
