package org.quire.geometry.meshing;

import java.util.Arrays;

import org.quire.api.Progress;
import org.quire.geometry.TriangleMesh;

/**
 * Extracts the level set {@code f = level} of a scalar field sampled on a regular grid as a welded triangle mesh.
 *
 * <p>Method (a choice made here, stated because the spec asks for "marching cubes"): <b>marching tetrahedra</b> on the
 * Kuhn/Freudenthal subdivision of every grid cell into six tetrahedra sharing the cell's main diagonal. It has no
 * ambiguous cases and no case table, and the subdivision is consistent across cells, so the mesh has no cracks: a level
 * set that does not touch the grid border comes out closed. It produces roughly twice as many triangles as
 * Lorensen&ndash;Cline marching cubes at the same resolution. Vertices lie on grid edges (including cell and face
 * diagonals), placed by linear interpolation, and are shared between the triangles that use them. Triangles are
 * oriented so that their normal (counter-clockwise) points towards larger values of f.
 *
 * <p>A sample is "inside" when {@code f < level}; samples equal to the level count as outside. Positive infinity is a
 * valid sample (far outside: use it for cells skipped by a coarse test); NaN is rejected.
 *
 * <p>Stateless and thread-safe; one extraction runs on the calling thread.
 */
public final class IsoSurface {

    /** Axis permutations of the six Kuhn tetrahedra (each: 0, e_a, e_a + e_b, e_x + e_y + e_z). */
    private static final int[][] PERMUTATIONS = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};

    private IsoSurface() {
    }

    /**
     * The level set of {@code values} on an {@code nx x ny x nz} grid of samples, sample (i, j, k) at
     * {@code values[i + nx * (j + ny * k)]} and position {@code origin + spacing * (i, j, k)}.
     *
     * @param spacing  grid step, &gt; 0 (same units as origin)
     * @param progress reports one unit per z-slab of cells and checks cancellation; may be null
     * @return the mesh; it has no triangles when the level is not crossed
     * @throws IllegalArgumentException on sizes below 2, a wrong array length, a NaN sample or a bad spacing
     */
    public static TriangleMesh extract(double[] values, int nx, int ny, int nz, double[] origin, double spacing,
            double level, Progress progress) {
        if (nx < 2 || ny < 2 || nz < 2) {
            throw new IllegalArgumentException("grid must have at least 2 samples per axis, had " + nx + "x" + ny + "x" + nz);
        }
        if ((long) nx * ny * nz != values.length) {
            throw new IllegalArgumentException("values has " + values.length + " samples, expected " + nx + "*" + ny + "*" + nz);
        }
        if (!(spacing > 0) || Double.isInfinite(spacing)) {
            throw new IllegalArgumentException("spacing must be finite and > 0, was " + spacing);
        }
        if (!Double.isFinite(level)) {
            throw new IllegalArgumentException("level must be finite, was " + level);
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException("sample " + i + " (i=" + i % nx + ", j=" + (i / nx) % ny + ", k=" + i / nx / ny
                        + ") is NaN");
            }
        }
        if (progress != null) {
            progress.begin("iso-surface", nz - 1);
        }
        Builder b = new Builder(values, nx, ny, origin, spacing, level);
        int[] corner = new int[8];
        double[] cv = new double[8];
        for (int k = 0; k < nz - 1; k++) {
            for (int j = 0; j < ny - 1; j++) {
                for (int i = 0; i < nx - 1; i++) {
                    int base = i + nx * (j + ny * k);
                    boolean anyIn = false;
                    boolean anyOut = false;
                    for (int c = 0; c < 8; c++) {
                        int id = base + (c & 1) + ((c >> 1) & 1) * nx + ((c >> 2) & 1) * nx * ny;
                        corner[c] = id;
                        cv[c] = values[id];
                        if (cv[c] < level) {
                            anyIn = true;
                        } else {
                            anyOut = true;
                        }
                    }
                    if (!(anyIn && anyOut)) {
                        continue;
                    }
                    for (int[] p : PERMUTATIONS) {
                        int c1 = 1 << p[0];
                        int c2 = c1 | (1 << p[1]);
                        b.tetrahedron(corner[0], corner[c1], corner[c2], corner[7]);
                    }
                }
            }
            if (progress != null) {
                progress.worked(1);
            }
        }
        return b.mesh();
    }

    /** Accumulates vertices (one per crossed grid edge) and triangles. */
    private static final class Builder {
        private final double[] values;
        private final int nx;
        private final int ny;
        private final double[] origin;
        private final double spacing;
        private final double level;
        private final LongIntMap edgeVertex = new LongIntMap();
        private double[] vertices = new double[3 * 1024];
        private int vertexCount;
        private int[] triangles = new int[3 * 2048];
        private int triangleCount;

        Builder(double[] values, int nx, int ny, double[] origin, double spacing, double level) {
            this.values = values;
            this.nx = nx;
            this.ny = ny;
            this.origin = origin.clone();
            this.spacing = spacing;
            this.level = level;
        }

        void tetrahedron(int a, int b, int c, int d) {
            int[] v = {a, b, c, d};
            int[] in = new int[4];
            int[] out = new int[4];
            int ni = 0;
            int no = 0;
            for (int q : v) {
                if (values[q] < level) {
                    in[ni++] = q;
                } else {
                    out[no++] = q;
                }
            }
            if (ni == 0 || no == 0) {
                return;
            }
            if (ni == 1) {
                triangle(vertex(in[0], out[0]), vertex(in[0], out[1]), vertex(in[0], out[2]), in, ni, out, no);
            } else if (ni == 3) {
                triangle(vertex(out[0], in[0]), vertex(out[0], in[1]), vertex(out[0], in[2]), in, ni, out, no);
            } else {
                int p = vertex(in[0], out[0]);
                int q = vertex(in[0], out[1]);
                int r = vertex(in[1], out[1]);
                int s = vertex(in[1], out[0]);
                triangle(p, q, r, in, ni, out, no);
                triangle(p, r, s, in, ni, out, no);
            }
        }

        /** Adds triangle (p, q, r) oriented so that its normal points from the inside corners to the outside ones. */
        private void triangle(int p, int q, int r, int[] in, int ni, int[] out, int no) {
            if (p == q || q == r || r == p) {
                return;
            }
            double[] g = new double[3];
            for (int k = 0; k < no; k++) {
                addPosition(g, out[k], 1.0 / no);
            }
            for (int k = 0; k < ni; k++) {
                addPosition(g, in[k], -1.0 / ni);
            }
            double ux = vertices[3 * q] - vertices[3 * p], uy = vertices[3 * q + 1] - vertices[3 * p + 1],
                    uz = vertices[3 * q + 2] - vertices[3 * p + 2];
            double wx = vertices[3 * r] - vertices[3 * p], wy = vertices[3 * r + 1] - vertices[3 * p + 1],
                    wz = vertices[3 * r + 2] - vertices[3 * p + 2];
            double nx_ = uy * wz - uz * wy, ny_ = uz * wx - ux * wz, nz_ = ux * wy - uy * wx;
            boolean flip = nx_ * g[0] + ny_ * g[1] + nz_ * g[2] < 0;
            if (3 * triangleCount + 3 > triangles.length) {
                triangles = Arrays.copyOf(triangles, 2 * triangles.length);
            }
            triangles[3 * triangleCount] = p;
            triangles[3 * triangleCount + 1] = flip ? r : q;
            triangles[3 * triangleCount + 2] = flip ? q : r;
            triangleCount++;
        }

        private void addPosition(double[] g, int id, double weight) {
            int i = id % nx;
            int j = (id / nx) % ny;
            int k = id / nx / ny;
            g[0] += weight * i;
            g[1] += weight * j;
            g[2] += weight * k;
        }

        /** The vertex on grid edge (a, b), created on first use. */
        private int vertex(int a, int b) {
            long key = a < b ? (long) a * Integer.MAX_VALUE + b : (long) b * Integer.MAX_VALUE + a;
            int found = edgeVertex.get(key);
            if (found >= 0) {
                return found;
            }
            double fa = values[a];
            double fb = values[b];
            // a crossed edge has one side below the level and one at or above it; infinity on the far side puts the
            // vertex on the near sample
            double t = Double.isInfinite(fb) ? 0 : Double.isInfinite(fa) ? 1 : (level - fa) / (fb - fa);
            t = Math.max(0, Math.min(1, t));
            if (3 * vertexCount + 3 > vertices.length) {
                vertices = Arrays.copyOf(vertices, 2 * vertices.length);
            }
            for (int d = 0; d < 3; d++) {
                double ca = coordinate(a, d);
                double cb = coordinate(b, d);
                vertices[3 * vertexCount + d] = origin[d] + spacing * (ca + t * (cb - ca));
            }
            edgeVertex.put(key, vertexCount);
            return vertexCount++;
        }

        private double coordinate(int id, int axis) {
            switch (axis) {
                case 0:
                    return id % nx;
                case 1:
                    return (id / nx) % ny;
                default:
                    return id / nx / ny;
            }
        }

        TriangleMesh mesh() {
            return TriangleMesh.adopt(Arrays.copyOf(vertices, 3 * vertexCount), Arrays.copyOf(triangles, 3 * triangleCount));
        }
    }

    /** Open-addressing map from non-negative long keys to non-negative ints. */
    private static final class LongIntMap {
        private long[] keys = new long[1 << 12];
        private int[] vals = new int[1 << 12];
        private int size;

        LongIntMap() {
            Arrays.fill(keys, -1L);
        }

        int get(long key) {
            int mask = keys.length - 1;
            int h = hash(key) & mask;
            while (keys[h] != -1L) {
                if (keys[h] == key) {
                    return vals[h];
                }
                h = (h + 1) & mask;
            }
            return -1;
        }

        void put(long key, int value) {
            if (2 * (size + 1) > keys.length) {
                rehash();
            }
            int mask = keys.length - 1;
            int h = hash(key) & mask;
            while (keys[h] != -1L && keys[h] != key) {
                h = (h + 1) & mask;
            }
            if (keys[h] == -1L) {
                size++;
            }
            keys[h] = key;
            vals[h] = value;
        }

        private void rehash() {
            long[] ok = keys;
            int[] ov = vals;
            keys = new long[2 * ok.length];
            vals = new int[2 * ok.length];
            Arrays.fill(keys, -1L);
            size = 0;
            for (int i = 0; i < ok.length; i++) {
                if (ok[i] != -1L) {
                    put(ok[i], ov[i]);
                }
            }
        }

        private static int hash(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
