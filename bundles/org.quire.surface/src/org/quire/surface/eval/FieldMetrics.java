package org.quire.surface.eval;

import java.util.LinkedHashMap;
import java.util.Map;

import org.quire.compute.Parallel;
import org.quire.surface.csp.ClosestPointField;
import org.quire.surface.csp.FieldOps;

/**
 * Accuracy of a closest-point field f on held-out queries x with exact closest points p and surface normals n
 * (spec §1.8, §6.2), all in normalised units:
 * <ul>
 * <li>{@code cspError}: mean ‖f(x) − p‖; {@code cspErrorMedian}, {@code cspErrorP95};</li>
 * <li>{@code udfError}: mean |‖x − f(x)‖ − ‖x − p‖|;</li>
 * <li>{@code jacobianNormalCos}: mean |cos(n_J(x), n)|, n_J from the Jacobian at x;</li>
 * <li>{@code forwardNormalCos}: mean |cos(n_f(x), n)|, n_f = (x − f(x))/‖x − f(x)‖;</li>
 * <li>{@code idempotenceError}: mean ‖f(f(x)) − f(x)‖;</li>
 * <li>{@code chamferL1}, {@code chamferL2}: Chamfer distances × 10⁴ between the projected points f(x) and the
 * reference surface samples (up to {@value #CHAMFER_POINTS} of each, the paper's count).</li>
 * </ul>
 * Stateless; results do not depend on the thread count.
 */
public final class FieldMetrics {

    /** Points per side of the Chamfer distances. */
    public static final int CHAMFER_POINTS = 30_000;

    private FieldMetrics() {
    }

    /** The metrics in the order listed above. */
    public static Map<String, Double> evaluate(ClosestPointField f, double[] x, double[] exact, double[] normals,
            double[] reference, int threads) {
        int n = x.length / 3;
        double[] fx = new double[3 * n];
        double[] jac = new double[9 * n];
        f.closest(x, fx, threads);
        f.jacobian(x, jac, threads);
        double[] ffx = new double[3 * n];
        f.closest(fx, ffx, threads);
        double[] nj = new double[3 * n];
        FieldOps.jacobianNormals(jac, nj, null);
        double[] nf = FieldOps.forwardNormals(x, fx);
        double[] err = Parallel.map(threads, n, i -> dist(fx, exact, i));
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("cspError", mean(err));
        double[] sorted = err.clone();
        java.util.Arrays.sort(sorted);
        m.put("cspErrorMedian", sorted[n / 2]);
        m.put("cspErrorP95", sorted[Math.min(n - 1, (int) Math.floor(0.95 * n))]);
        m.put("udfError", Parallel.sum(threads, n, i -> Math.abs(dist(x, fx, i) - dist(x, exact, i))) / n);
        m.put("jacobianNormalCos", Parallel.sum(threads, n, i -> absCos(nj, normals, i)) / n);
        m.put("forwardNormalCos", Parallel.sum(threads, n, i -> absCos(nf, normals, i)) / n);
        m.put("idempotenceError", Parallel.sum(threads, n, i -> dist(ffx, fx, i)) / n);
        double[] a = java.util.Arrays.copyOf(fx, 3 * Math.min(n, CHAMFER_POINTS));
        double[] b = java.util.Arrays.copyOf(reference, Math.min(reference.length, 3 * CHAMFER_POINTS));
        Chamfer c = Chamfer.of(a, b, threads);
        m.put("chamferL1", c.l1() * 1e4);
        m.put("chamferL2", c.l2() * 1e4);
        return m;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double dist(double[] a, double[] b, int i) {
        double dx = a[3 * i] - b[3 * i], dy = a[3 * i + 1] - b[3 * i + 1], dz = a[3 * i + 2] - b[3 * i + 2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    static double absCos(double[] a, double[] b, int i) {
        double d = a[3 * i] * b[3 * i] + a[3 * i + 1] * b[3 * i + 1] + a[3 * i + 2] * b[3 * i + 2];
        double na = Math.sqrt(a[3 * i] * a[3 * i] + a[3 * i + 1] * a[3 * i + 1] + a[3 * i + 2] * a[3 * i + 2]);
        double nb = Math.sqrt(b[3 * i] * b[3 * i] + b[3 * i + 1] * b[3 * i + 1] + b[3 * i + 2] * b[3 * i + 2]);
        return na == 0 || nb == 0 ? 0 : Math.abs(d) / (na * nb);
    }
}
