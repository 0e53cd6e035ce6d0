package org.quire.geometry;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Area-weighted random sampling of triangle meshes: each sample picks a triangle with probability proportional to its
 * area (binary search in the cumulative areas), then a uniform point in it with barycentric coordinates
 * {@code (1 - sqrt(r1), sqrt(r1) (1 - r2), sqrt(r1) r2)} (Osada et al. 2002). Samples are independent (not stratified).
 * Deterministic for a given generator state; sequential.
 */
public final class SurfaceSampler {
    private SurfaceSampler() {
    }

    /**
     * Surface samples: the points (with the unit face normal when requested, zero for a degenerate face) and, per
     * sample, the index of its triangle and its barycentric coordinates (packed u, v, w with the point
     * {@code u a + v b + w c}).
     */
    public record Samples(PointSet points, int[] faces, double[] barycentric) {
    }

    /**
     * Draws {@code count} samples.
     *
     * @param withNormals attach face normals (right-hand rule over the triangle's vertex order)
     * @throws IllegalArgumentException when the mesh has no area and count &gt; 0
     */
    public static Samples sample(TriangleMesh mesh, int count, RandomGenerator rng, boolean withNormals) {
        if (count < 0) {
            throw new IllegalArgumentException("sample count must be >= 0, got " + count);
        }
        int nt = mesh.triangleCount();
        double[] cum = new double[nt];
        double total = 0;
        for (int t = 0; t < nt; t++) {
            total += mesh.area(t);
            cum[t] = total;
        }
        if (count > 0 && !(total > 0)) {
            throw new IllegalArgumentException("the mesh has no area (" + nt + " triangles); cannot sample its surface");
        }
        double[] v = mesh.verticesView();
        int[] tri = mesh.trianglesView();
        double[] xyz = new double[3 * count];
        double[] nrm = withNormals ? new double[3 * count] : null;
        int[] faces = new int[count];
        double[] bary = new double[3 * count];
        double[] fn = new double[3];
        for (int s = 0; s < count; s++) {
            double u = rng.nextDouble() * total;
            int lo = 0, hi = nt - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cum[mid] > u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            int t = lo;
            double r1 = Math.sqrt(rng.nextDouble()), r2 = rng.nextDouble();
            double a = 1 - r1, b = r1 * (1 - r2), c = r1 * r2;
            int ia = 3 * tri[3 * t], ib = 3 * tri[3 * t + 1], ic = 3 * tri[3 * t + 2];
            for (int d = 0; d < 3; d++) {
                xyz[3 * s + d] = a * v[ia + d] + b * v[ib + d] + c * v[ic + d];
            }
            faces[s] = t;
            bary[3 * s] = a;
            bary[3 * s + 1] = b;
            bary[3 * s + 2] = c;
            if (nrm != null) {
                mesh.faceNormal(t, fn);
                System.arraycopy(fn, 0, nrm, 3 * s, 3);
            }
        }
        return new Samples(PointSet.adopt(xyz, nrm, null), faces, bary);
    }

    /** As {@link #sample(TriangleMesh, int, RandomGenerator, boolean)} with a {@link SplittableRandom} seeded by {@code seed}. */
    public static Samples sample(TriangleMesh mesh, int count, long seed, boolean withNormals) {
        return sample(mesh, count, new SplittableRandom(seed), withNormals);
    }
}
