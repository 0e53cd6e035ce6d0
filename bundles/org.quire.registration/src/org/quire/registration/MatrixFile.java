package org.quire.registration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.quire.api.InputException;
import org.quire.registration.core.RigidTransform;

/**
 * Reads a 4×4 rigid transform from text: 16 numbers, row-major, separated by spaces, tabs, commas or semicolons, over
 * any number of lines (CloudCompare/PCL text matrices, or this family's {@code transform.csv} with its header). Lines
 * that hold no number at all (headers, {@code #} comments, blank lines) are skipped.
 */
final class MatrixFile {
    private MatrixFile() {
    }

    /** The transform in {@code p}. @throws InputException naming the file, line and defect */
    static RigidTransform read(Path p) throws InputException {
        List<String> lines;
        try {
            lines = Files.readAllLines(p);
        } catch (IOException e) {
            throw new InputException(p, 0, "cannot be read: " + e.getMessage(), e);
        }
        List<Double> values = new ArrayList<>();
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] tokens = line.split("[\\s,;]+");
            List<Double> row = new ArrayList<>();
            String bad = null;
            for (String t : tokens) {
                if (t.isEmpty()) {
                    continue;
                }
                try {
                    row.add(Double.parseDouble(t));
                } catch (NumberFormatException e) {
                    bad = t;
                }
            }
            if (row.isEmpty()) {
                continue; // a header line
            }
            if (bad != null) {
                throw new InputException(p, ln + 1, "'" + bad + "' is not a number (a 4x4 matrix of 16 numbers expected)");
            }
            values.addAll(row);
            if (values.size() > 16) {
                throw new InputException(p, ln + 1, "more than 16 numbers; a 4x4 matrix (row-major) expected");
            }
        }
        if (values.size() != 16) {
            throw new InputException(p, 0, "holds " + values.size() + " numbers; a 4x4 matrix has 16 (row-major)");
        }
        double[] m = new double[16];
        for (int i = 0; i < 16; i++) {
            m[i] = values.get(i);
        }
        try {
            return Transforms.fromMatrix(m);
        } catch (IllegalArgumentException e) {
            throw new InputException(p, 0, e.getMessage());
        }
    }
}
