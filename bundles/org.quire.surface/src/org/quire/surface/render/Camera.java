package org.quire.surface.render;

/**
 * The official code's camera (spec §1.6) in normalised coordinates with z up: a pinhole with focal length
 * {@code f_x = f_y = width} pixels and the principal point at the image centre, placed on a sphere of radius
 * {@code distance} around the origin at the given azimuth (about z, from +x) and elevation, looking at the origin.
 * Primary rays start on the image plane at depth 1 from the camera. Immutable.
 *
 * @param width        pixels, &ge; 1
 * @param height       pixels, &ge; 1
 * @param azimuthDeg   degrees
 * @param elevationDeg degrees, in (−90, 90)
 * @param distance     camera distance from the origin (paper 1.7), &gt; 0
 */
public record Camera(int width, int height, double azimuthDeg, double elevationDeg, double distance) {

    public Camera {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be >= 1, was " + width + "x" + height);
        }
        if (!(Math.abs(elevationDeg) < 90)) {
            throw new IllegalArgumentException("elevation must be in (-90, 90) degrees, was " + elevationDeg);
        }
        if (!(distance > 0)) {
            throw new IllegalArgumentException("camera distance must be > 0, was " + distance);
        }
    }

    /** The paper's camera: distance 1.7, elevation 30°, at azimuth {@code azimuthDeg}, square {@code resolution}². */
    public static Camera paper(int resolution, double azimuthDeg) {
        return new Camera(resolution, resolution, azimuthDeg, 30, 1.7);
    }

    /** Camera centre. */
    public double[] eye() {
        double az = Math.toRadians(azimuthDeg);
        double el = Math.toRadians(elevationDeg);
        return new double[] {distance * Math.cos(el) * Math.cos(az), distance * Math.cos(el) * Math.sin(az),
            distance * Math.sin(el)};
    }

    /**
     * The unnormalised direction from the eye to pixel (column {@code px}, row {@code py} from the top; fractional
     * values address sub-pixel positions, +0.5 is the pixel centre) on the image plane at depth 1, into {@code out}.
     */
    public void direction(double px, double py, double[] out) {
        double[] e = eye();
        double fx = -e[0] / distance, fy = -e[1] / distance, fz = -e[2] / distance;
        // right = forward x up(z), normalised; camera up = right x forward
        double rx = fy, ry = -fx;
        double rl = Math.sqrt(rx * rx + ry * ry);
        rx /= rl;
        ry /= rl;
        double ux = ry * fz, uy = -rx * fz, uz = rx * fy - ry * fx;
        double f = width;
        double cx = (px - width / 2.0) / f;
        double cy = (py - height / 2.0) / f;
        out[0] = fx + cx * rx - cy * ux;
        out[1] = fy + cx * ry - cy * uy;
        out[2] = fz - cy * uz;
    }
}
