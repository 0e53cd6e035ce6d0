package org.quire.surface.csp;

import java.util.SplittableRandom;

import org.quire.api.Progress;
import org.quire.compute.Parallel;
import org.quire.geometry.TriangleMesh;
import org.quire.surface.analytic.AnalyticSurface;

/**
 * An analytic surface as a training source, already in normalised coordinates (identity normalisation): exact closest
 * points and normals from the closed forms; samples drawn area-weighted on a fine tessellation and projected onto the
 * exact surface. Immutable, thread-safe. (The Möbius strip, whose closest point needs Newton iterations, is trained
 * through its 200 × 40 tessellation as a {@link MeshSource}, as spec §6.1 recommends.)
 */
public final class AnalyticSource implements TrainingSource {

    /** Segments of the tessellation used for sampling. */
    static final int SAMPLING_RESOLUTION = 256;

    private final AnalyticSurface surface;
    private final TriangleMesh mesh;
    private final MeshSampler sampler;

    public AnalyticSource(AnalyticSurface surface) {
        this.surface = surface;
        this.mesh = surface.mesh(SAMPLING_RESOLUTION);
        this.sampler = new MeshSampler(mesh);
    }

    @Override
    public String description() {
        return "analytic " + surface.name();
    }

    @Override
    public Normalisation normalisation() {
        return Normalisation.IDENTITY;
    }

    @Override
    public ClosestPointField field() {
        return surface;
    }

    @Override
    public void closest(double[] xyz, double[] closest, double[] normals, int threads, Progress progress) {
        int n = xyz.length / 3;
        double[] cp = closest != null ? closest : new double[3 * n];
        Parallel.forRange(threads, n, i -> {
            double[] p = new double[3];
            surface.closest(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2], p);
            System.arraycopy(p, 0, cp, 3 * i, 3);
            if (normals != null) {
                surface.normal(p[0], p[1], p[2], p);
                System.arraycopy(p, 0, normals, 3 * i, 3);
            }
        }, progress);
    }

    @Override
    public void sample(int n, SplittableRandom random, double[] points, double[] normals) {
        double[] raw = new double[3 * n];
        sampler.sample(n, random, raw, null);
        double[] p = new double[3];
        for (int i = 0; i < n; i++) {
            surface.closest(raw[3 * i], raw[3 * i + 1], raw[3 * i + 2], p);
            System.arraycopy(p, 0, points, 3 * i, 3);
            if (normals != null) {
                surface.normal(p[0], p[1], p[2], p);
                System.arraycopy(p, 0, normals, 3 * i, 3);
            }
        }
    }

    @Override
    public TriangleMesh unitMesh() {
        return mesh;
    }
}
