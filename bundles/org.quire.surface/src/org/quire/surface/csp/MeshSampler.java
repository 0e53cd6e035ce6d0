package org.quire.surface.csp;

import java.util.SplittableRandom;

import org.quire.geometry.TriangleMesh;

/**
 * Area-weighted uniform sampling of a triangle mesh: a face with probability proportional to its area (binary search
 * in the cumulative areas), then a uniform point in it ({@code √r₁} construction). Immutable, thread-safe; the draws
 * depend only on the generator passed in.
 */
public final class MeshSampler {

    private final double[] v;
    private final int[] t;
    private final double[] cumulative;
    private final double[] faceNormals;

    /**
     * @throws IllegalArgumentException when the mesh has no triangle of positive area
     */
    public MeshSampler(TriangleMesh mesh) {
        v = mesh.verticesView();
        t = mesh.trianglesView();
        int f = mesh.triangleCount();
        cumulative = new double[f];
        faceNormals = new double[3 * f];
        double s = 0;
        double[] n = new double[3];
        for (int i = 0; i < f; i++) {
            s += mesh.area(i);
            cumulative[i] = s;
            mesh.faceNormal(i, n);
            System.arraycopy(n, 0, faceNormals, 3 * i, 3);
        }
        if (!(s > 0)) {
            throw new IllegalArgumentException("the mesh has no triangle of positive area to sample");
        }
    }

    /** The unit normal of face f (zeros for a degenerate face). */
    public void faceNormal(int f, double[] out, int offset) {
        System.arraycopy(faceNormals, 3 * f, out, offset, 3);
    }

    /** Total area. */
    public double area() {
        return cumulative[cumulative.length - 1];
    }

    /** Writes n samples into {@code points} (3n) and their face normals into {@code normals} (3n, may be null). */
    public void sample(int n, SplittableRandom r, double[] points, double[] normals) {
        double total = area();
        for (int i = 0; i < n; i++) {
            double target = r.nextDouble() * total;
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > target) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            double s = Math.sqrt(r.nextDouble());
            double r2 = r.nextDouble();
            double wa = 1 - s, wb = s * (1 - r2), wc = s * r2;
            int a = 3 * t[3 * lo], b = 3 * t[3 * lo + 1], c = 3 * t[3 * lo + 2];
            for (int d = 0; d < 3; d++) {
                points[3 * i + d] = wa * v[a + d] + wb * v[b + d] + wc * v[c + d];
            }
            if (normals != null) {
                System.arraycopy(faceNormals, 3 * lo, normals, 3 * i, 3);
            }
        }
    }
}
