package org.quire.viz.scene;

/**
 * Maps world coordinates to pixels for one camera and viewport. The view basis is: {@code back} from the
 * scene centre towards the eye, {@code right} = normalize(-back x z), {@code up} = right x (-back). Pixel x
 * grows to the right and pixel y downwards; pixel (i, j) covers [i, i+1) x [j, j+1). Depth grows towards
 * the eye. Immutable and thread-safe.
 */
public final class ViewTransform {

    /** Eye distance of the perspective projection, in bounding-sphere radii. */
    public static final double EYE_DISTANCE = 2.5;

    /** Fraction of the viewport's shorter half-side that the bounding sphere fills at zoom 1. */
    public static final double FILL = 0.9;

    private final double cx;
    private final double cy;
    private final double cz;
    private final double radius;
    private final double[] right;
    private final double[] up;
    private final double[] back;
    private final double scale;
    private final double centreX;
    private final double centreY;
    private final boolean perspective;
    private final double eye;

    /**
     * @param bounds   minx, miny, minz, maxx, maxy, maxz of what is shown (finite, min <= max)
     * @param camera   the camera
     * @param x0       viewport left, pixels
     * @param y0       viewport top, pixels
     * @param width    viewport width, pixels (>= 1)
     * @param height   viewport height, pixels (>= 1)
     */
    public ViewTransform(double[] bounds, Camera camera, int x0, int y0, int width, int height) {
        if (bounds == null || bounds.length != 6) {
            throw new IllegalArgumentException("view: bounds must be minx, miny, minz, maxx, maxy, maxz");
        }
        for (int i = 0; i < 3; i++) {
            if (!Double.isFinite(bounds[i]) || !Double.isFinite(bounds[i + 3]) || bounds[i] > bounds[i + 3]) {
                throw new IllegalArgumentException("view: bounds must be finite with min <= max on each axis");
            }
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("view: viewport must be at least 1 x 1 pixels, got " + width + " x " + height);
        }
        cx = (bounds[0] + bounds[3]) / 2;
        cy = (bounds[1] + bounds[4]) / 2;
        cz = (bounds[2] + bounds[5]) / 2;
        double dx = bounds[3] - bounds[0];
        double dy = bounds[4] - bounds[1];
        double dz = bounds[5] - bounds[2];
        double r = Math.sqrt(dx * dx + dy * dy + dz * dz) / 2;
        radius = r > 0 ? r : 1;
        double az = Math.toRadians(camera.azimuth());
        double el = Math.toRadians(camera.elevation());
        back = new double[] { Math.cos(el) * Math.cos(az), Math.cos(el) * Math.sin(az), Math.sin(el) };
        // right = forward x zUp with forward = -back: (-b_y, b_x, 0), normalised
        double rx = -back[1];
        double ry = back[0];
        double rn = Math.hypot(rx, ry);
        right = new double[] { rx / rn, ry / rn, 0 };
        // up = right x forward
        double fx = -back[0];
        double fy = -back[1];
        double fz = -back[2];
        up = new double[] { right[1] * fz - right[2] * fy, right[2] * fx - right[0] * fz, right[0] * fy - right[1] * fx };
        perspective = camera.projection() == Camera.Projection.PERSPECTIVE;
        eye = EYE_DISTANCE * radius;
        double half = Math.min(width, height) / 2.0 * FILL;
        // perspective: the sphere's silhouette is r * D / sqrt(D^2 - r^2) wide in the centre plane
        double apparent = perspective ? radius * eye / Math.sqrt(eye * eye - radius * radius) : radius;
        scale = half / apparent * camera.zoom();
        centreX = x0 + width / 2.0;
        centreY = y0 + height / 2.0;
    }

    /** Radius of the bounding sphere, world units (1 for a single point). */
    public double radius() {
        return radius;
    }

    /** Pixels per world unit in the centre plane. */
    public double scale() {
        return scale;
    }

    /** The unit vector from the scene centre towards the eye. */
    public double[] back() {
        return back.clone();
    }

    /** The unit vector pointing right on screen. */
    public double[] right() {
        return right.clone();
    }

    /** The unit vector pointing up on screen. */
    public double[] up() {
        return up.clone();
    }

    /**
     * Projects a world point into {@code out}: pixel x, pixel y, depth (world units towards the eye from the
     * centre plane).
     */
    public void project(double x, double y, double z, double[] out) {
        double qx = x - cx;
        double qy = y - cy;
        double qz = z - cz;
        double vx = qx * right[0] + qy * right[1] + qz * right[2];
        double vy = qx * up[0] + qy * up[1] + qz * up[2];
        double vz = qx * back[0] + qy * back[1] + qz * back[2];
        double f = perspective ? eye / Math.max(eye - vz, 1e-9 * eye) : 1;
        out[0] = centreX + vx * scale * f;
        out[1] = centreY - vy * scale * f;
        out[2] = vz;
    }

    /** Projects a world point: {pixel x, pixel y, depth}. */
    public double[] project(double x, double y, double z) {
        double[] out = new double[3];
        project(x, y, z, out);
        return out;
    }

    /** Whether a point at this depth is in front of the perspective eye (always true when orthographic). */
    public boolean visible(double depth) {
        return !perspective || depth < eye * 0.999;
    }
}
