package org.quire.registration;

import java.util.ArrayList;
import java.util.List;
import org.quire.api.result.Table;
import org.quire.registration.core.RigidTransform;

/**
 * Result helpers for 4×4 transforms: as a JSON-friendly list of 16 numbers (row-major) and as a {@link Table} whose
 * CSV is the matrix (a header line {@code c1,c2,c3,c4}, then 4 rows of 4 numbers). Stateless.
 */
final class Transforms {
    private Transforms() {
    }

    /** The 16 entries row-major, as a list (for result values). */
    static List<Double> values(RigidTransform t) {
        List<Double> out = new ArrayList<>(16);
        for (double v : t.toRowMajor4x4()) {
            out.add(v);
        }
        return out;
    }

    /** A 4-row, 4-column table named {@code name} holding the matrix. */
    static Table table(String name, RigidTransform t) {
        double[] m = t.toRowMajor4x4();
        Table.Builder b = Table.builder(name);
        for (int c = 0; c < 4; c++) {
            double[] col = {m[c], m[4 + c], m[8 + c], m[12 + c]};
            b.numeric("c" + (c + 1), col);
        }
        return b.build();
    }

    /** The item name for view {@code k} (0-based) of {@code count}: {@code base} alone when there is one view, else base1, base2, …. */
    static String indexed(String base, int k, int count) {
        return count == 1 ? base : base + (k + 1);
    }

    /**
     * Parses a transform given as 16 numbers (separated by spaces, commas or semicolons), row-major; the rotation
     * block is re-orthonormalised when it is within 1e-3 of a rotation.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static RigidTransform parse(String text) {
        String[] parts = text.trim().split("[\\s,;]+");
        if (parts.length != 16) {
            throw new IllegalArgumentException("expected 16 numbers (a row-major 4x4 matrix), found " + parts.length);
        }
        double[] m = new double[16];
        for (int i = 0; i < 16; i++) {
            try {
                m[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("entry " + (i / 4 + 1) + "," + (i % 4 + 1) + " '" + parts[i]
                        + "' is not a number");
            }
        }
        return fromMatrix(m);
    }

    /** A rigid transform from 16 row-major numbers, re-orthonormalising a nearly orthonormal rotation block. */
    static RigidTransform fromMatrix(double[] m) {
        double[] rot = {m[0], m[1], m[2], m[4], m[5], m[6], m[8], m[9], m[10]};
        for (double v : m) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("the matrix has a non-finite entry");
            }
        }
        double[] fixed = org.quire.registration.core.Kabsch.nearestRotation(rot);
        double dev = 0;
        for (int i = 0; i < 9; i++) {
            dev = Math.max(dev, Math.abs(fixed[i] - rot[i]));
        }
        if (dev > 1e-3) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the upper-left 3x3 block is not a rotation (it differs from the nearest rotation by %.3g)", dev));
        }
        double[] n = m.clone();
        n[0] = fixed[0];
        n[1] = fixed[1];
        n[2] = fixed[2];
        n[4] = fixed[3];
        n[5] = fixed[4];
        n[6] = fixed[5];
        n[8] = fixed[6];
        n[9] = fixed[7];
        n[10] = fixed[8];
        return RigidTransform.fromRowMajor4x4(n);
    }
}
