package org.quire.registration.blade;

/**
 * Settings of the synthetic blade (spec §4.3).
 *
 * @param span              blade length (default 200)
 * @param twistDeg          linear twist over the span in degrees (default 40)
 * @param referencePoints   random blade samples of the reference (default 40000)
 * @param platformPoints    random platform samples of the reference (default 8000)
 * @param scanSamples       blade samples per view before the visibility cut (default 40000, giving about 26k scan
 *                          points; the platform gets the
 *                          same share as in the reference)
 * @param views             number of views (default 1); view k looks from azimuth 110° + 360°·k/views (face-on to
 *                          the suction side for k = 0), elevation 0.3
 * @param visibility        keep points with n·v &gt; this (default 0.15)
 * @param noise             σ of the Gaussian noise along the normal; 0.3σ is added isotropically (default 0.1)
 * @param outliers          fraction of a view's points that are uniform outliers in its box inflated by 20%, in
 *                          [0, 0.9] (default 0.1)
 * @param maxRotationDeg    largest pose rotation; the angle is uniform in [0.5, 1] × this (default 90)
 * @param maxTranslation    each pose translation component is uniform in ± this (default 50)
 */
public record BladeSettings(double span, double twistDeg, int referencePoints, int platformPoints, int scanSamples,
        int views, double visibility, double noise, double outliers, double maxRotationDeg, double maxTranslation) {

    public BladeSettings {
        if (!(span > 0) || referencePoints < 100 || platformPoints < 0 || scanSamples < 100 || views < 1) {
            throw new IllegalArgumentException("need span > 0, referencePoints >= 100, platformPoints >= 0, "
                    + "scanSamples >= 100, views >= 1");
        }
        if (!(noise >= 0) || !(outliers >= 0 && outliers <= 0.9) || !(maxRotationDeg >= 0 && maxRotationDeg <= 180)
                || !(maxTranslation >= 0) || !(visibility > -1 && visibility < 1)) {
            throw new IllegalArgumentException("need noise >= 0, outliers in [0, 0.9], maxRotationDeg in [0, 180], "
                    + "maxTranslation >= 0, visibility in (-1, 1)");
        }
    }

    /** The spec's blade with one view, σ = 0.1, 10% outliers, rotation up to 90°, translation up to 50. */
    public static BladeSettings defaults() {
        return new BladeSettings(200, 40, 40000, 8000, 40000, 1, 0.15, 0.1, 0.1, 90, 50);
    }

    /** A copy with another scanner model and pose range. */
    public BladeSettings withScan(double sigma, double outlierFraction, double maxRot, int nViews) {
        return new BladeSettings(span, twistDeg, referencePoints, platformPoints, scanSamples, nViews, visibility, sigma,
                outlierFraction, maxRot, maxTranslation);
    }

    /** A copy with other sample counts. */
    public BladeSettings withSizes(int ref, int platform, int scan) {
        return new BladeSettings(span, twistDeg, ref, platform, scan, views, visibility, noise, outliers, maxRotationDeg,
                maxTranslation);
    }
}
