package org.example.quire.rolling;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.quire.api.InputException;

/**
 * Reads one numeric column of a comma-separated file with a header row. Blank lines are skipped; every other line
 * must have a number in the column. Errors name the file, the 1-based line and what was expected.
 *
 * @param name   the column's header name
 * @param values the numbers, in file order
 */
public record CsvColumn(String name, double[] values) {

    /**
     * Reads a column.
     *
     * @param file   the CSV file
     * @param column header name of the column (case-insensitive); empty takes the last column
     * @return the column, with at least one value
     * @throws InputException when the file cannot be read, lacks the column, has no data rows or a cell that is not a
     *                        finite number
     */
    public static CsvColumn read(Path file, String column) throws InputException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            long line = 1;
            while (header != null && header.isBlank()) {
                header = in.readLine();
                line++;
            }
            if (header == null) {
                throw new InputException(file, 0, "the file is empty; expected a header row and numbers below it");
            }
            String[] names = split(header);
            int index = names.length - 1;
            if (!column.isEmpty()) {
                index = -1;
                for (int c = 0; c < names.length; c++) {
                    if (names[c].equalsIgnoreCase(column)) {
                        index = c;
                    }
                }
                if (index < 0) {
                    throw new InputException(file, line, "no column '" + column + "' in the header; columns are "
                            + String.join(", ", names));
                }
            }
            double[] values = new double[64];
            int n = 0;
            for (String row = in.readLine(); row != null; row = in.readLine()) {
                line++;
                if (row.isBlank()) {
                    continue;
                }
                String[] cells = split(row);
                if (cells.length <= index) {
                    throw new InputException(file, line, "expected " + names.length + " cells, found " + cells.length);
                }
                double v;
                try {
                    v = Double.parseDouble(cells[index]);
                } catch (NumberFormatException e) {
                    v = Double.NaN;
                }
                if (!Double.isFinite(v)) {
                    throw new InputException(file, line, String.format(Locale.ROOT,
                            "column '%s': '%s' is not a finite number", names[index], cells[index]));
                }
                if (n == values.length) {
                    values = Arrays.copyOf(values, 2 * n);
                }
                values[n++] = v;
            }
            if (n == 0) {
                throw new InputException(file, line, "no data rows below the header");
            }
            return new CsvColumn(names[index], Arrays.copyOf(values, n));
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static String[] split(String row) {
        String[] cells = row.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].trim();
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
                c = c.substring(1, c.length() - 1);
            }
            cells[i] = c;
        }
        return cells;
    }
}
