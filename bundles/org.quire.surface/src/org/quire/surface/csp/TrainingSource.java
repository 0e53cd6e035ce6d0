package org.quire.surface.csp;

import java.util.SplittableRandom;

import org.quire.api.Progress;
import org.quire.geometry.TriangleMesh;

/**
 * An exact surface to learn, in normalised coordinates: its closest points with the surface normal there (ground
 * truth), area-uniform surface samples with normals, and a tessellation. Thread-safe.
 */
public interface TrainingSource {

    /** What it is (a file name or an analytic shape), for provenance. */
    String description();

    /** World ↔ normalised coordinates. */
    Normalisation normalisation();

    /** The exact closest-point field in normalised coordinates. */
    ClosestPointField field();

    /**
     * Exact closest points of {@code unit} (3n) into {@code closest} and the unit surface normals there into
     * {@code normals} (either output may be null). Reports n units to {@code progress} (may be null).
     */
    void closest(double[] unit, double[] closest, double[] normals, int threads, Progress progress);

    /** n area-uniform surface samples (3n) with their unit normals (3n, may be null). */
    void sample(int n, SplittableRandom random, double[] points, double[] normals);

    /** The surface as a mesh in normalised coordinates. */
    TriangleMesh unitMesh();
}
