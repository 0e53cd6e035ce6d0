package org.quire.fbm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.quire.api.InputException;
import org.quire.api.params.ParameterException;

/**
 * Reads one numeric column (and optionally a time column) of a comma-separated file with a header row.
 * Columns are chosen by header name (exact, then ignoring case) or by 1-based index; by default the last column
 * whose first data value is a number. Blank lines are skipped; fields may be wrapped in double quotes.
 * Unequal time spacing is rejected (the estimators assume an equally spaced series).
 */
final class SeriesCsv {

    /** Relative tolerance on the time steps for "equal spacing". */
    static final double SPACING_TOLERANCE = 1e-6;

    /** The values and the header name of the column read. */
    record Column(String name, double[] values, double step) {
    }

    private SeriesCsv() {
    }

    /**
     * @param column     header name or 1-based index; empty for the last numeric column
     * @param timeColumn header name or 1-based index of the times; empty when rows are equally spaced
     * @param minRows    fewest data rows accepted
     */
    static Column read(Path file, String column, String timeColumn, int minRows) throws InputException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        int headerLine = 0;
        while (headerLine < lines.size() && lines.get(headerLine).isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.size()) {
            throw new InputException(file, 1, "the file is empty; expected a header row and at least " + minRows
                    + " data rows");
        }
        String[] header = split(lines.get(headerLine));
        List<String[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] fields = split(lines.get(i));
            if (fields.length != header.length) {
                throw new InputException(file, i + 1, "expected " + header.length + " fields as in the header, found "
                        + fields.length);
            }
            rows.add(fields);
            rowLines.add(i + 1);
        }
        if (rows.isEmpty()) {
            throw new InputException(file, headerLine + 2, "no data rows after the header; expected at least " + minRows);
        }
        int valueIndex = column.isBlank() ? lastNumeric(file, header, rows.get(0), rowLines.get(0))
                : resolve("column", column, header);
        double[] values = numbers(file, header, rows, rowLines, valueIndex);
        if (values.length < minRows) {
            throw new InputException(file, rowLines.get(rowLines.size() - 1), "only " + values.length
                    + " data row(s) in column '" + header[valueIndex] + "'; at least " + minRows + " are needed");
        }
        double step = 1;
        if (!timeColumn.isBlank()) {
            int timeIndex = resolve("timeColumn", timeColumn, header);
            if (timeIndex == valueIndex) {
                throw new ParameterException("timeColumn", "is the same column as the value column '" + header[valueIndex] + "'");
            }
            double[] t = numbers(file, header, rows, rowLines, timeIndex);
            step = t[1] - t[0];
            for (int i = 1; i < t.length; i++) {
                double d = t[i] - t[i - 1];
                if (!(d > 0)) {
                    throw new InputException(file, rowLines.get(i), "times must increase strictly; '" + header[timeIndex]
                            + "' goes from " + t[i - 1] + " to " + t[i]);
                }
                if (Math.abs(d - step) > SPACING_TOLERANCE * Math.abs(step)) {
                    throw new InputException(file, rowLines.get(i), "unequal time spacing: step " + d + " where the first step is "
                            + step + "; the Hurst estimators need equally spaced samples, resample the series first");
                }
            }
        }
        return new Column(header[valueIndex], values, step);
    }

    private static double[] numbers(Path file, String[] header, List<String[]> rows, List<Integer> rowLines, int index)
            throws InputException {
        double[] out = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String text = rows.get(r)[index];
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new InputException(file, rowLines.get(r), "column '" + header[index] + "': '" + text
                        + "' is not a number");
            }
            if (!Double.isFinite(v)) {
                throw new InputException(file, rowLines.get(r), "column '" + header[index] + "': " + text
                        + " is not a finite number");
            }
            out[r] = v;
        }
        return out;
    }

    private static int lastNumeric(Path file, String[] header, String[] first, int line) throws InputException {
        for (int i = first.length - 1; i >= 0; i--) {
            try {
                Double.parseDouble(first[i]);
                return i;
            } catch (NumberFormatException e) {
                // not numeric: look further left
            }
        }
        throw new InputException(file, line, "no numeric column: the first data row has no number in any of "
                + Arrays.toString(header));
    }

    private static int resolve(String parameter, String spec, String[] header) {
        String s = spec.trim();
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(s)) {
                return i;
            }
        }
        for (int i = 0; i < header.length; i++) {
            if (header[i].equalsIgnoreCase(s)) {
                return i;
            }
        }
        try {
            int index = Integer.parseInt(s);
            if (index >= 1 && index <= header.length) {
                return index - 1;
            }
            throw new ParameterException(parameter, "column index " + index + " is outside 1.." + header.length);
        } catch (NumberFormatException e) {
            throw new ParameterException(parameter, "no column named '" + s + "'; the header has "
                    + Arrays.toString(header) + " (or give a 1-based index)");
        }
    }

    private static String[] split(String line) {
        String[] parts = line.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")) {
                p = p.substring(1, p.length() - 1).trim();
            }
            parts[i] = p;
        }
        return parts;
    }
}
