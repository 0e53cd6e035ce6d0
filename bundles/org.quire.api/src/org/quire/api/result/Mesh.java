package org.quire.api.result;

/**
 * A named triangle mesh. Written as PLY.
 *
 * @param name      file stem
 * @param vertices  x0 y0 z0 x1 ... (length 3v)
 * @param triangles vertex indices, three per triangle, each in [0, v)
 */
public record Mesh(String name, float[] vertices, int[] triangles) {
    public Mesh {
        Names.check("mesh", name);
        if (vertices == null || vertices.length % 3 != 0) {
            throw new IllegalArgumentException("mesh '" + name + "': vertex array length must be a multiple of 3");
        }
        if (triangles == null || triangles.length % 3 != 0) {
            throw new IllegalArgumentException("mesh '" + name + "': triangle array length must be a multiple of 3");
        }
        int v = vertices.length / 3;
        for (int i = 0; i < triangles.length; i++) {
            if (triangles[i] < 0 || triangles[i] >= v) {
                throw new IllegalArgumentException("mesh '" + name + "': triangle " + i / 3 + " names vertex " + triangles[i]
                        + ", expected 0.." + (v - 1));
            }
        }
        vertices = vertices.clone();
        triangles = triangles.clone();
    }

    /** Number of vertices. */
    public int vertexCount() {
        return vertices.length / 3;
    }

    /** Number of triangles. */
    public int triangleCount() {
        return triangles.length / 3;
    }

    @Override
    public float[] vertices() {
        return vertices.clone();
    }

    @Override
    public int[] triangles() {
        return triangles.clone();
    }
}
