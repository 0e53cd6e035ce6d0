package org.quire.registration.mpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quire.registration.core.RandomMotions;
import org.quire.registration.core.RigidTransform;

/** Spec §6.1.3: force and torque are the finite-difference gradients of E; invariance and Newton's third law. */
class PotentialFieldTest {

    private static final double EPS2 = 0.7;

    @Test
    void forceAndTorqueAreMinusTheEnergyGradient() {
        SplittableRandom r = new SplittableRandom(4);
        double[] y = RandomMotions.cloud(r, 80, 10);
        double[] x = RandomMotions.cloud(r, 60, 8);
        PotentialField field = new PotentialField(y, EPS2, 1);
        PotentialField.Evaluation ev = field.evaluate(x);
        double h = 1e-5;
        for (int k = 0; k < 3; k++) {
            double[] d = new double[3];
            d[k] = h;
            double ep = field.energy(RigidTransform.of(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, d).applyToPoints(x));
            d[k] = -h;
            double em = field.energy(RigidTransform.of(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, d).applyToPoints(x));
            double grad = (ep - em) / (2 * h);
            assertThat(-grad).as("F_%d", k).isCloseTo(ev.force()[k], offset(1e-6 * norm(ev.force())));
        }
        double[] c = ev.centroid();
        for (int k = 0; k < 3; k++) {
            double[] axis = new double[3];
            axis[k] = 1;
            double ep = field.energy(aboutCentroid(axis, h, c).applyToPoints(x));
            double em = field.energy(aboutCentroid(axis, -h, c).applyToPoints(x));
            double grad = (ep - em) / (2 * h);
            assertThat(-grad).as("tau_%d", k).isCloseTo(ev.torque()[k], offset(1e-6 * norm(ev.torque())));
        }
    }

    @Test
    void energyIsInvariantUnderAJointMotionAndSymmetric() {
        SplittableRandom r = new SplittableRandom(8);
        double[] y = RandomMotions.cloud(r, 50, 10);
        double[] x = RandomMotions.cloud(r, 40, 10);
        RigidTransform g = RandomMotions.motion(r, 180, 30);
        double e = new PotentialField(y, EPS2, 1).energy(x);
        double moved = new PotentialField(g.applyToPoints(y), EPS2, 1).energy(g.applyToPoints(x));
        assertThat(moved).isCloseTo(e, offset(1e-12 * Math.abs(e)));
        PotentialField.Evaluation xy = new PotentialField(y, EPS2, 1).evaluate(x);
        PotentialField.Evaluation yx = new PotentialField(x, EPS2, 1).evaluate(y);
        assertThat(yx.energy()).isCloseTo(xy.energy(), offset(1e-12 * Math.abs(e)));
        for (int k = 0; k < 3; k++) {
            // Newton's third law: the reference pulls the template as hard as the template pulls the reference
            assertThat(yx.force()[k]).isCloseTo(-xy.force()[k], offset(1e-12 * norm(xy.force())));
        }
    }

    @Test
    void sumsAreBitIdenticalAcrossThreadCounts() {
        SplittableRandom r = new SplittableRandom(1);
        double[] y = RandomMotions.cloud(r, 300, 10);
        double[] x = RandomMotions.cloud(r, 257, 10);
        PotentialField.Evaluation one = new PotentialField(y, EPS2, 1).evaluate(x);
        for (int threads : new int[] {2, 3}) {
            PotentialField.Evaluation many = new PotentialField(y, EPS2, threads).evaluate(x);
            assertThat(many.energy()).isEqualTo(one.energy());
            assertThat(many.force()).containsExactly(one.force());
            assertThat(many.torque()).containsExactly(one.torque());
        }
    }

    private static RigidTransform aboutCentroid(double[] axis, double angle, double[] c) {
        RigidTransform rot = RigidTransform.axisAngle(axis, angle, new double[3]);
        double[] rc = rot.applyRotation(c);
        return RigidTransform.of(rot.rotation(), new double[] {c[0] - rc[0], c[1] - rc[1], c[2] - rc[2]});
    }

    private static double norm(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }
}
