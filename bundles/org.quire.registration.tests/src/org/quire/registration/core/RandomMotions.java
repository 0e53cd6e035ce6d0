package org.quire.registration.core;

import java.util.SplittableRandom;

/** Random rigid motions and clouds for tests. */
public final class RandomMotions {
    private RandomMotions() {
    }

    /** A rotation by an angle uniform in [0, maxDeg] about a uniform axis, translation uniform in ± maxT. */
    public static RigidTransform motion(SplittableRandom r, double maxDeg, double maxT) {
        double[] axis = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
        double angle = Math.toRadians(maxDeg) * r.nextDouble();
        return RigidTransform.axisAngle(axis, angle,
                new double[] {maxT * (2 * r.nextDouble() - 1), maxT * (2 * r.nextDouble() - 1), maxT * (2 * r.nextDouble() - 1)});
    }

    /** n points uniform in the box [−s, s]³. */
    public static double[] cloud(SplittableRandom r, int n, double s) {
        double[] xyz = new double[3 * n];
        for (int i = 0; i < xyz.length; i++) {
            xyz[i] = s * (2 * r.nextDouble() - 1);
        }
        return xyz;
    }
}
