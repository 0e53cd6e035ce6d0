package org.quire.registration.mpe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quire.api.Progress;
import org.quire.registration.blade.BladeGenerator;
import org.quire.registration.blade.BladeSettings;
import org.quire.registration.core.PointOps;
import org.quire.registration.core.RigidTransform;

/** Spec §6.1.5 (monotone accepted energy, strides, stop reasons) and §6.1.6 (determinism) for the global stage. */
class MpeDescentTest {
    private static final BladeSettings SMALL = BladeSettings.defaults().withSizes(6000, 1200, 6000).withScan(0.1, 0.1, 80, 1);

    @Test
    void acceptedEnergiesStrictlyDecreaseAndStridesOnlyShrinkAfterTheLastAcceptedStep() {
        BladeGenerator gen = new BladeGenerator(SMALL);
        double[] ref = PointOps.select(gen.reference(new SplittableRandom(1)).xyz(),
                PointOps.sampleIndices(7200, 300, new SplittableRandom(3)));
        BladeGenerator.View v = gen.views(new SplittableRandom(2)).get(0);
        double[] tpl = PointOps.select(v.xyz(), PointOps.sampleIndices(v.xyz().length / 3, 300, new SplittableRandom(4)));
        double diag = PointOps.diagonal(ref);
        PotentialField field = new PotentialField(ref, 0.02 * diag, 1);
        MpeDescent.Trace t = new MpeDescent(field, tpl, MpeSettings.defaults(), diag)
                .run(MpeGlobalRegistrar.centred(RigidTransform.identity(), PointOps.centroid(ref), PointOps.centroid(tpl)),
                        Progress.none());
        double[] acc = t.acceptedEnergies();
        assertThat(acc.length).isGreaterThan(5);
        for (int i = 1; i < acc.length; i++) {
            assertThat(acc[i]).as("accepted energy %d", i).isLessThan(acc[i - 1]);
        }
        int last = 0;
        for (int i = 0; i < t.accepted().length; i++) {
            if (t.accepted()[i]) {
                last = i;
            }
        }
        for (int i = last + 1; i < t.accepted().length; i++) {
            assertThat(t.strideT()[i]).isLessThanOrEqualTo(t.strideT()[i - 1]);
            assertThat(t.strideR()[i]).isLessThanOrEqualTo(t.strideR()[i - 1]);
        }
        assertThat(t.stopReason()).isEqualTo("at rest (strides below tolerance)");
        assertThat(t.energy()).isEqualTo(acc[acc.length - 1]);
        // the final energy equals the field evaluated at the final pose
        assertThat(field.energy(t.pose().applyToPoints(tpl))).isEqualTo(t.energy());
    }

    @Test
    void iterationCapIsReportedAsTheStopReason() {
        SplittableRandom r = new SplittableRandom(6);
        double[] ref = org.quire.registration.core.RandomMotions.cloud(r, 100, 10);
        double[] tpl = RigidTransform.axisAngle(new double[] {1, 2, 3}, 0.5, new double[] {3, 0, 0}).applyToPoints(ref);
        MpeSettings s = MpeSettings.defaults();
        MpeSettings capped = new MpeSettings(s.points(), s.eps2Factor(), s.eps2(), s.strideT0(), s.strideR0Deg(), s.tolT(),
                s.tolRDeg(), s.grow(), s.shrink(), s.kGrow(), 5, Starts.IDENTITY, 0, 0, 0.1, Anneal.TRIM);
        MpeDescent.Trace t = new MpeDescent(new PotentialField(ref, 1, 1), tpl, capped, PointOps.diagonal(ref))
                .run(RigidTransform.identity(), Progress.none());
        assertThat(t.iterations()).isEqualTo(5);
        assertThat(t.stopReason()).contains("iteration cap");
    }

    @Test
    void globalStageIsBitIdenticalForOneTwoAndThreeThreads() {
        BladeGenerator gen = new BladeGenerator(SMALL);
        double[] ref = gen.reference(new SplittableRandom(1)).xyz();
        double[] scan = gen.views(new SplittableRandom(2)).get(0).xyz();
        MpeSettings s = MpeSettings.defaults().withPoints(200, 100);
        MpeGlobalRegistrar.Outcome one = new MpeGlobalRegistrar(s, 1).register(ref, scan, new SplittableRandom(7), Progress.none());
        for (int threads : new int[] {2, 3}) {
            MpeGlobalRegistrar.Outcome many = new MpeGlobalRegistrar(s, threads).register(ref, scan, new SplittableRandom(7),
                    Progress.none());
            assertThat(many.pose()).isEqualTo(one.pose());
            assertThat(many.trace().energies()).containsExactly(one.trace().energies());
        }
    }

    @Test
    void pcaHypothesesAreProperRotationsAndTheOctahedralGroupHas24() {
        assertThat(MpeGlobalRegistrar.octahedralGroup()).hasSize(24).doesNotHaveDuplicates();
        SplittableRandom r = new SplittableRandom(3);
        double[] a = org.quire.registration.core.RandomMotions.cloud(r, 200, 10);
        for (int i = 0; i < a.length; i += 3) {
            a[i] *= 5; // elongated along x
            a[i + 1] *= 2;
        }
        RigidTransform g = org.quire.registration.core.RandomMotions.motion(r, 180, 0);
        // one of the four PCA hypotheses maps the template frame onto the reference frame exactly
        double best = Double.POSITIVE_INFINITY;
        for (RigidTransform h : MpeGlobalRegistrar.startRotations(g.applyToPoints(a), a, Starts.PCA)) {
            best = Math.min(best, RigidTransform.angleBetween(h, g));
        }
        assertThat(best).isLessThan(1e-9);
    }
}
