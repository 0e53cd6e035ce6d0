package org.quire.core.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.quire.api.result.Series;
import org.quire.api.result.Table;

/**
 * Writes tables and series as CSV: UTF-8 without byte-order mark, comma-separated, one header row,
 * {@code "\n"} line ends, fields quoted as in RFC 4180 (a field with a comma, a double quote, CR or LF is
 * enclosed in double quotes, inner quotes doubled). Numbers are written shortest round-trip
 * ({@link Double#toString(double)}, so {@code NaN}, {@code Infinity} and {@code -Infinity} appear as such);
 * a null text cell is an empty field. Stateless and thread-safe.
 */
final class CsvWriter {

    private CsvWriter() {
    }

    /** Writes a table; the header of a column with a unit is {@code name [unit]}. Does not close the stream. */
    static void write(Table table, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        int cols = table.columns().size();
        for (int c = 0; c < cols; c++) {
            Table.Column col = table.columns().get(c);
            w.write(c == 0 ? "" : ",");
            w.write(field(col.unit().isEmpty() ? col.name() : col.name() + " [" + col.unit() + "]"));
        }
        w.write('\n');
        int rows = table.rowCount();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                Table.Column col = table.columns().get(c);
                w.write(c == 0 ? "" : ",");
                w.write(col.isNumeric() ? Double.toString(col.number(r)) : field(col.text(r)));
            }
            w.write('\n');
        }
        w.flush();
    }

    /** Writes a series as columns {@code x,y} or {@code x,y,low,high}. Does not close the stream. */
    static void write(Series s, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        boolean band = s.hasBand();
        w.write(band ? "x,y,low,high\n" : "x,y\n");
        StringBuilder line = new StringBuilder(64);
        for (int i = 0; i < s.size(); i++) {
            line.setLength(0);
            line.append(s.xAt(i)).append(',').append(s.yAt(i));
            if (band) {
                line.append(',').append(s.lowAt(i)).append(',').append(s.highAt(i));
            }
            w.write(line.append('\n').toString());
        }
        w.flush();
    }

    /** One field, quoted when it holds a comma, a double quote, CR or LF; null becomes empty. */
    static String field(String text) {
        if (text == null) {
            return "";
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
                return '"' + text.replace("\"", "\"\"") + '"';
            }
        }
        return text;
    }
}
