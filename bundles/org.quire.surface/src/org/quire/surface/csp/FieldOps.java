package org.quire.surface.csp;

import org.quire.compute.Parallel;

/**
 * Quantities derived from a {@link ClosestPointField} (spec §1.1 and §1.5): the unsigned distance
 * {@code u(x) = ‖x − f(x)‖}, the forward normal {@code n_f = (x − f(x)) / u} and the Jacobian normal {@code n_J}, the
 * right-singular vector of the smallest singular value of {@code J = ∂f/∂x} (equivalently {@code v₁ × v₂}). Stateless;
 * results do not depend on the thread count.
 */
public final class FieldOps {

    /** Central-difference step of {@link ClosestPointField#jacobian} when a field has no exact derivative. */
    public static final double JACOBIAN_STEP = 1e-6;

    private FieldOps() {
    }

    /** Unsigned distances of the points to the field's surface, given their closest points. */
    public static double[] udf(double[] xyz, double[] closest) {
        int n = xyz.length / 3;
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            double dx = xyz[3 * i] - closest[3 * i];
            double dy = xyz[3 * i + 1] - closest[3 * i + 1];
            double dz = xyz[3 * i + 2] - closest[3 * i + 2];
            u[i] = Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        return u;
    }

    /** Forward normals {@code (x − f(x)) / u}, three per point; zeros where {@code u == 0} (undefined on the surface). */
    public static double[] forwardNormals(double[] xyz, double[] closest) {
        int n = xyz.length / 3;
        double[] out = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double dx = xyz[3 * i] - closest[3 * i];
            double dy = xyz[3 * i + 1] - closest[3 * i + 1];
            double dz = xyz[3 * i + 2] - closest[3 * i + 2];
            double u = Math.sqrt(dx * dx + dy * dy + dz * dz);
            if (u > 0) {
                out[3 * i] = dx / u;
                out[3 * i + 1] = dy / u;
                out[3 * i + 2] = dz / u;
            }
        }
        return out;
    }

    /**
     * Jacobian normals, three per point: the unit right-singular vector of J's smallest singular value (sign
     * arbitrary; callers orient it), written into {@code normals}; the three singular values go to {@code sigma}
     * (three per point, descending) when it is not null.
     */
    public static void jacobianNormals(double[] jacobians, double[] normals, double[] sigma) {
        int n = jacobians.length / 9;
        double[] s = new double[3];
        double[] v = new double[9];
        for (int i = 0; i < n; i++) {
            Svd3.decompose(jacobians, 9 * i, s, v);
            // n = v1 x v2, as the official code (equal to ±v3)
            double ax = v[0], ay = v[3], az = v[6];
            double bx = v[1], by = v[4], bz = v[7];
            double nx = ay * bz - az * by, ny = az * bx - ax * bz, nz = ax * by - ay * bx;
            double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
            normals[3 * i] = nx / len;
            normals[3 * i + 1] = ny / len;
            normals[3 * i + 2] = nz / len;
            if (sigma != null) {
                sigma[3 * i] = s[0];
                sigma[3 * i + 1] = s[1];
                sigma[3 * i + 2] = s[2];
            }
        }
    }

    /** Central differences of {@code field} with step {@code h}: six evaluations per point. */
    public static void finiteDifferenceJacobian(ClosestPointField field, double[] xyz, double[] out, int threads, double h) {
        int n = xyz.length / 3;
        double[] probes = new double[18 * n];
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < 3; b++) {
                for (int s = 0; s < 2; s++) {
                    int o = 18 * i + 6 * b + 3 * s;
                    probes[o] = xyz[3 * i];
                    probes[o + 1] = xyz[3 * i + 1];
                    probes[o + 2] = xyz[3 * i + 2];
                    probes[o + b] += s == 0 ? h : -h;
                }
            }
        }
        double[] f = new double[probes.length];
        field.closest(probes, f, threads);
        Parallel.forRange(threads, n, i -> {
            for (int b = 0; b < 3; b++) {
                int o = 18 * i + 6 * b;
                for (int a = 0; a < 3; a++) {
                    out[9 * i + 3 * a + b] = (f[o + a] - f[o + 3 + a]) / (2 * h);
                }
            }
        });
    }
}
