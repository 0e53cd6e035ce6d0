package org.quire.registration.blade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quire.registration.core.BruteForceIndex;
import org.quire.registration.core.PointOps;
import org.quire.registration.core.RigidTransform;

/** The synthetic blade: geometry, scanner model and ground truth. */
class BladeGeneratorTest {

    @Test
    void referenceHasTheSpecsShapeAndUnitOutwardNormals() {
        BladeGenerator.Cloud ref = new BladeGenerator(BladeSettings.defaults().withSizes(4000, 800, 1000))
                .reference(new SplittableRandom(1));
        double[] xyz = ref.xyz();
        double zmin = Double.POSITIVE_INFINITY;
        double zmax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 4800; i++) {
            zmin = Math.min(zmin, xyz[3 * i + 2]);
            zmax = Math.max(zmax, xyz[3 * i + 2]);
            double[] n = {ref.normals()[3 * i], ref.normals()[3 * i + 1], ref.normals()[3 * i + 2]};
            assertThat(Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2])).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(zmin).isCloseTo(-12, org.assertj.core.data.Offset.offset(1e-9)); // platform bottom
        assertThat(zmax).isLessThanOrEqualTo(200).isGreaterThan(199); // blade tip
        // outward: mid-span section normals point away from the section's camber line (checked via the chord midpoint
        // of the section for points away from the edges)
        BladeSurface s = new BladeSurface(200, 40);
        double[] p = new double[3];
        double[] n = new double[3];
        double[] q = new double[3];
        for (double v : new double[] {0.5, 1.5}) {
            s.point(0.5, v, p);
            s.normal(0.5, v, n);
            // stepping along the normal leaves the section: the opposite side point is behind
            s.point(0.5, v < 1 ? v + 1 : v - 1, q);
            double dot = n[0] * (p[0] - q[0]) + n[1] * (p[1] - q[1]) + n[2] * (p[2] - q[2]);
            assertThat(dot).as("v = %s", v).isPositive();
        }
    }

    @Test
    void viewsLieOnTheReferenceAtTheGroundTruthWithTheRequestedOutliers() {
        BladeSettings settings = BladeSettings.defaults().withSizes(4000, 800, 3000).withScan(0.2, 0.3, 120, 2);
        BladeGenerator gen = new BladeGenerator(settings);
        BladeGenerator.Cloud ref = gen.reference(new SplittableRandom(1));
        List<BladeGenerator.View> views = gen.views(new SplittableRandom(2));
        assertThat(views).hasSize(2);
        BruteForceIndex index = new BruteForceIndex(ref.xyz());
        for (BladeGenerator.View v : views) {
            int n = v.xyz().length / 3;
            assertThat((double) (n - v.inliers()) / n).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.005));
            double angle = Math.toDegrees(v.truth().rotationAngle());
            assertThat(angle).isBetween(60.0 - 1e-9, 120.0 + 1e-9);
            double[] moved = v.truth().applyToPoints(java.util.Arrays.copyOf(v.xyz(), 3 * v.inliers()));
            double sum = 0;
            for (int i = 0; i < v.inliers(); i += 7) {
                int j = index.nearest(moved[3 * i], moved[3 * i + 1], moved[3 * i + 2]);
                double pl = (moved[3 * i] - ref.xyz()[3 * j]) * ref.normals()[3 * j]
                        + (moved[3 * i + 1] - ref.xyz()[3 * j + 1]) * ref.normals()[3 * j + 1]
                        + (moved[3 * i + 2] - ref.xyz()[3 * j + 2]) * ref.normals()[3 * j + 2];
                sum += pl * pl;
            }
            double rms = Math.sqrt(sum / ((v.inliers() + 6) / 7));
            // noise 0.2 along the normal (plus 0.06 isotropic) and sampling of a sparse reference
            assertThat(rms).isBetween(0.15, 0.45);
        }
    }

    @Test
    void sameStreamsGiveTheSameBlade() {
        BladeSettings s = BladeSettings.defaults().withSizes(500, 100, 500);
        BladeGenerator.View a = new BladeGenerator(s).views(new SplittableRandom(9)).get(0);
        BladeGenerator.View b = new BladeGenerator(s).views(new SplittableRandom(9)).get(0);
        assertThat(a.xyz()).containsExactly(b.xyz());
        assertThat(a.truth()).isEqualTo(b.truth());
        assertThat(PointOps.count(a.xyz())).isGreaterThan(100);
        assertThat(RigidTransform.angleBetween(a.truth(), RigidTransform.identity())).isPositive();
    }
}
