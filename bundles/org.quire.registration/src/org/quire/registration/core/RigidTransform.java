package org.quire.registration.core;

import java.util.Arrays;
import java.util.Locale;

/**
 * An immutable rigid motion {@code x ↦ R x + t} of 3-space: R is a proper rotation (row-major 3×3), t a translation
 * in the data's length unit. Thread-safe.
 */
public final class RigidTransform {
    private static final RigidTransform IDENTITY = new RigidTransform(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1},
            new double[3]);

    private final double[] r;
    private final double[] t;

    private RigidTransform(double[] r, double[] t) {
        this.r = r;
        this.t = t;
    }

    /** The identity motion. */
    public static RigidTransform identity() {
        return IDENTITY;
    }

    /**
     * A motion from a row-major rotation (9 numbers, orthonormality within 1e-6, determinant +1) and a translation.
     *
     * @throws IllegalArgumentException when the matrix is not a rotation or a number is not finite
     */
    public static RigidTransform of(double[] rotationRowMajor, double[] translation) {
        if (rotationRowMajor.length != 9 || translation.length != 3) {
            throw new IllegalArgumentException("need a 3x3 rotation (9 numbers) and a translation (3 numbers)");
        }
        for (double v : rotationRowMajor) {
            requireFinite(v);
        }
        for (double v : translation) {
            requireFinite(v);
        }
        checkRotation(rotationRowMajor, 1e-6);
        return new RigidTransform(rotationRowMajor.clone(), translation.clone());
    }

    /**
     * A motion from a 4×4 row-major homogeneous matrix (16 numbers). The last row must be 0 0 0 1 and the upper-left
     * block a rotation (orthonormal within 1e-6, determinant +1).
     *
     * @throws IllegalArgumentException naming the defect otherwise
     */
    public static RigidTransform fromRowMajor4x4(double[] m) {
        if (m.length != 16) {
            throw new IllegalArgumentException("a 4x4 matrix has 16 numbers, got " + m.length);
        }
        for (int i = 0; i < 16; i++) {
            if (!Double.isFinite(m[i])) {
                throw new IllegalArgumentException("matrix entry " + (i / 4 + 1) + "," + (i % 4 + 1) + " is not finite");
            }
        }
        if (Math.abs(m[12]) > 1e-9 || Math.abs(m[13]) > 1e-9 || Math.abs(m[14]) > 1e-9 || Math.abs(m[15] - 1) > 1e-9) {
            throw new IllegalArgumentException("the last row of a rigid 4x4 matrix must be 0 0 0 1, got "
                    + m[12] + " " + m[13] + " " + m[14] + " " + m[15]);
        }
        double[] rot = {m[0], m[1], m[2], m[4], m[5], m[6], m[8], m[9], m[10]};
        checkRotation(rot, 1e-6);
        return new RigidTransform(rot, new double[] {m[3], m[7], m[11]});
    }

    /**
     * The rotation by {@code angle} radians about {@code axis} (need not be unit; a zero axis gives the identity
     * rotation), Rodrigues' formula, with translation {@code translation}.
     */
    public static RigidTransform axisAngle(double[] axis, double angle, double[] translation) {
        return new RigidTransform(rotationMatrix(axis, angle), translation.clone());
    }

    /** The rotation of the rotation vector {@code w} (axis times angle in radians), without translation. */
    public static RigidTransform rotationVector(double wx, double wy, double wz) {
        double a = Math.sqrt(wx * wx + wy * wy + wz * wz);
        return new RigidTransform(rotationMatrix(new double[] {wx, wy, wz}, a), new double[3]);
    }

    /** A copy of the rotation, row-major. */
    public double[] rotation() {
        return r.clone();
    }

    /** A copy of the translation. */
    public double[] translation() {
        return t.clone();
    }

    /** Entry (row, col) of the rotation, 0-based. */
    public double r(int row, int col) {
        return r[3 * row + col];
    }

    /** Component {@code i} of the translation. */
    public double t(int i) {
        return t[i];
    }

    /** The 4×4 homogeneous matrix, row-major (16 numbers). */
    public double[] toRowMajor4x4() {
        return new double[] {r[0], r[1], r[2], t[0], r[3], r[4], r[5], t[1], r[6], r[7], r[8], t[2], 0, 0, 0, 1};
    }

    /** {@code this ∘ other}: first {@code other}, then this. */
    public RigidTransform compose(RigidTransform other) {
        double[] o = other.r;
        double[] rr = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                rr[3 * i + j] = r[3 * i] * o[j] + r[3 * i + 1] * o[3 + j] + r[3 * i + 2] * o[6 + j];
            }
        }
        double[] tt = applyRotation(other.t);
        tt[0] += t[0];
        tt[1] += t[1];
        tt[2] += t[2];
        return new RigidTransform(rr, tt);
    }

    /** The inverse motion {@code x ↦ Rᵀ (x − t)}. */
    public RigidTransform inverse() {
        double[] rt = {r[0], r[3], r[6], r[1], r[4], r[7], r[2], r[5], r[8]};
        double[] tt = {-(rt[0] * t[0] + rt[1] * t[1] + rt[2] * t[2]), -(rt[3] * t[0] + rt[4] * t[1] + rt[5] * t[2]),
                -(rt[6] * t[0] + rt[7] * t[1] + rt[8] * t[2])};
        return new RigidTransform(rt, tt);
    }

    /** R v (rotation only) of a 3-vector. */
    public double[] applyRotation(double[] v) {
        return new double[] {r[0] * v[0] + r[1] * v[1] + r[2] * v[2], r[3] * v[0] + r[4] * v[1] + r[5] * v[2],
                r[6] * v[0] + r[7] * v[1] + r[8] * v[2]};
    }

    /** R p + t of one point. */
    public double[] apply(double x, double y, double z) {
        return new double[] {r[0] * x + r[1] * y + r[2] * z + t[0], r[3] * x + r[4] * y + r[5] * z + t[1],
                r[6] * x + r[7] * y + r[8] * z + t[2]};
    }

    /** The packed points {@code xyz} moved by this motion, as a new array. */
    public double[] applyToPoints(double[] xyz) {
        double[] out = new double[xyz.length];
        for (int i = 0; i < xyz.length; i += 3) {
            double x = xyz[i];
            double y = xyz[i + 1];
            double z = xyz[i + 2];
            out[i] = r[0] * x + r[1] * y + r[2] * z + t[0];
            out[i + 1] = r[3] * x + r[4] * y + r[5] * z + t[1];
            out[i + 2] = r[6] * x + r[7] * y + r[8] * z + t[2];
        }
        return out;
    }

    /** The packed vectors {@code v} rotated (no translation), as a new array; for normals. */
    public double[] rotateVectors(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i += 3) {
            out[i] = r[0] * v[i] + r[1] * v[i + 1] + r[2] * v[i + 2];
            out[i + 1] = r[3] * v[i] + r[4] * v[i + 1] + r[5] * v[i + 2];
            out[i + 2] = r[6] * v[i] + r[7] * v[i + 1] + r[8] * v[i + 2];
        }
        return out;
    }

    /** The rotation angle of this motion in radians, in [0, π], computed stably for small angles. */
    public double rotationAngle() {
        return angleBetween(this, IDENTITY);
    }

    /**
     * The angle in radians of the relative rotation {@code R_a R_bᵀ}, from the Frobenius distance
     * {@code ‖R_a − R_b‖ = 2√2 sin(θ/2)}, accurate to rounding also for tiny angles.
     */
    public static double angleBetween(RigidTransform a, RigidTransform b) {
        double s = 0;
        for (int i = 0; i < 9; i++) {
            double d = a.r[i] - b.r[i];
            s += d * d;
        }
        double half = Math.sqrt(s) / (2 * Math.sqrt(2));
        return 2 * Math.asin(Math.min(1, half));
    }

    /** Euclidean distance between the translations of two motions. */
    public static double translationDistance(RigidTransform a, RigidTransform b) {
        double dx = a.t[0] - b.t[0];
        double dy = a.t[1] - b.t[1];
        double dz = a.t[2] - b.t[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** The matrix rows as "a b c d" lines (shortest round-trip numbers), for text export. */
    public String toText() {
        double[] m = toRowMajor4x4();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                sb.append(j == 0 ? "" : " ").append(m[4 * i + j]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RigidTransform[angle %.6f deg, t = (%.6g, %.6g, %.6g)]",
                Math.toDegrees(rotationAngle()), t[0], t[1], t[2]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RigidTransform other && Arrays.equals(r, other.r) && Arrays.equals(t, other.t);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(r) + Arrays.hashCode(t);
    }

    static double[] rotationMatrix(double[] axis, double angle) {
        double n = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
        if (n == 0 || angle == 0) {
            return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
        }
        double x = axis[0] / n;
        double y = axis[1] / n;
        double z = axis[2] / n;
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double v = 1 - c;
        return new double[] {c + x * x * v, x * y * v - z * s, x * z * v + y * s, y * x * v + z * s, c + y * y * v,
                y * z * v - x * s, z * x * v - y * s, z * y * v + x * s, c + z * z * v};
    }

    private static void checkRotation(double[] m, double tol) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double dot = m[3 * i] * m[3 * j] + m[3 * i + 1] * m[3 * j + 1] + m[3 * i + 2] * m[3 * j + 2];
                if (Math.abs(dot - (i == j ? 1 : 0)) > tol) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "the 3x3 block is not a rotation: rows %d and %d have dot product %.3g (tolerance %.0e)",
                            i + 1, j + 1, dot, tol));
                }
            }
        }
        double det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
        if (det < 0) {
            throw new IllegalArgumentException("the 3x3 block is a reflection (determinant " + det + "), not a rotation");
        }
    }

    private static void requireFinite(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("transform entries must be finite, got " + v);
        }
    }
}
