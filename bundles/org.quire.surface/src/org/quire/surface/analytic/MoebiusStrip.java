package org.quire.surface.analytic;

import org.quire.geometry.TriangleMesh;

/**
 * The Möbius strip of spec §6.1 (non-orientable, open): {@code P(u, v) = s ((1 + v/2 cos(u/2)) cos u,
 * (1 + v/2 cos(u/2)) sin u, v/2 sin(u/2))}, u ∈ [0, 2π), |v| ≤ {@code halfWidth}, scale s. There is no closed form:
 * the closest point comes from multi-start Newton on {@code ½‖P(u, v) − x‖²} (starts: the best points of a
 * 96 × 9 parameter grid; damped Newton with a Gauss-Newton fallback and backtracking, v clamped to the strip), which
 * converges to 1e-12 in the parameters for points within the strip's reach. The spec's check of a 200 × 40
 * tessellation against this solution (≤ 1e-3) is in the tests; training uses that tessellation through a BVH.
 */
public record MoebiusStrip(double scale, double halfWidth) implements AnalyticSurface {

    private static final int GRID_U = 96;
    private static final int GRID_V = 9;
    private static final int STARTS = 3;

    public MoebiusStrip {
        if (!(scale > 0) || !(halfWidth > 0) || !(halfWidth < 2)) {
            throw new IllegalArgumentException("Möbius strip needs scale > 0 and 0 < halfWidth < 2, had " + scale + ", "
                    + halfWidth);
        }
    }

    @Override
    public String name() {
        return "moebius";
    }

    /** P(u, v) into out. */
    public void point(double u, double v, double[] out) {
        double a = 1 + 0.5 * v * Math.cos(0.5 * u);
        out[0] = scale * a * Math.cos(u);
        out[1] = scale * a * Math.sin(u);
        out[2] = scale * 0.5 * v * Math.sin(0.5 * u);
    }

    @Override
    public void closest(double x, double y, double z, double[] out) {
        double[] uv = parameters(x, y, z);
        point(uv[0], uv[1], out);
    }

    /** The parameters (u, v) of the closest point of (x, y, z). */
    public double[] parameters(double x, double y, double z) {
        double[] bestU = new double[STARTS];
        double[] bestV = new double[STARTS];
        double[] bestD = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] p = new double[3];
        for (int i = 0; i < GRID_U; i++) {
            double u = 2 * Math.PI * i / GRID_U;
            for (int j = 0; j < GRID_V; j++) {
                double v = -halfWidth + 2 * halfWidth * j / (GRID_V - 1);
                point(u, v, p);
                double d = sq(p[0] - x) + sq(p[1] - y) + sq(p[2] - z);
                for (int s = 0; s < STARTS; s++) {
                    if (d < bestD[s]) {
                        for (int q = STARTS - 1; q > s; q--) {
                            bestD[q] = bestD[q - 1];
                            bestU[q] = bestU[q - 1];
                            bestV[q] = bestV[q - 1];
                        }
                        bestD[s] = d;
                        bestU[s] = u;
                        bestV[s] = v;
                        break;
                    }
                }
            }
        }
        double[] best = null;
        double bestF = Double.POSITIVE_INFINITY;
        for (int s = 0; s < STARTS; s++) {
            double[] uv = newton(x, y, z, bestU[s], bestV[s]);
            double f = objective(x, y, z, uv[0], uv[1]);
            if (f < bestF) {
                bestF = f;
                best = uv;
            }
        }
        return best;
    }

    private double objective(double x, double y, double z, double u, double v) {
        double[] p = new double[3];
        point(u, v, p);
        return 0.5 * (sq(p[0] - x) + sq(p[1] - y) + sq(p[2] - z));
    }

    private double[] newton(double x, double y, double z, double u, double v) {
        double[] p = new double[3];
        for (int it = 0; it < 60; it++) {
            double c = Math.cos(u), s = Math.sin(u), ch = Math.cos(0.5 * u), sh = Math.sin(0.5 * u);
            double a = 1 + 0.5 * v * ch;
            double au = -0.25 * v * sh, av = 0.5 * ch, auu = -0.125 * v * ch, auv = -0.25 * sh;
            point(u, v, p);
            double rx = p[0] - x, ry = p[1] - y, rz = p[2] - z;
            double[] pu = {scale * (au * c - a * s), scale * (au * s + a * c), scale * 0.25 * v * ch};
            double[] pv = {scale * av * c, scale * av * s, scale * 0.5 * sh};
            double[] puu = {scale * (auu * c - 2 * au * s - a * c), scale * (auu * s + 2 * au * c - a * s), -scale * 0.125 * v * sh};
            double[] puv = {scale * (auv * c - av * s), scale * (auv * s + av * c), scale * 0.25 * ch};
            double gu = pu[0] * rx + pu[1] * ry + pu[2] * rz;
            double gv = pv[0] * rx + pv[1] * ry + pv[2] * rz;
            double huu = dot(pu, pu) + puu[0] * rx + puu[1] * ry + puu[2] * rz;
            double huv = dot(pu, pv) + puv[0] * rx + puv[1] * ry + puv[2] * rz;
            double hvv = dot(pv, pv);
            boolean atBound = Math.abs(v) >= halfWidth && gv * Math.signum(v) < 0;
            double du;
            double dv;
            if (atBound) {
                dv = 0;
                du = huu > 0 ? -gu / huu : -gu / dot(pu, pu);
            } else {
                double det = huu * hvv - huv * huv;
                if (huu > 0 && det > 0) {
                    du = (-gu * hvv + gv * huv) / det;
                    dv = (-gv * huu + gu * huv) / det;
                } else {
                    double guu = dot(pu, pu), guv = dot(pu, pv);
                    double gdet = guu * hvv - guv * guv;
                    du = (-gu * hvv + gv * guv) / gdet;
                    dv = (-gv * guu + gu * guv) / gdet;
                }
            }
            double f0 = 0.5 * (rx * rx + ry * ry + rz * rz);
            double step = 1;
            double nu = u;
            double nv = v;
            for (int ls = 0; ls < 30; ls++) {
                nu = u + step * du;
                nv = Math.max(-halfWidth, Math.min(halfWidth, v + step * dv));
                if (objective(x, y, z, nu, nv) <= f0) {
                    break;
                }
                step *= 0.5;
            }
            double moved = Math.abs(nu - u) + Math.abs(nv - v);
            u = nu;
            v = nv;
            if (moved < 1e-14) {
                break;
            }
        }
        return new double[] {u, v};
    }

    @Override
    public void normal(double px, double py, double pz, double[] out) {
        double[] uv = parameters(px, py, pz);
        double u = uv[0], v = uv[1];
        double c = Math.cos(u), s = Math.sin(u), ch = Math.cos(0.5 * u), sh = Math.sin(0.5 * u);
        double a = 1 + 0.5 * v * ch;
        double au = -0.25 * v * sh, av = 0.5 * ch;
        double[] pu = {au * c - a * s, au * s + a * c, 0.25 * v * ch};
        double[] pv = {av * c, av * s, 0.5 * sh};
        double nx = pu[1] * pv[2] - pu[2] * pv[1], ny = pu[2] * pv[0] - pu[0] * pv[2], nz = pu[0] * pv[1] - pu[1] * pv[0];
        double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
        out[0] = nx / len;
        out[1] = ny / len;
        out[2] = nz / len;
    }

    @Override
    public boolean closed() {
        return false;
    }

    /** Tessellation with {@code resolution} segments around and {@code resolution / 5} across (200 × 40 at 200). */
    @Override
    public TriangleMesh mesh(int resolution) {
        int nu = Math.max(20, resolution);
        int nv = Math.max(2, nu / 5);
        // u = 2π meets u = 0 with v flipped: P(2π, v) = P(0, −v), welded by GridMesh
        return GridMesh.build(nu, nv, (u, v, o) -> point(2 * Math.PI * u, -halfWidth + 2 * halfWidth * v, o));
    }

    private static double sq(double x) {
        return x * x;
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
