package org.quire.surface.render;

import org.quire.api.Progress;
import org.quire.compute.Parallel;
import org.quire.geometry.TriangleMesh;
import org.quire.geometry.index.MeshBvh;

/**
 * Ground-truth rendering of a mesh (spec §1.6, "GT"): one BVH ray cast per pixel with the same camera rays as the
 * sphere tracer; depth is the distance from the camera centre and both normal buffers hold the face normal, turned to
 * face the camera. Stateless; results do not depend on the thread count.
 */
public final class MeshRaycaster {

    private MeshRaycaster() {
    }

    /** Renders {@code mesh} (in the camera's coordinates) through {@code bvh}, built on the same mesh. */
    public static Rendering render(TriangleMesh mesh, MeshBvh bvh, Camera camera, int threads, Progress progress) {
        int w = camera.width();
        int h = camera.height();
        Rendering out = new Rendering(w, h);
        double[] eye = camera.eye();
        double[] v = mesh.verticesView();
        int[] t = mesh.trianglesView();
        Parallel.forRange(threads, h, j -> {
            double[] d = new double[3];
            for (int i = 0; i < w; i++) {
                camera.direction(i + 0.5, j + 0.5, d);
                double len = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                double dx = d[0] / len, dy = d[1] / len, dz = d[2] / len;
                MeshBvh.RayHit hit = bvh.raycast(eye[0], eye[1], eye[2], dx, dy, dz, len, Double.POSITIVE_INFINITY);
                int k = j * w + i;
                if (hit == null) {
                    continue;
                }
                out.hit[k] = true;
                out.depth[k] = hit.t();
                out.evaluations[k] = 1;
                int f = hit.face();
                int a = 3 * t[3 * f], b = 3 * t[3 * f + 1], c = 3 * t[3 * f + 2];
                double ux = v[b] - v[a], uy = v[b + 1] - v[a + 1], uz = v[b + 2] - v[a + 2];
                double wx = v[c] - v[a], wy = v[c + 1] - v[a + 1], wz = v[c + 2] - v[a + 2];
                double nx = uy * wz - uz * wy, ny = uz * wx - ux * wz, nz = ux * wy - uy * wx;
                double nl = Math.sqrt(nx * nx + ny * ny + nz * nz);
                double sign = nx * dx + ny * dy + nz * dz > 0 ? -1 : 1;
                for (int pass = 0; pass < 2; pass++) {
                    double[] dst = pass == 0 ? out.normalJacobian : out.normalForward;
                    dst[3 * k] = sign * nx / nl;
                    dst[3 * k + 1] = sign * ny / nl;
                    dst[3 * k + 2] = sign * nz / nl;
                }
            }
        }, progress == null ? null : begin(progress, h));
        return out;
    }

    private static Progress begin(Progress p, int rows) {
        p.begin("ray casting", rows);
        return p;
    }
}
