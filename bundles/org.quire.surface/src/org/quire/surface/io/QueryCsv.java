package org.quire.surface.io;

import java.nio.file.Path;
import java.util.List;

import org.quire.api.InputException;

/**
 * Reads query points from a CSV file with a header naming columns {@code x}, {@code y} and {@code z} (in any order,
 * other columns ignored, a unit in brackets allowed: {@code x [mm]}). Stateless.
 */
public final class QueryCsv {

    private QueryCsv() {
    }

    /**
     * The points, packed {@code x0,y0,z0,...}.
     *
     * @throws InputException when the file cannot be read, lacks a column, has a non-finite or non-numeric value
     *                        (naming the line) or has no data rows
     */
    public static double[] read(Path file) throws InputException {
        List<Csv.Row> rows = Csv.read(file);
        if (rows.isEmpty()) {
            throw new InputException(file, 0, "empty file: expected a header x,y,z and at least one row");
        }
        List<String> header = rows.get(0).fields();
        int[] col = new int[3];
        String[] names = {"x", "y", "z"};
        for (int d = 0; d < 3; d++) {
            col[d] = Csv.column(header, names[d]);
            if (col[d] < 0) {
                throw new InputException(file, rows.get(0).line(), "header " + header + " has no column '" + names[d]
                        + "': expected x,y,z");
            }
        }
        if (rows.size() < 2) {
            throw new InputException(file, 0, "no query points: the file has a header but no data rows");
        }
        double[] xyz = new double[3 * (rows.size() - 1)];
        for (int i = 1; i < rows.size(); i++) {
            Csv.Row row = rows.get(i);
            for (int d = 0; d < 3; d++) {
                xyz[3 * (i - 1) + d] = Csv.number(file, row, col[d], names[d]);
            }
        }
        return xyz;
    }
}
