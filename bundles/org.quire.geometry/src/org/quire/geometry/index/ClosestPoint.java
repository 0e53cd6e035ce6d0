package org.quire.geometry.index;

/**
 * The exact closest point of a triangle mesh to a query, as found by {@link MeshBvh#closest(double, double, double)}.
 *
 * @param x        closest point, x (same units as the mesh)
 * @param y        closest point, y
 * @param z        closest point, z
 * @param distance Euclidean distance from the query to the point, &ge; 0
 * @param face     index of the triangle holding the point (0-based, in the mesh's order)
 * @param u        barycentric weight of the face's first vertex
 * @param v        barycentric weight of the second vertex
 * @param w        barycentric weight of the third vertex; {@code u + v + w = 1}, all in [0, 1]
 */
public record ClosestPoint(double x, double y, double z, double distance, int face, double u, double v, double w) {
}
