package org.quire.registration.blade;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.quire.registration.core.PointOps;
import org.quire.registration.core.RigidTransform;

/**
 * Generates the reference blade (noise-free, with exact normals) and scanner-like views of it (spec §4.3): random
 * (s, v) samples independent of the reference's, a one-sided visibility cut n·v &gt; threshold, Gaussian noise σ along
 * the normal plus 0.3σ isotropic, a fraction of uniform outliers in the view's bounding box inflated by 20%, and a
 * random rigid pose G about the view centroid (axis uniform on the sphere, angle uniform in [0.5, 1] × max,
 * translation uniform in ± max per component). The ground truth maps a scan onto the reference: T = G⁻¹.
 * Deterministic given the random streams. Stateless.
 */
public final class BladeGenerator {
    /**
     * Azimuth (degrees from +x) of the first view: 110° faces the suction side at mid-span, where the chord (twisted by
     * half the span's twist) runs along 20°; further views are spread evenly around the span axis.
     */
    public static final double FIRST_AZIMUTH = 110;

    private final BladeSettings settings;
    private final BladeSurface surface;

    /** @param settings the blade and scanner model */
    public BladeGenerator(BladeSettings settings) {
        this.settings = settings;
        this.surface = new BladeSurface(settings.span(), settings.twistDeg());
    }

    /** The reference: {@code referencePoints} blade and {@code platformPoints} platform samples with exact normals. */
    public Cloud reference(SplittableRandom random) {
        return sample(settings.referencePoints(), settings.platformPoints(), random);
    }

    /** The views, each with its ground truth, from independent samples of {@code random}. */
    public List<View> views(SplittableRandom random) {
        List<View> out = new ArrayList<>();
        int platform = (int) Math.round((double) settings.scanSamples() * settings.platformPoints()
                / settings.referencePoints());
        for (int k = 0; k < settings.views(); k++) {
            SplittableRandom r = random.split();
            double az = Math.toRadians(FIRST_AZIMUTH + 360.0 * k / settings.views());
            double[] dir = {Math.cos(az), Math.sin(az), 0.3};
            double dn = Math.sqrt(dir[0] * dir[0] + dir[1] * dir[1] + dir[2] * dir[2]);
            for (int c = 0; c < 3; c++) {
                dir[c] /= dn;
            }
            Cloud all = sample(settings.scanSamples(), platform, r);
            int n = all.xyz.length / 3;
            double[] pts = new double[3 * n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                double nx = all.normals[3 * i];
                double ny = all.normals[3 * i + 1];
                double nz = all.normals[3 * i + 2];
                if (nx * dir[0] + ny * dir[1] + nz * dir[2] <= settings.visibility()) {
                    continue;
                }
                double g = settings.noise() * r.nextGaussian();
                double iso = 0.3 * settings.noise();
                pts[3 * m] = all.xyz[3 * i] + g * nx + iso * r.nextGaussian();
                pts[3 * m + 1] = all.xyz[3 * i + 1] + g * ny + iso * r.nextGaussian();
                pts[3 * m + 2] = all.xyz[3 * i + 2] + g * nz + iso * r.nextGaussian();
                m++;
            }
            int inliers = m;
            int outliers = (int) Math.round(inliers * settings.outliers() / (1 - settings.outliers()));
            double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
            double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (int i = 0; i < 3 * inliers; i++) {
                lo[i % 3] = Math.min(lo[i % 3], pts[i]);
                hi[i % 3] = Math.max(hi[i % 3], pts[i]);
            }
            double[] view = new double[3 * (inliers + outliers)];
            System.arraycopy(pts, 0, view, 0, 3 * inliers);
            for (int i = inliers; i < inliers + outliers; i++) {
                for (int c = 0; c < 3; c++) {
                    double mid = (lo[c] + hi[c]) / 2;
                    double half = 0.6 * (hi[c] - lo[c]);
                    view[3 * i + c] = mid - half + 2 * half * r.nextDouble();
                }
            }
            double[] axis = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double angle = Math.toRadians(settings.maxRotationDeg()) * (0.5 + 0.5 * r.nextDouble());
            double[] shift = new double[3];
            for (int c = 0; c < 3; c++) {
                shift[c] = settings.maxTranslation() * (2 * r.nextDouble() - 1);
            }
            double[] centre = PointOps.centroid(java.util.Arrays.copyOf(view, 3 * inliers));
            RigidTransform rot = RigidTransform.axisAngle(axis, angle, new double[3]);
            double[] rc = rot.applyRotation(centre);
            RigidTransform pose = RigidTransform.of(rot.rotation(),
                    new double[] {centre[0] - rc[0] + shift[0], centre[1] - rc[1] + shift[1], centre[2] - rc[2] + shift[2]});
            out.add(new View(pose.applyToPoints(view), inliers, pose.inverse(), java.util.Arrays.copyOf(dir, 3)));
        }
        return out;
    }

    private Cloud sample(int bladeCount, int platformCount, SplittableRandom r) {
        int n = bladeCount + platformCount;
        double[] xyz = new double[3 * n];
        double[] nrm = new double[3 * n];
        double[] p = new double[3];
        double[] q = new double[3];
        for (int i = 0; i < bladeCount; i++) {
            double s = r.nextDouble();
            double v = 2 * r.nextDouble();
            surface.point(s, v, p);
            surface.normal(s, v, q);
            System.arraycopy(p, 0, xyz, 3 * i, 3);
            System.arraycopy(q, 0, nrm, 3 * i, 3);
        }
        double ax = 2 * BladeSurface.PLATFORM_X;
        double ay = 2 * BladeSurface.PLATFORM_Y;
        double az = BladeSurface.PLATFORM_Z;
        double[] area = {ax * ay, ax * ay, ax * az, ax * az, ay * az, ay * az};
        double total = 0;
        for (double a : area) {
            total += a;
        }
        for (int i = bladeCount; i < n; i++) {
            double pick = r.nextDouble() * total;
            int f = 0;
            while (f < 5 && pick >= area[f]) {
                pick -= area[f];
                f++;
            }
            double u = r.nextDouble();
            double w = r.nextDouble();
            double x = -BladeSurface.PLATFORM_X + ax * u;
            double y = -BladeSurface.PLATFORM_Y + ay * w;
            double z = -az * w;
            double[] pt;
            double[] nn;
            switch (f) {
                case 0 -> { pt = new double[] {x, y, 0}; nn = new double[] {0, 0, 1}; }
                case 1 -> { pt = new double[] {x, y, -az}; nn = new double[] {0, 0, -1}; }
                case 2 -> { pt = new double[] {x, -BladeSurface.PLATFORM_Y, z}; nn = new double[] {0, -1, 0}; }
                case 3 -> { pt = new double[] {x, BladeSurface.PLATFORM_Y, z}; nn = new double[] {0, 1, 0}; }
                case 4 -> { pt = new double[] {-BladeSurface.PLATFORM_X, -BladeSurface.PLATFORM_Y + ay * u, z};
                    nn = new double[] {-1, 0, 0}; }
                default -> { pt = new double[] {BladeSurface.PLATFORM_X, -BladeSurface.PLATFORM_Y + ay * u, z};
                    nn = new double[] {1, 0, 0}; }
            }
            System.arraycopy(pt, 0, xyz, 3 * i, 3);
            System.arraycopy(nn, 0, nrm, 3 * i, 3);
        }
        return new Cloud(xyz, nrm);
    }

    /**
     * Points with unit normals.
     *
     * @param xyz     packed points
     * @param normals packed unit normals
     */
    public record Cloud(double[] xyz, double[] normals) {
    }

    /**
     * One scanner view.
     *
     * @param xyz       the scan in its own (posed) frame: inliers first, then outliers
     * @param inliers   number of surface points (the rest are outliers)
     * @param truth     ground truth mapping the scan onto the reference (G⁻¹)
     * @param direction unit view direction (towards the scanner) in the reference frame
     */
    public record View(double[] xyz, int inliers, RigidTransform truth, double[] direction) {
    }
}
