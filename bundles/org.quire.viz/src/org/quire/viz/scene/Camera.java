package org.quire.viz.scene;

/**
 * Where the scene is seen from, relative to its bounds: the eye looks at the centre of the bounding box
 * from azimuth {@code azimuth} (degrees, counter-clockwise about +z from +x) and elevation {@code elevation}
 * (degrees above the x-y plane, clamped to [-89, 89]; +z is up on screen). The bounding sphere fills 90 %
 * of the shorter side of the viewport at zoom 1. Immutable.
 *
 * @param azimuth    degrees, any value
 * @param elevation  degrees, [-89, 89]
 * @param zoom       magnification, (0, 1000]
 * @param projection orthographic or perspective
 */
public record Camera(double azimuth, double elevation, double zoom, Projection projection) {

    /** Largest elevation, degrees; the view is undefined straight from above. */
    public static final double MAX_ELEVATION = 89;

    /** Parallel or central projection. */
    public enum Projection {
        /** Parallel projection: sizes do not change with depth. */
        ORTHOGRAPHIC,
        /** Central projection from an eye at 2.5 bounding-sphere radii from the centre. */
        PERSPECTIVE
    }

    public Camera {
        if (!Double.isFinite(azimuth) || !Double.isFinite(elevation)) {
            throw new IllegalArgumentException("camera: azimuth and elevation must be finite");
        }
        if (!(zoom > 0 && zoom <= 1000)) {
            throw new IllegalArgumentException("camera: zoom must be in (0, 1000], got " + zoom);
        }
        if (projection == null) {
            throw new IllegalArgumentException("camera: projection is null");
        }
        elevation = Math.max(-MAX_ELEVATION, Math.min(MAX_ELEVATION, elevation));
    }

    /** The default view: azimuth -60 degrees, elevation 25 degrees, zoom 1, orthographic. */
    public static Camera standard() {
        return new Camera(-60, 25, 1, Projection.ORTHOGRAPHIC);
    }

    /** This camera turned by the given angles (degrees; elevation clamped). */
    public Camera orbit(double dAzimuth, double dElevation) {
        return new Camera(azimuth + dAzimuth, elevation + dElevation, zoom, projection);
    }

    /** This camera with its zoom multiplied by {@code factor} (result clamped to [0.05, 1000]). */
    public Camera zoomed(double factor) {
        return new Camera(azimuth, elevation, Math.max(0.05, Math.min(1000, zoom * factor)), projection);
    }

    /** This camera with another projection. */
    public Camera with(Projection p) {
        return new Camera(azimuth, elevation, zoom, p);
    }
}
