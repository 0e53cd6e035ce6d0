package org.quire.registration.blade;

/**
 * The blade surface S(s, v) and its outward normal, for span s ∈ [0, 1] and section parameter v ∈ [0, 2): v &lt; 1 is
 * the upper (suction) side from leading to trailing edge, v ≥ 1 the lower side, chord position x = (1 − cos πv′)/2.
 * The section is NACA-4-style (thickness 5t(0.2969√x − 0.1260x − 0.3516x² + 0.2843x³ − 0.1036x⁴), camber line with
 * p = 0.4), chord tapering 60 → 39, thickness 12% → 7%, camber 6% → 3%, centred at 40% chord and twisted linearly by
 * {@code twistDeg} over the span {@code span} along +z from z = 0. The root platform is a 90 × 50 × 12 box below
 * z = 0. Lengths in the blade's units. Immutable.
 */
public final class BladeSurface {
    /** Platform extents: x half-width, y half-width, depth. */
    public static final double PLATFORM_X = 45;
    /** Platform y half-width. */
    public static final double PLATFORM_Y = 25;
    /** Platform depth below z = 0. */
    public static final double PLATFORM_Z = 12;

    private final double span;
    private final double twist;

    /**
     * @param span     blade length along z (the spec's 200)
     * @param twistDeg total linear twist in degrees (the spec's 40)
     */
    public BladeSurface(double span, double twistDeg) {
        this.span = span;
        this.twist = Math.toRadians(twistDeg);
    }

    /** The blade length. */
    public double span() {
        return span;
    }

    /** Writes S(s, v) into {@code out[0..2]}. */
    public void point(double s, double v, double[] out) {
        double chord = 60 - 21 * s;
        double t = 0.12 - 0.05 * s;
        double m = 0.06 - 0.03 * s;
        boolean upper = v < 1;
        double w = upper ? v : v - 1;
        double x = (1 - Math.cos(Math.PI * w)) / 2;
        double yt = 5 * t * (0.2969 * Math.sqrt(x) - 0.1260 * x - 0.3516 * x * x + 0.2843 * x * x * x
                - 0.1036 * x * x * x * x);
        double p = 0.4;
        double yc;
        double dyc;
        if (x < p) {
            yc = m / (p * p) * (2 * p * x - x * x);
            dyc = 2 * m / (p * p) * (p - x);
        } else {
            yc = m / ((1 - p) * (1 - p)) * ((1 - 2 * p) + 2 * p * x - x * x);
            dyc = 2 * m / ((1 - p) * (1 - p)) * (p - x);
        }
        double th = Math.atan(dyc);
        double sign = upper ? 1 : -1;
        double xs = x - sign * yt * Math.sin(th);
        double ys = yc + sign * yt * Math.cos(th);
        double lx = chord * (xs - 0.4);
        double ly = chord * ys;
        double a = twist * s;
        double ca = Math.cos(a);
        double sa = Math.sin(a);
        out[0] = lx * ca - ly * sa;
        out[1] = lx * sa + ly * ca;
        out[2] = span * s;
    }

    /** Writes the outward unit normal at (s, v) into {@code out[0..2]} (central differences of S, oriented away from the camber line). */
    public void normal(double s, double v, double[] out) {
        double h = 1e-6;
        double[] a = new double[3];
        double[] b = new double[3];
        double s0 = Math.max(0, s - h);
        double s1 = Math.min(1, s + h);
        point(s1, v, a);
        point(s0, v, b);
        double[] ds = {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
        boolean upper = v < 1;
        double lo = upper ? 0 : 1;
        double hi = upper ? 1 - 1e-12 : 2 - 1e-12;
        double v0 = Math.max(lo, v - h);
        double v1 = Math.min(hi, v + h);
        point(s, v1, a);
        point(s, v0, b);
        double[] dv = {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
        double nx = ds[1] * dv[2] - ds[2] * dv[1];
        double ny = ds[2] * dv[0] - ds[0] * dv[2];
        double nz = ds[0] * dv[1] - ds[1] * dv[0];
        double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
        nx /= len;
        ny /= len;
        nz /= len;
        // orientation: away from an interior point of the section (camber point at the same chord position,
        // or at 10% chord near the leading edge)
        double[] here = new double[3];
        point(s, v, here);
        double w = upper ? v : v - 1;
        double x = (1 - Math.cos(Math.PI * w)) / 2;
        double[] inside = interior(s, Math.max(x, 0.1));
        double dot = nx * (here[0] - inside[0]) + ny * (here[1] - inside[1]) + nz * (here[2] - inside[2]);
        double sg = dot < 0 ? -1 : 1;
        out[0] = sg * nx;
        out[1] = sg * ny;
        out[2] = sg * nz;
    }

    /** A point on the camber line at chord position x, in the twisted frame. */
    private double[] interior(double s, double x) {
        double chord = 60 - 21 * s;
        double m = 0.06 - 0.03 * s;
        double p = 0.4;
        double yc = x < p ? m / (p * p) * (2 * p * x - x * x) : m / ((1 - p) * (1 - p)) * ((1 - 2 * p) + 2 * p * x - x * x);
        double lx = chord * (x - 0.4);
        double ly = chord * yc;
        double a = twist * s;
        return new double[] {lx * Math.cos(a) - ly * Math.sin(a), lx * Math.sin(a) + ly * Math.cos(a), span * s};
    }
}
