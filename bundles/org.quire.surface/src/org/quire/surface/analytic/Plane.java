package org.quire.surface.analytic;

import org.quire.geometry.TriangleMesh;

/**
 * The plane z = z0: {@code CSP(x) = x − ((x − p₀)·n) n} with n = e_z. Its tessellation is the square
 * [−half, half]² (open), which covers the projection of the normalised box when half = 0.5.
 */
public record Plane(double z0, double half) implements AnalyticSurface {

    public Plane {
        if (!(half > 0)) {
            throw new IllegalArgumentException("plane half-size must be > 0, was " + half);
        }
    }

    @Override
    public String name() {
        return "plane";
    }

    @Override
    public void closest(double x, double y, double z, double[] out) {
        out[0] = x;
        out[1] = y;
        out[2] = z0;
    }

    @Override
    public void normal(double px, double py, double pz, double[] out) {
        out[0] = 0;
        out[1] = 0;
        out[2] = 1;
    }

    @Override
    public boolean closed() {
        return false;
    }

    @Override
    public TriangleMesh mesh(int resolution) {
        int n = Math.max(2, resolution);
        return GridMesh.build(n, n, (u, v, o) -> {
            o[0] = -half + 2 * half * u;
            o[1] = -half + 2 * half * v;
            o[2] = z0;
        });
    }
}
