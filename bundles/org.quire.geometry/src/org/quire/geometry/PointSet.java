package org.quire.geometry;

import java.util.Arrays;
import org.quire.api.result.PointCloud;

/**
 * An immutable set of points in double precision, packed {@code x0,y0,z0,x1,...}, with optional unit normals (same
 * layout) and optional colours ({@code 0xRRGGBB}, one per point). Coordinates must be finite. Safe to share between
 * threads.
 */
public final class PointSet {
    private final double[] xyz;
    private final double[] normals;
    private final int[] rgb;

    /**
     * A point set holding copies of the given arrays.
     *
     * @param xyz     positions, length 3n, finite
     * @param normals normals, length 3n, or null
     * @param rgb     colours {@code 0xRRGGBB}, length n, or null
     * @throws IllegalArgumentException on wrong lengths or non-finite coordinates
     */
    public PointSet(double[] xyz, double[] normals, int[] rgb) {
        this(check(xyz, normals, rgb).clone(), normals == null ? null : normals.clone(), rgb == null ? null : rgb.clone(),
                true);
    }

    private PointSet(double[] xyz, double[] normals, int[] rgb, boolean checked) {
        this.xyz = xyz;
        this.normals = normals;
        this.rgb = rgb;
    }

    /** Positions only (copied). */
    public static PointSet of(double[] xyz) {
        return new PointSet(xyz, null, null);
    }

    /**
     * A point set that takes the given arrays without copying them (for readers and algorithms that build large arrays
     * once). The caller must not modify the arrays afterwards. Same checks as the constructor.
     */
    public static PointSet adopt(double[] xyz, double[] normals, int[] rgb) {
        return new PointSet(check(xyz, normals, rgb), normals, rgb, true);
    }

    private static double[] check(double[] xyz, double[] normals, int[] rgb) {
        if (xyz == null || xyz.length % 3 != 0) {
            throw new IllegalArgumentException("point set: xyz must be non-null with a length that is a multiple of 3");
        }
        if (normals != null && normals.length != xyz.length) {
            throw new IllegalArgumentException("point set: normals must have the length of xyz (" + xyz.length + "), got "
                    + normals.length);
        }
        if (rgb != null && rgb.length != xyz.length / 3) {
            throw new IllegalArgumentException("point set: one colour per point expected (" + xyz.length / 3 + "), got "
                    + rgb.length);
        }
        for (int i = 0; i < xyz.length; i++) {
            if (!Double.isFinite(xyz[i])) {
                throw new IllegalArgumentException("point set: coordinate " + "xyz".charAt(i % 3) + " of point " + i / 3
                        + " is not finite (" + xyz[i] + ")");
            }
        }
        return xyz;
    }

    /** Number of points. */
    public int size() {
        return xyz.length / 3;
    }

    /** x of point i. */
    public double x(int i) {
        return xyz[3 * i];
    }

    /** y of point i. */
    public double y(int i) {
        return xyz[3 * i + 1];
    }

    /** z of point i. */
    public double z(int i) {
        return xyz[3 * i + 2];
    }

    /** A copy of the packed positions. */
    public double[] xyz() {
        return xyz.clone();
    }

    /** The internal packed positions; read-only by contract (for fast loops). */
    public double[] xyzView() {
        return xyz;
    }

    /** True when the set carries normals. */
    public boolean hasNormals() {
        return normals != null;
    }

    /** A copy of the packed normals, or null. */
    public double[] normals() {
        return normals == null ? null : normals.clone();
    }

    /** The internal packed normals (read-only by contract), or null. */
    public double[] normalsView() {
        return normals;
    }

    /** True when the set carries colours. */
    public boolean hasColours() {
        return rgb != null;
    }

    /** A copy of the colours {@code 0xRRGGBB}, or null. */
    public int[] rgb() {
        return rgb == null ? null : rgb.clone();
    }

    /**
     * The set moved by a row-major 4x4 homogeneous transform (last row assumed {@code 0 0 0 1}). Normals are multiplied by
     * the inverse transpose of the upper 3x3 and renormalised, so they stay normal also under scaling or shear.
     */
    public PointSet transformed(double[] m) {
        if (m == null || m.length != 16) {
            throw new IllegalArgumentException("transform: 16 values (row-major 4x4) expected");
        }
        int n = size();
        double[] out = new double[xyz.length];
        for (int i = 0; i < n; i++) {
            double x = xyz[3 * i], y = xyz[3 * i + 1], z = xyz[3 * i + 2];
            out[3 * i] = m[0] * x + m[1] * y + m[2] * z + m[3];
            out[3 * i + 1] = m[4] * x + m[5] * y + m[6] * z + m[7];
            out[3 * i + 2] = m[8] * x + m[9] * y + m[10] * z + m[11];
        }
        double[] nout = null;
        if (normals != null) {
            double[] c = cofactor(m);
            nout = new double[normals.length];
            for (int i = 0; i < n; i++) {
                double x = normals[3 * i], y = normals[3 * i + 1], z = normals[3 * i + 2];
                double a = c[0] * x + c[1] * y + c[2] * z;
                double b = c[3] * x + c[4] * y + c[5] * z;
                double d = c[6] * x + c[7] * y + c[8] * z;
                double len = Math.sqrt(a * a + b * b + d * d);
                if (len > 0) {
                    a /= len;
                    b /= len;
                    d /= len;
                }
                nout[3 * i] = a;
                nout[3 * i + 1] = b;
                nout[3 * i + 2] = d;
            }
        }
        return adopt(out, nout, rgb);
    }

    /** Cofactor matrix of the upper 3x3 (= det * inverse transpose), row-major; for a rotation it is the rotation. */
    private static double[] cofactor(double[] m) {
        double a = m[0], b = m[1], c = m[2], d = m[4], e = m[5], f = m[6], g = m[8], h = m[9], k = m[10];
        double[] r = { e * k - f * h, f * g - d * k, d * h - e * g, c * h - b * k, a * k - c * g, b * g - a * h,
                b * f - c * e, c * d - a * f, a * e - b * d };
        double det = a * r[0] + b * r[1] + c * r[2];
        if (det < 0) {
            for (int i = 0; i < 9; i++) {
                r[i] = -r[i];
            }
        }
        return r;
    }

    /** The same positions and colours with the given normals (copied; length 3n, or null to drop them). */
    public PointSet withNormals(double[] normals) {
        if (normals != null && normals.length != xyz.length) {
            throw new IllegalArgumentException("withNormals: length " + xyz.length + " expected, got " + normals.length);
        }
        return new PointSet(xyz, normals == null ? null : normals.clone(), rgb, true);
    }

    /** The same positions and normals with the given colours (copied; length n, or null to drop them). */
    public PointSet withColours(int[] rgb) {
        if (rgb != null && rgb.length != size()) {
            throw new IllegalArgumentException("withColours: length " + size() + " expected, got " + rgb.length);
        }
        return new PointSet(xyz, normals, rgb == null ? null : rgb.clone(), true);
    }

    /** The points at the given indices, in that order (repeats allowed), with their normals and colours. */
    public PointSet select(int[] indices) {
        int m = indices.length;
        int n = size();
        double[] p = new double[3 * m];
        double[] q = normals == null ? null : new double[3 * m];
        int[] c = rgb == null ? null : new int[m];
        for (int j = 0; j < m; j++) {
            int i = indices[j];
            if (i < 0 || i >= n) {
                throw new IndexOutOfBoundsException("select: index " + i + " at position " + j + ", expected 0.." + (n - 1));
            }
            System.arraycopy(xyz, 3 * i, p, 3 * j, 3);
            if (q != null) {
                System.arraycopy(normals, 3 * i, q, 3 * j, 3);
            }
            if (c != null) {
                c[j] = rgb[i];
            }
        }
        return new PointSet(p, q, c, true);
    }

    /** Axis-aligned bounds {@code minx,miny,minz,maxx,maxy,maxz}; all NaN when the set is empty. */
    public double[] bounds() {
        return Bounds.of(xyz);
    }

    /** The centroid (mean position); NaNs when empty. */
    public double[] centroid() {
        int n = size();
        double sx = 0, sy = 0, sz = 0;
        for (int i = 0; i < n; i++) {
            sx += xyz[3 * i];
            sy += xyz[3 * i + 1];
            sz += xyz[3 * i + 2];
        }
        return new double[] { sx / n, sy / n, sz / n };
    }

    /** The set as an API result item (single precision) named {@code name}. */
    public PointCloud toResult(String name) {
        return new PointCloud(name, toFloats(xyz), normals == null ? null : toFloats(normals), rgb);
    }

    /**
     * The set as an API result item with one scalar per point (a residual, a distance), which viewers map to colours.
     *
     * @param scalars     one finite value per point
     * @param scalarLabel what the scalars are, with unit, e.g. "residual (mm)"
     */
    public PointCloud toResult(String name, double[] scalars, String scalarLabel) {
        if (scalars == null || scalars.length != size()) {
            throw new IllegalArgumentException("one scalar per point expected (" + size() + ")");
        }
        return new PointCloud(name, toFloats(xyz), normals == null ? null : toFloats(normals), rgb, toFloats(scalars),
                scalarLabel);
    }

    static float[] toFloats(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    @Override
    public String toString() {
        return "PointSet[" + size() + " points" + (normals != null ? ", normals" : "") + (rgb != null ? ", colours" : "")
                + ", bounds " + Arrays.toString(bounds()) + "]";
    }
}
