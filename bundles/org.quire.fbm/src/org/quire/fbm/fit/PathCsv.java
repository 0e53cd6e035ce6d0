package org.quire.fbm.fit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.quire.api.InputException;

/**
 * Reads the {@code fbm.fit} input: a comma-separated file with a header row and <b>one column per path</b>,
 * all paths observed at the same times. A column named {@code t} or {@code time} (case-insensitive), or the
 * column named by {@code timeColumn}, holds the observation times (strictly increasing); without one the rows
 * are equally spaced at times 0, 1, 2, …. Every other column is a path. Values must be finite numbers; blank
 * lines are skipped; at least 3 rows. Errors are {@link InputException}s naming the file, the line and the column.
 */
public final class PathCsv {

    private PathCsv() {
    }

    /**
     * Reads {@code file}.
     *
     * @param timeColumn the name of the time column, or empty to use a column named {@code t}/{@code time} if present
     * @throws InputException when the file cannot be read or does not have the format above
     */
    public static PathData read(Path file, String timeColumn) throws InputException {
        List<String> lines;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = reader.lines().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputException(file, 0, "cannot read the file: " + e.getMessage(), e);
        }
        int headerLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                headerLine = i;
                break;
            }
        }
        if (headerLine < 0) {
            throw new InputException(file, 1, "the file is empty; expected a header row with one column per path "
                    + "(and optionally a 't' or 'time' column)");
        }
        String[] header = split(lines.get(headerLine));
        int timeIndex = -1;
        for (int c = 0; c < header.length; c++) {
            String h = header[c];
            if (h.isEmpty()) {
                throw new InputException(file, headerLine + 1, "header column " + (c + 1) + " has no name");
            }
            boolean isTime = timeColumn.isEmpty()
                    ? h.toLowerCase(Locale.ROOT).equals("t") || h.toLowerCase(Locale.ROOT).equals("time")
                    : h.equals(timeColumn);
            if (isTime && timeIndex < 0) {
                timeIndex = c;
            }
            if (isDouble(h)) {
                throw new InputException(file, headerLine + 1, "expected a header row of column names, found the number '"
                        + h + "' in column " + (c + 1));
            }
        }
        if (!timeColumn.isEmpty() && timeIndex < 0) {
            throw new InputException(file, headerLine + 1, "no column named '" + timeColumn + "' (timeColumn); columns are "
                    + String.join(", ", header));
        }
        int pathCount = header.length - (timeIndex >= 0 ? 1 : 0);
        if (pathCount < 1) {
            throw new InputException(file, headerLine + 1, "no path column: expected at least one column besides the time column");
        }
        List<double[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] fields = split(line);
            if (fields.length != header.length) {
                throw new InputException(file, i + 1, "expected " + header.length + " fields as in the header, found "
                        + fields.length);
            }
            double[] row = new double[fields.length];
            for (int c = 0; c < fields.length; c++) {
                double v;
                try {
                    v = Double.parseDouble(fields[c]);
                } catch (NumberFormatException e) {
                    throw new InputException(file, i + 1, "column '" + header[c] + "': expected a number, found '"
                            + fields[c] + "'");
                }
                if (!Double.isFinite(v)) {
                    throw new InputException(file, i + 1, "column '" + header[c] + "': expected a finite number, found '"
                            + fields[c] + "'");
                }
                row[c] = v;
            }
            if (timeIndex >= 0 && !rows.isEmpty() && !(row[timeIndex] > rows.get(rows.size() - 1)[timeIndex])) {
                throw new InputException(file, i + 1, "column '" + header[timeIndex] + "': times must increase strictly, found "
                        + fields[timeIndex] + " after " + rows.get(rows.size() - 1)[timeIndex]);
            }
            rows.add(row);
            rowLines.add(i + 1);
        }
        if (rows.size() < 3) {
            throw new InputException(file, rows.isEmpty() ? headerLine + 2 : rowLines.get(rows.size() - 1),
                    "expected at least 3 data rows below the header, found " + rows.size());
        }
        int n = rows.size();
        double[] times = new double[n];
        double[][] values = new double[pathCount][n];
        List<String> names = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            if (c != timeIndex) {
                names.add(header[c]);
            }
        }
        for (int i = 0; i < n; i++) {
            double[] row = rows.get(i);
            times[i] = timeIndex >= 0 ? row[timeIndex] : i;
            int p = 0;
            for (int c = 0; c < row.length; c++) {
                if (c != timeIndex) {
                    values[p++][i] = row[c];
                }
            }
        }
        return new PathData(times, values, names);
    }

    private static String[] split(String line) {
        String[] parts = line.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String s = parts[i].strip();
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1).strip();
            }
            parts[i] = s;
        }
        return parts;
    }

    private static boolean isDouble(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
