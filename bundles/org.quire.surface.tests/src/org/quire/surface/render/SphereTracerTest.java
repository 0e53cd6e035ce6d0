package org.quire.surface.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quire.geometry.index.MeshBvh;
import org.quire.surface.analytic.AnalyticShapes;
import org.quire.surface.analytic.Sphere;
import org.quire.surface.analytic.Torus;
import org.quire.surface.csp.MeshSource;
import org.quire.surface.csp.Normalisation;

/**
 * Sphere tracing analytic closest-point maps (spec §6.2 item 7): every hit lies within threshold/|cos θ| of the
 * analytic ray intersection (before refinement) and within a small multiple of the threshold² after it; the beams
 * (cone marching) change no pixel; the BVH ray cast of a tessellation agrees with the analytic render.
 */
class SphereTracerTest {

    /** First intersection of the ray eye + s d (|d| = 1) with the sphere, or NaN. */
    private static double sphereHit(double[] eye, double[] d, double radius) {
        double b = eye[0] * d[0] + eye[1] * d[1] + eye[2] * d[2];
        double c = eye[0] * eye[0] + eye[1] * eye[1] + eye[2] * eye[2] - radius * radius;
        double disc = b * b - c;
        return disc < 0 ? Double.NaN : -b - Math.sqrt(disc);
    }

    @Test
    void sphereHitsAreWithinThresholdOverCosOfTheAnalyticIntersection() {
        Sphere s = (Sphere) AnalyticShapes.byName("sphere");
        Camera cam = Camera.paper(96, 30);
        double thresh = 0.008;
        Rendering raw = new SphereTracer(new SphereTracer.Settings(thresh, 1000, 0.01, 1, false)).render(s, cam, 2, null);
        Rendering refined = new SphereTracer(new SphereTracer.Settings(thresh, 1000, 0.01, 1, true)).render(s, cam, 2, null);
        double[] eye = cam.eye();
        double[] d = new double[3];
        int hits = 0;
        for (int j = 0; j < 96; j++) {
            for (int i = 0; i < 96; i++) {
                int k = j * 96 + i;
                cam.direction(i + 0.5, j + 0.5, d);
                double len = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                for (int a = 0; a < 3; a++) {
                    d[a] /= len;
                }
                double exact = sphereHit(eye, d, s.radius());
                if (Double.isNaN(exact)) {
                    // a ray that misses may still pass within the threshold of the sphere, which counts as a hit
                    double b = eye[0] * d[0] + eye[1] * d[1] + eye[2] * d[2];
                    double[] c = {eye[0] - b * d[0], eye[1] - b * d[1], eye[2] - b * d[2]};
                    double gap = Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]) - s.radius();
                    assertThat(raw.hit[k]).isEqualTo(gap < thresh);
                    continue;
                }
                // the point eye + exact d and its normal
                double[] p = {eye[0] + exact * d[0], eye[1] + exact * d[1], eye[2] + exact * d[2]};
                double cos = Math.abs(p[0] * d[0] + p[1] * d[1] + p[2] * d[2]) / s.radius();
                if (cos < 0.1) {
                    continue; // grazing rays may legitimately stop short of (or miss) the silhouette
                }
                assertThat(raw.hit[k]).isTrue();
                hits++;
                assertThat(raw.depth[k]).isCloseTo(exact, within(thresh / cos));
                assertThat(raw.depth[k]).isLessThanOrEqualTo(exact);
                // refinement onto the tangent plane: second-order error (the step is capped at 4 u, so only where
                // |cos| > 1/4); the 0.01 back-off is used for n_f only, not for the depth
                if (cos > 0.3) {
                    assertThat(refined.depth[k]).isCloseTo(exact, within(0.1 * thresh / cos));
                }
                double nx = refined.normalJacobian[3 * k], ny = refined.normalJacobian[3 * k + 1], nz = refined.normalJacobian[3 * k + 2];
                double[] q = {eye[0] + refined.depth[k] * d[0], eye[1] + refined.depth[k] * d[1], eye[2] + refined.depth[k] * d[2]};
                double ql = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2]);
                assertThat((nx * q[0] + ny * q[1] + nz * q[2]) / ql).isGreaterThan(1 - 1e-6); // outward = facing the camera
                assertThat(nx * d[0] + ny * d[1] + nz * d[2]).isNegative();
            }
        }
        assertThat(hits).isGreaterThan(1000);
    }

    @Test
    void torusHitsAndBeamsChangeNoPixel() {
        Torus t = (Torus) AnalyticShapes.byName("torus");
        Camera cam = Camera.paper(64, 10);
        Rendering plain = new SphereTracer(new SphereTracer.Settings(0.008, 1000, 0.01, 1, true)).render(t, cam, 1, null);
        Rendering beams = new SphereTracer(new SphereTracer.Settings(0.008, 1000, 0.01, 8, true)).render(t, cam, 2, null);
        int hits = 0;
        double[] eye = cam.eye();
        double[] d = new double[3];
        double[] p = new double[3];
        for (int k = 0; k < plain.hit.length; k++) {
            assertThat(beams.hit[k]).isEqualTo(plain.hit[k]);
            if (plain.hit[k]) {
                hits++;
                assertThat(beams.depth[k]).isCloseTo(plain.depth[k], within(0.008));
                // the refined hit (on the local tangent plane) is on the torus within twice the threshold
                cam.direction(k % 64 + 0.5, k / 64 + 0.5, d);
                double len = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                double[] x = {eye[0] + plain.depth[k] * d[0] / len, eye[1] + plain.depth[k] * d[1] / len,
                    eye[2] + plain.depth[k] * d[2] / len};
                t.closest(x[0], x[1], x[2], p);
                assertThat(Math.sqrt(Math.pow(x[0] - p[0], 2) + Math.pow(x[1] - p[1], 2) + Math.pow(x[2] - p[2], 2)))
                        .isLessThan(2 * 0.008);
            }
        }
        assertThat(hits).isGreaterThan(300);
        long plainEvals = 0;
        long beamEvals = 0;
        for (int k = 0; k < plain.hit.length; k++) {
            plainEvals += plain.evaluations[k];
            beamEvals += beams.evaluations[k];
        }
        assertThat(beamEvals).isLessThanOrEqualTo(plainEvals);
    }

    @Test
    void meshRayCastAndSphereTracedMeshAgreeWithTheAnalyticRender() {
        Sphere s = (Sphere) AnalyticShapes.byName("sphere");
        MeshSource mesh = new MeshSource(s.mesh(128), Normalisation.IDENTITY, "sphere");
        Camera cam = Camera.paper(64, 0);
        Rendering analytic = new SphereTracer(SphereTracer.Settings.paper()).render(s, cam, 2, null);
        Rendering traced = new SphereTracer(SphereTracer.Settings.paper()).render(mesh.field(), cam, 2, null);
        MeshBvh bvh = mesh.bvh();
        Rendering cast = MeshRaycaster.render(mesh.unitMesh(), bvh, cam, 2, null);
        Map<String, Double> m = RenderMetrics.compare(analytic, cast);
        // silhouette pixels differ: sphere tracing also stops on rays passing within the threshold
        assertThat(m.get("pixelAccuracy")).isGreaterThan(0.98);
        assertThat(m.get("silhouetteIoU")).isGreaterThan(0.9); // a one-pixel rim at 64 x 64
        assertThat(m.get("renderedNormalCosJacobian")).isGreaterThan(0.999);
        assertThat(m.get("depthError")).isLessThan(0.002);
        Map<String, Double> m2 = RenderMetrics.compare(traced, cast);
        assertThat(m2.get("renderedNormalCosJacobian")).isGreaterThan(0.99);
        assertThat(m2.get("renderedNormalCosForward")).isGreaterThan(0.99);
        assertThat(RenderMetrics.compare(cast, cast).get("silhouetteIoU")).isEqualTo(1.0);
    }
}
