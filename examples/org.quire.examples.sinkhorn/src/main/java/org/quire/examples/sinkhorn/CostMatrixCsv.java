package org.quire.examples.sinkhorn;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.quire.api.InputException;

/**
 * Reads a dense cost matrix from CSV: {@code n} rows of {@code m} finite numbers (row i = source point i, column j =
 * target point j, in file order). A first row that is not all numbers is taken as a header and skipped; blank lines
 * are skipped.
 */
public final class CostMatrixCsv {
    private CostMatrixCsv() {
    }

    /**
     * Reads the matrix and checks its shape.
     *
     * @return row-major costs, n * m
     * @throws InputException naming the file and line for a wrong row count, cell count or a cell that is not finite
     */
    public static double[] read(Path file, int n, int m) throws InputException {
        OtProblem.checkSize(n, m);
        double[] c = new double[n * m];
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long line = 0;
            int row = 0;
            boolean first = true;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] cells = WeightedPoints.split(text);
                if (first) {
                    first = false;
                    boolean numeric = true;
                    for (String cell : cells) {
                        numeric &= WeightedPoints.isNumber(cell);
                    }
                    if (!numeric) {
                        continue;   // header
                    }
                }
                if (row == n) {
                    throw new InputException(file, line, "more than " + n + " rows; expected one row per source point");
                }
                if (cells.length != m) {
                    throw new InputException(file, line, "expected " + m + " costs (one per target point), found "
                            + cells.length);
                }
                for (int j = 0; j < m; j++) {
                    c[row * m + j] = WeightedPoints.parse(file, line, "column " + (j + 1), cells[j]);
                }
                row++;
            }
            if (row != n) {
                throw new InputException(file, line, "found " + row + " rows of costs, expected " + n
                        + " (one per source point)");
            }
            return c;
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read: " + e.getMessage(), e);
        }
    }
}
