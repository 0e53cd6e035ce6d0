package org.quire.surface;

import java.util.HashMap;
import java.util.Map;

import org.quire.api.result.Result;
import org.quire.geometry.TriangleMesh;

/**
 * Edge statistics that tell whether a mesh is open (spec §7): boundary edges (used by one triangle), non-manifold
 * edges (used by three or more) and degenerate (zero-area) triangles. Stateless.
 */
final class MeshStats {

    private MeshStats() {
    }

    /** Adds {@code vertices}, {@code triangles}, {@code boundaryEdges}, {@code nonManifoldEdges} and {@code degenerateTriangles}. */
    static void addTo(Result.Builder out, TriangleMesh m) {
        Map<Long, Integer> use = new HashMap<>();
        int[] t = m.trianglesView();
        int degenerate = 0;
        for (int f = 0; f < m.triangleCount(); f++) {
            if (!(m.area(f) > 0)) {
                degenerate++;
            }
            for (int e = 0; e < 3; e++) {
                long a = t[3 * f + e];
                long b = t[3 * f + (e + 1) % 3];
                if (a != b) {
                    use.merge(Math.min(a, b) << 32 | Math.max(a, b), 1, Integer::sum);
                }
            }
        }
        int boundary = 0;
        int nonManifold = 0;
        for (int c : use.values()) {
            boundary += c == 1 ? 1 : 0;
            nonManifold += c > 2 ? 1 : 0;
        }
        out.metric("vertices", m.vertexCount());
        out.metric("triangles", m.triangleCount());
        out.metric("boundaryEdges", boundary);
        out.metric("nonManifoldEdges", nonManifold);
        out.metric("degenerateTriangles", degenerate);
    }
}
