package org.quire.examples.sinkhorn;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.quire.api.InputException;

/**
 * A point set read from CSV: a header row, then one point per line; every column is a coordinate except an optional
 * {@code weight} column (case-insensitive), which must be &ge; 0 with a positive sum (uniform weights without it).
 * Weights are returned as given; {@link OtProblem#normalised} scales them to one. Blank lines are skipped.
 *
 * @param file        the file read
 * @param coordinates coordinate column names (may be empty when the file has only weights)
 * @param xyz         packed coordinates, {@code size * dim}
 * @param weights     one weight per point
 * @param lines       the 1-based line of each point, for messages
 */
public record WeightedPoints(Path file, List<String> coordinates, double[] xyz, double[] weights, long[] lines) {

    /** Number of points. */
    public int size() {
        return weights.length;
    }

    /** Coordinates per point. */
    public int dim() {
        return coordinates.size();
    }

    /** Coordinate d of point i. */
    public double coordinate(int i, int d) {
        return xyz[i * dim() + d];
    }

    /**
     * Reads a point set.
     *
     * @throws InputException naming the file and line when it is empty, a cell is not a finite number, a row has the
     *                        wrong number of cells, a weight is negative, or all weights are zero
     */
    public static WeightedPoints read(Path file) throws InputException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            long line = 1;
            while (header != null && header.isBlank()) {
                header = in.readLine();
                line++;
            }
            if (header == null) {
                throw new InputException(file, 0, "the file is empty; expected a header row (coordinate columns and "
                        + "an optional 'weight' column) and one point per line");
            }
            String[] names = split(header);
            int weightColumn = -1;
            List<String> coords = new ArrayList<>();
            for (int c = 0; c < names.length; c++) {
                if (names[c].equalsIgnoreCase("weight")) {
                    if (weightColumn >= 0) {
                        throw new InputException(file, line, "two 'weight' columns");
                    }
                    weightColumn = c;
                } else {
                    if (isNumber(names[c])) {
                        throw new InputException(file, line, "the first row must be a header of column names, found the "
                                + "number '" + names[c] + "'");
                    }
                    coords.add(names[c].isEmpty() ? "x" + c : names[c]);
                }
            }
            int dim = coords.size();
            double[] xyz = new double[64 * Math.max(1, dim)];
            double[] w = new double[64];
            long[] lines = new long[64];
            int n = 0;
            double total = 0;
            for (String row = in.readLine(); row != null; row = in.readLine()) {
                line++;
                if (row.isBlank()) {
                    continue;
                }
                String[] cells = split(row);
                if (cells.length != names.length) {
                    throw new InputException(file, line, "expected " + names.length + " cells (" + String.join(", ", names)
                            + "), found " + cells.length);
                }
                if (n == w.length) {
                    w = Arrays.copyOf(w, 2 * n);
                    lines = Arrays.copyOf(lines, 2 * n);
                    xyz = Arrays.copyOf(xyz, 2 * n * Math.max(1, dim));
                }
                int d = 0;
                double weight = 1;
                for (int c = 0; c < cells.length; c++) {
                    double v = parse(file, line, names[c], cells[c]);
                    if (c == weightColumn) {
                        if (v < 0) {
                            throw new InputException(file, line, String.format(Locale.ROOT,
                                    "weight %s is negative; weights must be >= 0", cells[c]));
                        }
                        weight = v;
                    } else {
                        xyz[n * dim + d++] = v;
                    }
                }
                w[n] = weight;
                lines[n] = line;
                total += weight;
                n++;
            }
            if (n == 0) {
                throw new InputException(file, line, "no points below the header");
            }
            if (!(total > 0) || !Double.isFinite(total)) {
                throw new InputException(file, 0, "the weights must have a positive finite sum, found " + total);
            }
            return new WeightedPoints(file, List.copyOf(coords), Arrays.copyOf(xyz, n * dim), Arrays.copyOf(w, n),
                    Arrays.copyOf(lines, n));
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    static double parse(Path file, long line, String column, String cell) throws InputException {
        double v;
        try {
            v = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v)) {
            throw new InputException(file, line, "column '" + column + "': '" + cell + "' is not a finite number");
        }
        return v;
    }

    static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String[] split(String row) {
        String[] cells = row.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].trim();
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
                c = c.substring(1, c.length() - 1).trim();
            }
            cells[i] = c;
        }
        return cells;
    }
}
