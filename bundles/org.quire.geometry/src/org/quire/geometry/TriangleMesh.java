package org.quire.geometry;

import org.quire.api.result.Mesh;

/**
 * An immutable triangle mesh: vertices packed {@code x0,y0,z0,x1,...} (finite, double precision) and triangles packed as
 * three 0-based vertex indices each, counter-clockwise seen from outside by convention. Safe to share between threads.
 */
public final class TriangleMesh {
    private final double[] vertices;
    private final int[] triangles;

    /**
     * A mesh holding copies of the arrays.
     *
     * @param vertices  length 3v, finite
     * @param triangles length 3t, each index in [0, v)
     * @throws IllegalArgumentException on wrong lengths, non-finite coordinates or indices out of range
     */
    public TriangleMesh(double[] vertices, int[] triangles) {
        this(check(vertices, triangles).clone(), triangles.clone(), true);
    }

    private TriangleMesh(double[] vertices, int[] triangles, boolean checked) {
        this.vertices = vertices;
        this.triangles = triangles;
    }

    /** A mesh that takes the arrays without copying (the caller must not modify them afterwards); same checks. */
    public static TriangleMesh adopt(double[] vertices, int[] triangles) {
        return new TriangleMesh(check(vertices, triangles), triangles, true);
    }

    private static double[] check(double[] vertices, int[] triangles) {
        if (vertices == null || vertices.length % 3 != 0) {
            throw new IllegalArgumentException("mesh: vertex array must be non-null with a length that is a multiple of 3");
        }
        if (triangles == null || triangles.length % 3 != 0) {
            throw new IllegalArgumentException("mesh: triangle array must be non-null with a length that is a multiple of 3");
        }
        for (int i = 0; i < vertices.length; i++) {
            if (!Double.isFinite(vertices[i])) {
                throw new IllegalArgumentException("mesh: coordinate " + "xyz".charAt(i % 3) + " of vertex " + i / 3
                        + " is not finite (" + vertices[i] + ")");
            }
        }
        int v = vertices.length / 3;
        for (int i = 0; i < triangles.length; i++) {
            if (triangles[i] < 0 || triangles[i] >= v) {
                throw new IllegalArgumentException("mesh: triangle " + i / 3 + " names vertex " + triangles[i] + ", expected 0.."
                        + (v - 1));
            }
        }
        return vertices;
    }

    /** Number of vertices. */
    public int vertexCount() {
        return vertices.length / 3;
    }

    /** Number of triangles. */
    public int triangleCount() {
        return triangles.length / 3;
    }

    /** A copy of the packed vertices. */
    public double[] vertices() {
        return vertices.clone();
    }

    /** The internal packed vertices; read-only by contract. */
    public double[] verticesView() {
        return vertices;
    }

    /** A copy of the packed triangle indices. */
    public int[] triangles() {
        return triangles.clone();
    }

    /** The internal packed triangle indices; read-only by contract. */
    public int[] trianglesView() {
        return triangles;
    }

    /** Axis-aligned bounds of the vertices {@code minx,miny,minz,maxx,maxy,maxz}; NaN when there are none. */
    public double[] bounds() {
        return Bounds.of(vertices);
    }

    /** The vertices as a point set (no normals, no colours). */
    public PointSet vertexSet() {
        return PointSet.of(vertices);
    }

    /** Area of triangle t (half the norm of the edge cross product). */
    public double area(int t) {
        int a = 3 * triangles[3 * t], b = 3 * triangles[3 * t + 1], c = 3 * triangles[3 * t + 2];
        double ux = vertices[b] - vertices[a], uy = vertices[b + 1] - vertices[a + 1], uz = vertices[b + 2] - vertices[a + 2];
        double vx = vertices[c] - vertices[a], vy = vertices[c + 1] - vertices[a + 1], vz = vertices[c + 2] - vertices[a + 2];
        double cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
        return 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz);
    }

    /** Total surface area. */
    public double area() {
        double s = 0;
        for (int t = 0; t < triangleCount(); t++) {
            s += area(t);
        }
        return s;
    }

    /**
     * Unit normal of triangle t (right-hand rule over its vertex order) written into {@code out[0..2]}; zeros for a
     * degenerate triangle.
     */
    public void faceNormal(int t, double[] out) {
        int a = 3 * triangles[3 * t], b = 3 * triangles[3 * t + 1], c = 3 * triangles[3 * t + 2];
        double ux = vertices[b] - vertices[a], uy = vertices[b + 1] - vertices[a + 1], uz = vertices[b + 2] - vertices[a + 2];
        double vx = vertices[c] - vertices[a], vy = vertices[c + 1] - vertices[a + 1], vz = vertices[c + 2] - vertices[a + 2];
        double cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
        double len = Math.sqrt(cx * cx + cy * cy + cz * cz);
        if (len == 0) {
            out[0] = out[1] = out[2] = 0;
        } else {
            out[0] = cx / len;
            out[1] = cy / len;
            out[2] = cz / len;
        }
    }

    /**
     * Edge statistics by vertex index (not by position): the number of distinct undirected edges, boundary edges (used
     * by one triangle; zero for a closed mesh) and non-manifold edges (used by more than two). Edges of degenerate
     * triangles that join a vertex to itself are not counted.
     *
     * @param edges       distinct edges
     * @param boundary    edges used by exactly one triangle
     * @param nonManifold edges used by three or more triangles
     */
    public record EdgeCounts(int edges, int boundary, int nonManifold) {
        /** True when every edge is shared by exactly two triangles (a closed 2-manifold along its edges). */
        public boolean closedManifold() {
            return boundary == 0 && nonManifold == 0 && edges > 0;
        }
    }

    /** Counts edges, boundary edges and non-manifold edges (sorting the 3t edge keys: O(t log t)). */
    public EdgeCounts edgeCounts() {
        int nt = triangleCount();
        long[] keys = new long[3 * nt];
        int k = 0;
        for (int t = 0; t < nt; t++) {
            for (int e = 0; e < 3; e++) {
                int a = triangles[3 * t + e], b = triangles[3 * t + (e + 1) % 3];
                if (a != b) {
                    keys[k++] = ((long) Math.min(a, b) << 32) | Math.max(a, b);
                }
            }
        }
        java.util.Arrays.sort(keys, 0, k);
        int edges = 0, boundary = 0, nonManifold = 0;
        for (int i = 0; i < k;) {
            int j = i + 1;
            while (j < k && keys[j] == keys[i]) {
                j++;
            }
            edges++;
            if (j - i == 1) {
                boundary++;
            } else if (j - i > 2) {
                nonManifold++;
            }
            i = j;
        }
        return new EdgeCounts(edges, boundary, nonManifold);
    }

    /** The mesh as an API result item (single precision) named {@code name}. */
    public Mesh toResult(String name) {
        return new Mesh(name, PointSet.toFloats(vertices), triangles);
    }

    @Override
    public String toString() {
        return "TriangleMesh[" + vertexCount() + " vertices, " + triangleCount() + " triangles]";
    }
}
