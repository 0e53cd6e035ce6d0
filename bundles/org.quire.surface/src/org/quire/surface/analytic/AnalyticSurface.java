package org.quire.surface.analytic;

import org.quire.compute.Parallel;
import org.quire.geometry.TriangleMesh;
import org.quire.surface.csp.ClosestPointField;

/**
 * A surface with a closed-form (or Newton-solved) closest-point map, a unit normal and a tessellation. Immutable and
 * thread-safe. Where the closest point is not unique (the medial axis, e.g. a sphere's centre) the implementation
 * picks one deterministically; tests avoid those points.
 */
public interface AnalyticSurface extends ClosestPointField {

    /** Short name, e.g. {@code sphere}. */
    String name();

    /** Writes the closest surface point of (x, y, z) into {@code out[0..2]}. */
    void closest(double x, double y, double z, double[] out);

    /** Writes a unit normal at the surface point p into {@code out[0..2]} (sign per shape; non-orientable shapes: either). */
    void normal(double px, double py, double pz, double[] out);

    /** Whether the surface is closed (no boundary). */
    boolean closed();

    /**
     * A tessellation with about {@code resolution} segments along its longest parameter direction (welded: no
     * duplicate vertices, no degenerate triangles).
     */
    TriangleMesh mesh(int resolution);

    @Override
    default void closest(double[] xyz, double[] out, int threads) {
        int n = xyz.length / 3;
        Parallel.forRange(threads, n, i -> {
            double[] p = new double[3];
            closest(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2], p);
            out[3 * i] = p[0];
            out[3 * i + 1] = p[1];
            out[3 * i + 2] = p[2];
        });
    }
}
