package org.quire.registration.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quire.geometry.SymmetricEigen3;

/** Spec §6.1.1: Kabsch exactness, and the rigid-motion algebra it relies on. */
class KabschTest {

    @Test
    void recoversRandomMotionsExactlyFromNoiseFreePairs() {
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 50; trial++) {
            RigidTransform truth = RandomMotions.motion(r, 180, 100);
            double[] src = RandomMotions.cloud(r, 100, 50);
            double[] dst = truth.applyToPoints(src);
            RigidTransform fit = Kabsch.fit(src, dst, null);
            assertThat(RigidTransform.angleBetween(fit, truth)).as("rotation error, trial %d", trial).isLessThan(1e-12);
            assertThat(RigidTransform.translationDistance(fit, truth)).as("translation error").isLessThan(1e-10);
        }
    }

    @Test
    void weightsSelectTheConsistentSubset() {
        SplittableRandom r = new SplittableRandom(5);
        RigidTransform truth = RandomMotions.motion(r, 120, 10);
        double[] src = RandomMotions.cloud(r, 60, 20);
        double[] dst = truth.applyToPoints(src);
        double[] w = new double[60];
        for (int i = 0; i < 60; i++) {
            if (i % 3 == 0) {
                dst[3 * i] += 100; // corrupted pairs, weight 0
            } else {
                w[i] = 1 + i;
            }
        }
        RigidTransform fit = Kabsch.fit(src, dst, w);
        assertThat(RigidTransform.angleBetween(fit, truth)).isLessThan(1e-12);
        assertThat(RigidTransform.translationDistance(fit, truth)).isLessThan(1e-10);
    }

    @Test
    void planarPointsStillGiveAProperRotation() {
        // all points in z = 0: the SVD has a zero singular value and the determinant fix must choose det +1
        SplittableRandom r = new SplittableRandom(3);
        RigidTransform truth = RandomMotions.motion(r, 170, 5);
        double[] src = RandomMotions.cloud(r, 30, 10);
        for (int i = 2; i < src.length; i += 3) {
            src[i] = 0;
        }
        RigidTransform fit = Kabsch.fit(src, truth.applyToPoints(src), null);
        assertThat(RigidTransform.angleBetween(fit, truth)).isLessThan(1e-10);
    }

    @Test
    void composeInverseAndMatrixRoundTrip() {
        SplittableRandom r = new SplittableRandom(9);
        RigidTransform a = RandomMotions.motion(r, 180, 10);
        RigidTransform b = RandomMotions.motion(r, 180, 10);
        double[] p = {1.5, -2, 3};
        double[] viaCompose = a.compose(b).apply(p[0], p[1], p[2]);
        double[] bp = b.apply(p[0], p[1], p[2]);
        double[] viaSteps = a.apply(bp[0], bp[1], bp[2]);
        for (int k = 0; k < 3; k++) {
            assertThat(viaCompose[k]).isCloseTo(viaSteps[k], org.assertj.core.data.Offset.offset(1e-12));
        }
        RigidTransform id = a.compose(a.inverse());
        assertThat(id.rotationAngle()).isLessThan(1e-14);
        assertThat(Math.sqrt(id.t(0) * id.t(0) + id.t(1) * id.t(1) + id.t(2) * id.t(2))).isLessThan(1e-13);
        assertThat(RigidTransform.fromRowMajor4x4(a.toRowMajor4x4())).isEqualTo(a);
        RigidTransform rot = RigidTransform.axisAngle(new double[] {0, 0, 2}, Math.toRadians(30), new double[3]);
        assertThat(Math.toDegrees(rot.rotationAngle())).isCloseTo(30, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(rot.r(1, 0)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void rejectsReflectionsAndBadLastRow() {
        assertThatThrownBy(() -> RigidTransform.fromRowMajor4x4(new double[] {-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}))
                .hasMessageContaining("reflection");
        assertThatThrownBy(() -> RigidTransform.fromRowMajor4x4(new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1}))
                .hasMessageContaining("last row");
        assertThatThrownBy(() -> Kabsch.fit(new double[6], new double[6], null)).hasMessageContaining("at least 3");
    }

    @Test
    void symmetricEigenMatchesAKnownSpectrum() {
        SplittableRandom r = new SplittableRandom(2);
        for (int trial = 0; trial < 20; trial++) {
            RigidTransform q = RandomMotions.motion(r, 180, 0);
            double[] lambda = {-1.5, 0.25, 7};
            double[] a = new double[9];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    for (int k = 0; k < 3; k++) {
                        a[3 * i + j] += q.r(i, k) * lambda[k] * q.r(j, k);
                    }
                }
            }
            double[] values = new double[3];
            double[] vectors = new double[9];
            SymmetricEigen3.decompose(a[0], a[1], a[2], a[4], a[5], a[8], values, vectors);
            for (int k = 0; k < 3; k++) {
                assertThat(values[k]).isCloseTo(lambda[k], org.assertj.core.data.Offset.offset(1e-12));
                // A v = λ v
                for (int i = 0; i < 3; i++) {
                    double av = a[3 * i] * vectors[3 * k] + a[3 * i + 1] * vectors[3 * k + 1] + a[3 * i + 2] * vectors[3 * k + 2];
                    assertThat(av).isCloseTo(lambda[k] * vectors[3 * k + i], org.assertj.core.data.Offset.offset(1e-11));
                }
            }
        }
    }
}
