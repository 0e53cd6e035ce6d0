package org.quire.surface.analytic;

import org.quire.geometry.TriangleMesh;

/**
 * The open disk of radius R in the plane z = 0 centred on the z axis: project onto the plane; inside the rim that is
 * the closest point, outside it is {@code R (q − c)/‖q − c‖} on the rim.
 */
public record Disk(double radius) implements AnalyticSurface {

    public Disk {
        if (!(radius > 0)) {
            throw new IllegalArgumentException("disk radius must be > 0, was " + radius);
        }
    }

    @Override
    public String name() {
        return "disk";
    }

    @Override
    public void closest(double x, double y, double z, double[] out) {
        double r = Math.sqrt(x * x + y * y);
        if (r <= radius) {
            out[0] = x;
            out[1] = y;
        } else {
            out[0] = radius * x / r;
            out[1] = radius * y / r;
        }
        out[2] = 0;
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
        int nu = Math.max(8, resolution);
        return GridMesh.build(nu, Math.max(2, nu / 4), (u, v, o) -> {
            double ph = 2 * Math.PI * u;
            o[0] = v == 0 ? 0 : radius * v * Math.cos(ph);
            o[1] = v == 0 ? 0 : radius * v * Math.sin(ph);
            o[2] = 0;
        });
    }
}
