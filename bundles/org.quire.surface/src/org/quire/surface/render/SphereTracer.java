package org.quire.surface.render;

import java.util.Arrays;

import org.quire.api.Progress;
import org.quire.compute.Parallel;
import org.quire.surface.csp.ClosestPointField;
import org.quire.surface.csp.FieldOps;

/**
 * Sphere tracing of a closest-point field in normalised coordinates (spec §1.6): every ray advances by the unsigned
 * distance {@code u(x) = ‖x − f(x)‖} and stops when {@code u < threshold} (hit) or after {@code maxSteps} evaluations
 * or on leaving the box [−0.5, 0.5]³ (background). At a hit it computes n_J, steps on by {@code u/|cos θ|} (θ between
 * ray and n_J; at most {@value #MAX_TANGENT_STEP}·u, a cap of Quire's) onto the local tangent plane, backs off by
 * {@code backOff}, and reports n_J at the refined hit and n_f at the backed-off point, both turned to face the camera.
 *
 * <p>Differences from the official code, which do not change where rays stop: outside the box the code takes fixed
 * steps of 0.01 without evaluating the field; here a ray jumps straight to the box. And pixels are first grouped in
 * {@code tile × tile} beams that are cone-marched together (the largest step that keeps the whole cone of the tile
 * clear: {@code (u − s sin α)/(1 + sin α)} at distance s from the camera, α the cone's half-angle), and each pixel ray
 * starts where its beam stopped; {@code tile = 1} disables this. With an exact (1-Lipschitz) distance the beams never
 * skip a surface; for a learned field they are as safe as sphere tracing itself.
 *
 * <p>All rays are evaluated in batches through {@link ClosestPointField#closest} on up to {@code threads} threads; the
 * result does not depend on the thread count. Immutable settings; {@link #render} is thread-safe.
 */
public final class SphereTracer {

    /** Largest refinement step onto the tangent plane, in multiples of u. */
    static final double MAX_TANGENT_STEP = 4;
    /** Half size of the scene box. */
    static final double BOX = 0.5;

    /**
     * Settings.
     *
     * @param threshold convergence threshold on u (paper: 0.008 single-shape config, 0.01 default)
     * @param maxSteps  most evaluations per ray (paper 1000)
     * @param backOff   back-off distance after refinement (paper 0.01)
     * @param tile      pixels per beam side for cone marching, &ge; 1 (1: off)
     * @param refine    apply the tangent-plane refinement and back-off
     */
    public record Settings(double threshold, int maxSteps, double backOff, int tile, boolean refine) {
        public Settings {
            if (!(threshold > 0) || maxSteps < 1 || !(backOff >= 0) || tile < 1) {
                throw new IllegalArgumentException("sphere tracer needs threshold > 0, maxSteps >= 1, backOff >= 0 and tile >= 1");
            }
        }

        /** The paper's single-shape settings with 8-pixel beams. */
        public static Settings paper() {
            return new Settings(0.008, 1000, 0.01, 8, true);
        }
    }

    private final Settings settings;

    public SphereTracer(Settings settings) {
        this.settings = settings;
    }

    /**
     * Renders {@code field} seen by {@code camera}.
     *
     * @param progress reports the marching iterations; cancellation stops with
     *                 {@link org.quire.api.CancelledException} (may be null)
     */
    public Rendering render(ClosestPointField field, Camera camera, int threads, Progress progress) {
        Progress p = progress == null ? Progress.none() : progress;
        int w = camera.width();
        int h = camera.height();
        int n = w * h;
        Rendering out = new Rendering(w, h);
        double[] eye = camera.eye();
        double[] dir = new double[3 * n];
        double[] start = new double[n];
        double[] d = new double[3];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                camera.direction(i + 0.5, j + 0.5, d);
                double len = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                int k = j * w + i;
                dir[3 * k] = d[0] / len;
                dir[3 * k + 1] = d[1] / len;
                dir[3 * k + 2] = d[2] / len;
                start[k] = len;
            }
        }
        p.begin("sphere tracing " + w + "x" + h, 100);
        double[] s = start.clone();
        // one level of beams (finer levels were measured to cost more than they save)
        Progress cone = p.split(30);
        if (settings.tile() > 1) {
            coneMarch(field, camera, eye, s, settings.tile(), threads, cone);
        }
        march(field, eye, dir, s, out, threads, p.split(60));
        if (settings.refine()) {
            refine(field, eye, dir, s, out, threads);
        } else {
            finish(field, eye, dir, s, out, threads);
        }
        p.worked(10);
        return out;
    }

    /** Parameter interval [enter, exit] of the ray eye + s·dir inside the box, or null when it misses. */
    static double[] boxInterval(double[] eye, double dx, double dy, double dz) {
        double t0 = 0;
        double t1 = Double.POSITIVE_INFINITY;
        double[] dd = {dx, dy, dz};
        for (int a = 0; a < 3; a++) {
            if (dd[a] == 0) {
                if (Math.abs(eye[a]) > BOX) {
                    return null;
                }
                continue;
            }
            double u = (-BOX - eye[a]) / dd[a];
            double v = (BOX - eye[a]) / dd[a];
            t0 = Math.max(t0, Math.min(u, v));
            t1 = Math.min(t1, Math.max(u, v));
        }
        return t0 <= t1 ? new double[] {t0, t1} : null;
    }

    /** Moves each pixel's start {@code s} forward to where its tile's cone may first touch the surface. */
    private void coneMarch(ClosestPointField field, Camera camera, double[] eye, double[] s, int tile, int threads, Progress p) {
        int w = camera.width();
        int h = camera.height();
        int tw = (w + tile - 1) / tile;
        int th = (h + tile - 1) / tile;
        int m = tw * th;
        double[] cd = new double[3 * m];
        double[] sinA = new double[m];
        double[] bs = new double[m];
        boolean[] active = new boolean[m];
        double[] d = new double[3];
        for (int b = 0; b < m; b++) {
            int i0 = (b % tw) * tile;
            int j0 = (b / tw) * tile;
            int i1 = Math.min(w, i0 + tile);
            int j1 = Math.min(h, j0 + tile);
            camera.direction((i0 + i1) / 2.0, (j0 + j1) / 2.0, d);
            double len = norm(d);
            double cx = d[0] / len, cy = d[1] / len, cz = d[2] / len;
            cd[3 * b] = cx;
            cd[3 * b + 1] = cy;
            cd[3 * b + 2] = cz;
            double minCos = 1;
            for (int corner = 0; corner < 4; corner++) {
                camera.direction((corner & 1) == 0 ? i0 : i1, (corner & 2) == 0 ? j0 : j1, d);
                double l = norm(d);
                minCos = Math.min(minCos, (d[0] * cx + d[1] * cy + d[2] * cz) / l);
            }
            sinA[b] = Math.sqrt(Math.max(0, 1 - minCos * minCos)) * 1.01 + 1e-9;
            // the cone is known to be free up to the nearest start of its pixels (the image plane, or the parent beam)
            double minStart = Double.POSITIVE_INFINITY;
            for (int j = j0; j < j1; j++) {
                for (int i = i0; i < i1; i++) {
                    minStart = Math.min(minStart, s[j * w + i]);
                }
            }
            bs[b] = minStart;
            active[b] = Double.isFinite(minStart);
        }
        // far corner of the box: beyond it no cone can meet the surface
        double far = norm(new double[] {Math.abs(eye[0]) + BOX, Math.abs(eye[1]) + BOX, Math.abs(eye[2]) + BOX});
        p.begin("cone marching", settings.maxSteps());
        int[] idx = new int[m];
        int k = 0;
        for (int b = 0; b < m; b++) {
            if (active[b]) {
                idx[k++] = b;
            }
        }
        for (int it = 0; it < settings.maxSteps() && k > 0; it++) {
            double[] x = new double[3 * k];
            for (int q = 0; q < k; q++) {
                int b = idx[q];
                for (int a = 0; a < 3; a++) {
                    x[3 * q + a] = eye[a] + bs[b] * cd[3 * b + a];
                }
            }
            double[] u = distances(field, x, threads);
            int kept = 0;
            for (int q = 0; q < k; q++) {
                int b = idx[q];
                double outside = boxDistance(x, q);
                // outside the box the distance to the box bounds the distance to the surface inside it
                double dist = outside > 0 ? outside : u[q];
                double r = bs[b] * sinA[b];
                double free = dist - r;
                if (free >= settings.threshold()) {
                    bs[b] += free / (1 + sinA[b]);
                    if (bs[b] > far) {
                        bs[b] = Double.POSITIVE_INFINITY;
                    } else {
                        idx[kept++] = b;
                    }
                }
            }
            k = kept;
            p.worked(1);
        }
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                int b = (j / tile) * tw + i / tile;
                int px = j * w + i;
                s[px] = Math.max(s[px], bs[b]);
            }
        }
    }

    /** Plain sphere tracing of every pixel from s; marks hits and leaves s at the hit. */
    private void march(ClosestPointField field, double[] eye, double[] dir, double[] s, Rendering out, int threads, Progress p) {
        int n = s.length;
        double[] exit = new double[n];
        boolean[] active = new boolean[n];
        for (int k = 0; k < n; k++) {
            double[] box = boxInterval(eye, dir[3 * k], dir[3 * k + 1], dir[3 * k + 2]);
            if (box == null || !Double.isFinite(s[k]) || s[k] > box[1]) {
                continue;
            }
            s[k] = Math.max(s[k], box[0]);
            exit[k] = box[1];
            active[k] = true;
        }
        p.begin("marching", 100);
        int[] idx = new int[n];
        int k = 0;
        for (int q = 0; q < n; q++) {
            if (active[q]) {
                idx[k++] = q;
            }
        }
        int reported = 0;
        for (int it = 0; it < settings.maxSteps() && k > 0; it++) {
            double[] x = new double[3 * k];
            for (int q = 0; q < k; q++) {
                int r = idx[q];
                for (int a = 0; a < 3; a++) {
                    x[3 * q + a] = eye[a] + s[r] * dir[3 * r + a];
                }
            }
            double[] u = distances(field, x, threads);
            int kept = 0;
            for (int q = 0; q < k; q++) {
                int r = idx[q];
                out.evaluations[r]++;
                if (u[q] < settings.threshold()) {
                    out.hit[r] = true;
                } else {
                    s[r] += u[q];
                    if (s[r] <= exit[r] && out.evaluations[r] < settings.maxSteps()) {
                        idx[kept++] = r;
                    }
                }
            }
            k = kept;
            int done = (int) (100 * (1 - (double) k / n));
            if (done > reported) {
                p.worked(done - reported);
                reported = done;
            } else {
                p.checkCancelled();
            }
        }
    }

    /** The tangent-plane refinement of spec §1.6 and the normals. */
    private void refine(ClosestPointField field, double[] eye, double[] dir, double[] s, Rendering out, int threads) {
        int[] idx = hits(out);
        int k = idx.length;
        if (k == 0) {
            return;
        }
        double[] x = positions(eye, dir, s, idx);
        double[] f = new double[3 * k];
        double[] jac = new double[9 * k];
        field.closest(x, f, threads);
        field.jacobian(x, jac, threads);
        double[] u = FieldOps.udf(x, f);
        double[] nj = new double[3 * k];
        FieldOps.jacobianNormals(jac, nj, null);
        for (int q = 0; q < k; q++) {
            int r = idx[q];
            double cos = Math.abs(nj[3 * q] * dir[3 * r] + nj[3 * q + 1] * dir[3 * r + 1] + nj[3 * q + 2] * dir[3 * r + 2]);
            double step = cos > 1 / MAX_TANGENT_STEP ? u[q] / cos : MAX_TANGENT_STEP * u[q];
            s[r] += step;
        }
        double[] hitX = positions(eye, dir, s, idx);
        field.jacobian(hitX, jac, threads);
        FieldOps.jacobianNormals(jac, nj, null);
        double[] back = new double[3 * k];
        for (int q = 0; q < k; q++) {
            int r = idx[q];
            for (int a = 0; a < 3; a++) {
                back[3 * q + a] = hitX[3 * q + a] - settings.backOff() * dir[3 * r + a];
            }
        }
        field.closest(back, f, threads);
        double[] nf = FieldOps.forwardNormals(back, f);
        store(out, idx, s, dir, nj, nf);
    }

    /** Normals without refinement: n_J and n_f at the stopping point. */
    private void finish(ClosestPointField field, double[] eye, double[] dir, double[] s, Rendering out, int threads) {
        int[] idx = hits(out);
        int k = idx.length;
        if (k == 0) {
            return;
        }
        double[] x = positions(eye, dir, s, idx);
        double[] f = new double[3 * k];
        double[] jac = new double[9 * k];
        field.closest(x, f, threads);
        field.jacobian(x, jac, threads);
        double[] nj = new double[3 * k];
        FieldOps.jacobianNormals(jac, nj, null);
        store(out, idx, s, dir, nj, FieldOps.forwardNormals(x, f));
    }

    private static void store(Rendering out, int[] idx, double[] s, double[] dir, double[] nj, double[] nf) {
        for (int q = 0; q < idx.length; q++) {
            int r = idx[q];
            out.depth[r] = s[r];
            for (int pass = 0; pass < 2; pass++) {
                double[] src = pass == 0 ? nj : nf;
                double[] dst = pass == 0 ? out.normalJacobian : out.normalForward;
                double dot = src[3 * q] * dir[3 * r] + src[3 * q + 1] * dir[3 * r + 1] + src[3 * q + 2] * dir[3 * r + 2];
                double sign = dot > 0 ? -1 : 1;
                for (int a = 0; a < 3; a++) {
                    dst[3 * r + a] = sign * src[3 * q + a];
                }
            }
        }
    }

    private static int[] hits(Rendering out) {
        int[] idx = new int[out.hit.length];
        int k = 0;
        for (int q = 0; q < out.hit.length; q++) {
            if (out.hit[q]) {
                idx[k++] = q;
            }
        }
        return Arrays.copyOf(idx, k);
    }

    private static double[] positions(double[] eye, double[] dir, double[] s, int[] idx) {
        double[] x = new double[3 * idx.length];
        for (int q = 0; q < idx.length; q++) {
            int r = idx[q];
            for (int a = 0; a < 3; a++) {
                x[3 * q + a] = eye[a] + s[r] * dir[3 * r + a];
            }
        }
        return x;
    }

    private static double[] distances(ClosestPointField field, double[] x, int threads) {
        double[] f = new double[x.length];
        field.closest(x, f, threads);
        int k = x.length / 3;
        return Parallel.map(threads, k, q -> {
            double dx = x[3 * q] - f[3 * q], dy = x[3 * q + 1] - f[3 * q + 1], dz = x[3 * q + 2] - f[3 * q + 2];
            return Math.sqrt(dx * dx + dy * dy + dz * dz);
        });
    }

    private static double boxDistance(double[] x, int q) {
        double dx = Math.max(0, Math.abs(x[3 * q]) - BOX);
        double dy = Math.max(0, Math.abs(x[3 * q + 1]) - BOX);
        double dz = Math.max(0, Math.abs(x[3 * q + 2]) - BOX);
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    private static double norm(double[] d) {
        return Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
    }
}
