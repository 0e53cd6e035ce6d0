package org.quire.surface.analytic;

import org.quire.geometry.TriangleMesh;

/**
 * Sphere with centre c and radius R: {@code CSP(x) = c + R (x − c)/‖x − c‖} (undefined at c, where (c + R e_x) is
 * returned). Principal curvatures 1/R.
 */
public record Sphere(double cx, double cy, double cz, double radius) implements AnalyticSurface {

    public Sphere {
        if (!(radius > 0)) {
            throw new IllegalArgumentException("sphere radius must be > 0, was " + radius);
        }
    }

    @Override
    public String name() {
        return "sphere";
    }

    @Override
    public void closest(double x, double y, double z, double[] out) {
        double dx = x - cx, dy = y - cy, dz = z - cz;
        double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
        if (r == 0) {
            out[0] = cx + radius;
            out[1] = cy;
            out[2] = cz;
            return;
        }
        out[0] = cx + radius * dx / r;
        out[1] = cy + radius * dy / r;
        out[2] = cz + radius * dz / r;
    }

    @Override
    public void normal(double px, double py, double pz, double[] out) {
        double dx = px - cx, dy = py - cy, dz = pz - cz;
        double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
        out[0] = dx / r;
        out[1] = dy / r;
        out[2] = dz / r;
    }

    @Override
    public boolean closed() {
        return true;
    }

    @Override
    public TriangleMesh mesh(int resolution) {
        int nu = Math.max(8, resolution);
        return GridMesh.build(nu, Math.max(4, nu / 2), (u, v, o) -> {
            double ph = 2 * Math.PI * u;
            double th = Math.PI * v;
            double s = Math.sin(th);
            o[0] = cx + radius * s * Math.cos(ph);
            o[1] = cy + radius * s * Math.sin(ph);
            o[2] = cz + radius * Math.cos(th);
            if (v == 0 || v == 1) {
                o[0] = cx;
                o[1] = cy;
            }
        });
    }
}
