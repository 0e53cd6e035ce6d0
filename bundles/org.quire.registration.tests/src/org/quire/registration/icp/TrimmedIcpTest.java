package org.quire.registration.icp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quire.api.Progress;
import org.quire.registration.blade.BladeGenerator;
import org.quire.registration.blade.BladeSettings;
import org.quire.registration.core.BruteForceIndex;
import org.quire.registration.core.PointOps;
import org.quire.registration.core.RigidTransform;

/** Spec §6.1.2 (TrICP from near-truth) and Chetverikov's automatic overlap rule. */
class TrimmedIcpTest {

    @Test
    void convergesFromNearTruthToMicroDiagonalInBothMetrics() {
        BladeGenerator.Cloud ref = new BladeGenerator(BladeSettings.defaults().withSizes(1500, 300, 1000))
                .reference(new SplittableRandom(5));
        double[] xyz = ref.xyz();
        int[] subset = PointOps.sampleIndices(1800, 400, new SplittableRandom(6));
        double[] src = PointOps.select(xyz, subset);
        double diag = PointOps.diagonal(xyz);
        // the template is T^-1 applied to a subset; perturbation 2 degrees / 2 units
        RigidTransform truth = RigidTransform.axisAngle(new double[] {0.3, -1, 0.5}, Math.toRadians(2), new double[] {1.2, -1, 1});
        double[] template = truth.inverse().applyToPoints(src);
        BruteForceIndex index = new BruteForceIndex(xyz);
        for (IcpMetric metric : IcpMetric.values()) {
            IcpSettings s = new IcpSettings(metric, 1, 2, 0.4, 200, 1e-15, 12);
            TrimmedIcp.Outcome o = new TrimmedIcp(xyz, ref.normals(), index, s, 2).run(template, RigidTransform.identity(),
                    Progress.none());
            double err = 0;
            double[] a = o.pose().applyToPoints(template);
            for (int i = 0; i < a.length; i++) {
                err = Math.max(err, Math.abs(a[i] - src[i]));
            }
            assertThat(err).as(metric + " max point error").isLessThan(1e-6 * diag);
            assertThat(o.converged()).isTrue();
            assertThat(o.finalPairs().ratio()).isEqualTo(1.0);
        }
    }

    @Test
    void automaticOverlapFindsTheInlierFraction() {
        SplittableRandom r = new SplittableRandom(1);
        for (double inliers : new double[] {0.5, 0.7, 0.9}) {
            int n = 10000;
            double[] sq = new double[n];
            for (int i = 0; i < n; i++) {
                double e = i < inliers * n ? 0.1 * r.nextGaussian() : 5 + 20 * r.nextDouble();
                sq[i] = e * e;
            }
            java.util.Arrays.sort(sq);
            double xi = (double) OverlapEstimator.keptCount(sq, 2, 0.4) / n;
            // the rule keeps no outlier and most inliers (it trims the Gaussian tail of the inliers a little)
            assertThat(xi).as("inlier fraction %s", inliers).isBetween(0.85 * inliers, inliers + 0.0001);
        }
        // xi never below xiMin, and all kept when everything is an inlier
        double[] tiny = new double[100];
        java.util.Arrays.fill(tiny, 1e-4);
        assertThat(OverlapEstimator.keptCount(tiny, 2, 0.4)).isEqualTo(100);
    }

    @Test
    void unmatchedPointsBeyondTheBoundAreNeverKept() {
        double[] ref = org.quire.registration.core.RandomMotions.cloud(new SplittableRandom(2), 300, 10);
        double[] tpl = new double[3 * 310];
        System.arraycopy(ref, 0, tpl, 0, 900);
        for (int i = 300; i < 310; i++) {
            tpl[3 * i] = 1000 + i; // far away
        }
        IcpSettings s = new IcpSettings(IcpMetric.POINT_TO_POINT, 1, 2, 0.4, 5, 1e-9, 12);
        TrimmedIcp.Outcome o = new TrimmedIcp(ref, null, new BruteForceIndex(ref), s, 1).run(tpl, RigidTransform.identity(),
                50, 5, Progress.none());
        assertThat(o.finalPairs().matched()).isEqualTo(300);
        assertThat(o.finalPairs().kept()).hasSize(300);
        assertThat(java.util.Arrays.stream(o.finalPairs().kept()).max().getAsInt()).isLessThan(300);
        assertThat(o.pose().rotationAngle()).isLessThan(1e-12);
    }
}
