package org.quire.surface.analytic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.quire.geometry.TriangleMesh;
import org.quire.geometry.index.MeshBvh;
import org.quire.surface.csp.FieldOps;

/**
 * The analytic oracles of spec §6.1 against independent computations: fine tessellations through the exact BVH,
 * the Möbius strip's Newton solution against its 200 × 40 tessellation (≤ 1e-3), the Jacobian spectrum
 * (1, 1, 0) on the surface and 1/(1 + dκ) off it, normals from the Jacobian, and the UDF properties of §6.2.
 */
class AnalyticSurfaceTest {

    /** Whether x is near the medial axis of the standard shape, where the closest point is not unique. */
    private static boolean nearMedialAxis(String shape, double x, double y, double z) {
        double rho = Math.sqrt(x * x + y * y);
        double r = Math.sqrt(x * x + y * y + z * z);
        switch (shape) {
            case "sphere":
                return r < 0.05;
            case "cylinder":
                return rho < 0.05;
            case "hemisphere":
                return r < 0.05 || rho < 0.05;
            case "torus":
                return rho < 0.05 || Math.hypot(rho - 0.3, z) < 0.02;
            default:
                return false;
        }
    }

    @Test
    void closedFormsAgreeWithFineTessellationsThroughTheBvh() {
        SplittableRandom r = new SplittableRandom(4);
        for (String name : new String[] {"sphere", "plane", "disk", "cylinder", "hemisphere", "torus"}) {
            AnalyticSurface s = AnalyticShapes.byName(name);
            TriangleMesh mesh = s.mesh(256);
            MeshBvh bvh = new MeshBvh(mesh);
            double[] p = new double[3];
            int checked = 0;
            while (checked < 300) {
                double x = r.nextDouble(-0.5, 0.5), y = r.nextDouble(-0.5, 0.5), z = r.nextDouble(-0.5, 0.5);
                if (nearMedialAxis(name, x, y, z)) {
                    continue;
                }
                s.closest(x, y, z, p);
                double analytic = Math.sqrt((x - p[0]) * (x - p[0]) + (y - p[1]) * (y - p[1]) + (z - p[2]) * (z - p[2]));
                // chord sag of a 256-segment circle of radius 0.35: 0.35 (1 - cos(pi/256)) = 2.6e-5; minor circle of
                // the torus (85 segments, r = 0.1): 6.8e-5
                assertThat(bvh.closest(x, y, z).distance()).as(name + " at (%f, %f, %f)", x, y, z).isCloseTo(analytic, within(1e-4));
                assertThat(bvh.closest(p[0], p[1], p[2]).distance()).as(name + ": the closest point lies on the surface")
                        .isLessThan(1e-4);
                checked++;
            }
        }
    }

    @Test
    void moebiusNewtonSolutionMatchesIts200By40TessellationWithin1e3() {
        MoebiusStrip m = (MoebiusStrip) AnalyticShapes.byName("moebius");
        MeshBvh bvh = new MeshBvh(m.mesh(200));
        SplittableRandom r = new SplittableRandom(9);
        double[] p = new double[3];
        for (int i = 0; i < 150; i++) {
            m.point(r.nextDouble(0, 2 * Math.PI), r.nextDouble(-0.5, 0.5), p);
            double x = p[0] + r.nextDouble(-0.08, 0.08), y = p[1] + r.nextDouble(-0.08, 0.08), z = p[2] + r.nextDouble(-0.08, 0.08);
            m.closest(x, y, z, p);
            double newton = Math.sqrt((x - p[0]) * (x - p[0]) + (y - p[1]) * (y - p[1]) + (z - p[2]) * (z - p[2]));
            assertThat(bvh.closest(x, y, z).distance()).isCloseTo(newton, within(1e-3));
            assertThat(bvh.closest(p[0], p[1], p[2]).distance()).isLessThan(1e-3);
        }
        // the seam: P(2 pi, v) = P(0, -v) is welded, so the strip has one boundary loop of 2 x 200 edges
        assertThat(m.mesh(200).vertexCount()).isEqualTo(200 * 41);
    }

    @Test
    void closestPointIsIdempotentAndTheDistanceIsOneLipschitz() {
        SplittableRandom r = new SplittableRandom(5);
        for (String name : AnalyticShapes.NAMES) {
            AnalyticSurface s = AnalyticShapes.byName(name);
            double tolerance = name.equals("moebius") ? 1e-9 : 1e-12;
            double[] p = new double[3];
            double[] q = new double[3];
            for (int i = 0; i < (name.equals("moebius") ? 40 : 400); i++) {
                double x = r.nextDouble(-0.5, 0.5), y = r.nextDouble(-0.5, 0.5), z = r.nextDouble(-0.5, 0.5);
                if (nearMedialAxis(name, x, y, z)) {
                    continue;
                }
                s.closest(x, y, z, p);
                s.closest(p[0], p[1], p[2], q);
                assertThat(Math.abs(q[0] - p[0]) + Math.abs(q[1] - p[1]) + Math.abs(q[2] - p[2])).as(name).isLessThan(tolerance);
                double x2 = x + r.nextDouble(-0.05, 0.05), y2 = y + r.nextDouble(-0.05, 0.05), z2 = z + r.nextDouble(-0.05, 0.05);
                s.closest(x2, y2, z2, q);
                double u1 = Math.sqrt((x - p[0]) * (x - p[0]) + (y - p[1]) * (y - p[1]) + (z - p[2]) * (z - p[2]));
                double u2 = Math.sqrt((x2 - q[0]) * (x2 - q[0]) + (y2 - q[1]) * (y2 - q[1]) + (z2 - q[2]) * (z2 - q[2]));
                double step = Math.sqrt((x2 - x) * (x2 - x) + (y2 - y) * (y2 - y) + (z2 - z) * (z2 - z));
                assertThat(Math.abs(u1 - u2)).as(name).isLessThanOrEqualTo(step + tolerance);
            }
        }
    }

    @Test
    void jacobianSpectrumIsOneOneZeroOnTheSurfaceAndOneOverOnePlusDKappaOffIt() {
        Sphere sphere = (Sphere) AnalyticShapes.byName("sphere");
        double radius = sphere.radius();
        double[] dir = {0.48, -0.6, 0.64};
        double[] sigma = new double[3];
        double[] normal = new double[3];
        for (double d : new double[] {0, 0.01, 0.05, -0.05}) {
            double[] x = {dir[0] * (radius + d), dir[1] * (radius + d), dir[2] * (radius + d)};
            double[] jac = new double[9];
            sphere.jacobian(x, jac, 1);
            FieldOps.jacobianNormals(jac, normal, sigma);
            double expected = radius / (radius + d); // 1/(1 + d kappa) with kappa = 1/R
            assertThat(sigma[0]).as("d = " + d).isCloseTo(expected, within(1e-6));
            assertThat(sigma[1]).as("d = " + d).isCloseTo(expected, within(1e-6));
            assertThat(sigma[2]).as("d = " + d).isCloseTo(0, within(1e-6));
            assertThat(Math.abs(normal[0] * dir[0] + normal[1] * dir[1] + normal[2] * dir[2])).isGreaterThan(1 - 1e-9);
            // curvature from the spectrum (spec §1.5): kappa = (1/sigma - 1)/d
            if (d > 0) {
                assertThat((1 / sigma[0] - 1) / d).isCloseTo(1 / radius, within(1e-3));
            }
        }
        Torus torus = (Torus) AnalyticShapes.byName("torus");
        double d = 0.02;
        // outer equator point (R + r, 0, 0): kappa_minor = 1/r, kappa_major = cos 0/(R + r)
        double[] x = {torus.major() + torus.minor() + d, 0, 0};
        double[] jac = new double[9];
        torus.jacobian(x, jac, 1);
        FieldOps.jacobianNormals(jac, normal, sigma);
        assertThat(sigma[0]).isCloseTo(1 / (1 + d / (torus.major() + torus.minor())), within(1e-6));
        assertThat(sigma[1]).isCloseTo(1 / (1 + d / torus.minor()), within(1e-6));
        assertThat(sigma[2]).isCloseTo(0, within(1e-6));
        assertThat(Math.abs(normal[0])).isGreaterThan(1 - 1e-9);
    }

    @Test
    void jacobianNormalsAgreeWithTheAnalyticNormalsUpToSign() {
        SplittableRandom r = new SplittableRandom(6);
        for (String name : AnalyticShapes.NAMES) {
            AnalyticSurface s = AnalyticShapes.byName(name);
            TriangleMesh mesh = s.mesh(64);
            double[] v = mesh.verticesView();
            int n = name.equals("moebius") ? 20 : 200;
            double[] x = new double[3 * n];
            double[] p = new double[3];
            int k = 0;
            while (k < n) {
                int vi = r.nextInt(mesh.vertexCount());
                double[] c = {v[3 * vi] + r.nextDouble(-0.02, 0.02), v[3 * vi + 1] + r.nextDouble(-0.02, 0.02),
                    v[3 * vi + 2] + r.nextDouble(-0.02, 0.02)};
                s.closest(c[0], c[1], c[2], p);
                // interior points only: rims have no unique normal direction of the distance
                if (!s.closed() && isOnRim(name, p)) {
                    continue;
                }
                System.arraycopy(c, 0, x, 3 * k, 3);
                k++;
            }
            double[] jac = new double[9 * n];
            s.jacobian(x, jac, 2);
            double[] nj = new double[3 * n];
            FieldOps.jacobianNormals(jac, nj, null);
            double[] normal = new double[3];
            for (int i = 0; i < n; i++) {
                s.closest(x[3 * i], x[3 * i + 1], x[3 * i + 2], p);
                s.normal(p[0], p[1], p[2], normal);
                double cos = Math.abs(nj[3 * i] * normal[0] + nj[3 * i + 1] * normal[1] + nj[3 * i + 2] * normal[2]);
                assertThat(cos).as(name).isGreaterThan(name.equals("moebius") ? 1 - 1e-4 : 1 - 1e-6);
            }
        }
    }

    private static boolean isOnRim(String name, double[] p) {
        double rho = Math.hypot(p[0], p[1]);
        switch (name) {
            case "disk":
                return rho > 0.35 - 1e-9;
            case "cylinder":
                return Math.abs(p[2]) > 0.35 - 1e-9;
            case "hemisphere":
                return p[2] < 1e-9;
            case "plane":
                return false;
            case "moebius":
                double[] uv = ((MoebiusStrip) AnalyticShapes.byName("moebius")).parameters(p[0], p[1], p[2]);
                return Math.abs(uv[1]) > 0.5 - 1e-6;
            default:
                return false;
        }
    }
}
