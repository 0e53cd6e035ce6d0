package org.quire.surface.analytic;

import org.quire.geometry.TriangleMesh;

/**
 * Torus about the z axis with major radius R and minor radius r: {@code c = R (x, y, 0)/‖(x, y)‖}, then
 * {@code CSP = c + r (x − c)/‖x − c‖}. Principal curvatures 1/r and cos v/(R + r cos v).
 */
public record Torus(double major, double minor) implements AnalyticSurface {

    public Torus {
        if (!(minor > 0) || !(major > minor)) {
            throw new IllegalArgumentException("torus needs major > minor > 0, had " + major + ", " + minor);
        }
    }

    @Override
    public String name() {
        return "torus";
    }

    @Override
    public void closest(double x, double y, double z, double[] out) {
        double rho = Math.sqrt(x * x + y * y);
        double cx = rho == 0 ? major : major * x / rho;
        double cy = rho == 0 ? 0 : major * y / rho;
        double dx = x - cx, dy = y - cy, dz = z;
        double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
        if (d == 0) {
            out[0] = cx * (major + minor) / major;
            out[1] = cy * (major + minor) / major;
            out[2] = 0;
            return;
        }
        out[0] = cx + minor * dx / d;
        out[1] = cy + minor * dy / d;
        out[2] = minor * dz / d;
    }

    @Override
    public void normal(double px, double py, double pz, double[] out) {
        double rho = Math.sqrt(px * px + py * py);
        double cx = major * px / rho, cy = major * py / rho;
        double dx = px - cx, dy = py - cy, dz = pz;
        double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
        out[0] = dx / d;
        out[1] = dy / d;
        out[2] = dz / d;
    }

    @Override
    public boolean closed() {
        return true;
    }

    @Override
    public TriangleMesh mesh(int resolution) {
        int nu = Math.max(8, resolution);
        int nv = Math.max(6, (int) Math.round(nu * minor / major));
        return GridMesh.build(nu, nv, (u, v, o) -> {
            double a = 2 * Math.PI * u;
            double b = 2 * Math.PI * v;
            double r = major + minor * Math.cos(b);
            o[0] = r * Math.cos(a);
            o[1] = r * Math.sin(a);
            o[2] = minor * Math.sin(b);
        });
    }
}
