package org.quire.surface.analytic;

import org.quire.geometry.TriangleMesh;

/**
 * The open upper hemisphere z ≥ 0 of radius R centred at the origin: for z ≥ 0 the closest point is {@code R x/‖x‖};
 * below the equator plane it is {@code (R (x, y)/‖(x, y)‖, 0)} on the rim circle.
 */
public record Hemisphere(double radius) implements AnalyticSurface {

    public Hemisphere {
        if (!(radius > 0)) {
            throw new IllegalArgumentException("hemisphere radius must be > 0, was " + radius);
        }
    }

    @Override
    public String name() {
        return "hemisphere";
    }

    @Override
    public void closest(double x, double y, double z, double[] out) {
        if (z >= 0) {
            double r = Math.sqrt(x * x + y * y + z * z);
            if (r == 0) {
                out[0] = 0;
                out[1] = 0;
                out[2] = radius;
                return;
            }
            out[0] = radius * x / r;
            out[1] = radius * y / r;
            out[2] = radius * z / r;
        } else {
            double r = Math.sqrt(x * x + y * y);
            out[0] = r == 0 ? radius : radius * x / r;
            out[1] = r == 0 ? 0 : radius * y / r;
            out[2] = 0;
        }
    }

    @Override
    public void normal(double px, double py, double pz, double[] out) {
        double r = Math.sqrt(px * px + py * py + pz * pz);
        out[0] = px / r;
        out[1] = py / r;
        out[2] = pz / r;
    }

    @Override
    public boolean closed() {
        return false;
    }

    @Override
    public TriangleMesh mesh(int resolution) {
        int nu = Math.max(8, resolution);
        return GridMesh.build(nu, Math.max(2, nu / 4), (u, v, o) -> {
            double ph = 2 * Math.PI * u;
            double th = 0.5 * Math.PI * v;
            double s = Math.sin(th);
            o[0] = v == 0 ? 0 : radius * s * Math.cos(ph);
            o[1] = v == 0 ? 0 : radius * s * Math.sin(ph);
            o[2] = v == 1 ? 0 : radius * Math.cos(th);
        });
    }
}
