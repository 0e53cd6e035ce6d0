package org.quire.surface.analytic;

import org.quire.geometry.TriangleMesh;

/**
 * The open tube x² + y² = R², |z| ≤ h, without caps: {@code CSP(x) = (R (x, y)/‖(x, y)‖, clamp(z, −h, h))}, inside
 * and outside the tube (on the axis, where it is undefined, the direction e_x is used).
 */
public record OpenCylinder(double radius, double halfHeight) implements AnalyticSurface {

    public OpenCylinder {
        if (!(radius > 0) || !(halfHeight > 0)) {
            throw new IllegalArgumentException("cylinder radius and half-height must be > 0, were " + radius + ", " + halfHeight);
        }
    }

    @Override
    public String name() {
        return "cylinder";
    }

    @Override
    public void closest(double x, double y, double z, double[] out) {
        double r = Math.sqrt(x * x + y * y);
        out[0] = r == 0 ? radius : radius * x / r;
        out[1] = r == 0 ? 0 : radius * y / r;
        out[2] = Math.max(-halfHeight, Math.min(halfHeight, z));
    }

    @Override
    public void normal(double px, double py, double pz, double[] out) {
        double r = Math.sqrt(px * px + py * py);
        out[0] = px / r;
        out[1] = py / r;
        out[2] = 0;
    }

    @Override
    public boolean closed() {
        return false;
    }

    @Override
    public TriangleMesh mesh(int resolution) {
        int nu = Math.max(8, resolution);
        int nv = Math.max(2, (int) Math.round(nu * 2 * halfHeight / (2 * Math.PI * radius)));
        return GridMesh.build(nu, nv, (u, v, o) -> {
            double ph = 2 * Math.PI * u;
            o[0] = radius * Math.cos(ph);
            o[1] = radius * Math.sin(ph);
            o[2] = -halfHeight + 2 * halfHeight * v;
        });
    }
}
