package org.quire.surface.csp;

/**
 * The map between a shape's own coordinates ("world") and the normalised coordinates the CSP network works in
 * (spec §1.4 step 1): {@code unit = (world − centre) / scale}, with the bounding-box centre and
 * {@code scale = largest extent / 0.9}, so that the shape fills [−0.45, 0.45] along its longest axis. The paper's y/z
 * swap is not applied (a rotation does not change any metric). Immutable.
 *
 * @param cx    centre x (world units)
 * @param cy    centre y
 * @param cz    centre z
 * @param scale world units per normalised unit, &gt; 0
 */
public record Normalisation(double cx, double cy, double cz, double scale) {

    /** The identity (for shapes already defined in normalised coordinates, such as the analytic sources). */
    public static final Normalisation IDENTITY = new Normalisation(0, 0, 0, 1);

    public Normalisation {
        if (!(scale > 0) || Double.isInfinite(scale) || !Double.isFinite(cx) || !Double.isFinite(cy) || !Double.isFinite(cz)) {
            throw new IllegalArgumentException("normalisation needs a finite centre and a finite scale > 0, had (" + cx + ", "
                    + cy + ", " + cz + ") and " + scale);
        }
    }

    /**
     * The paper's normalisation of a shape with bounding box {@code bounds} (minx, miny, minz, maxx, maxy, maxz).
     *
     * @throws IllegalArgumentException when the box is a single point
     */
    public static Normalisation of(double[] bounds) {
        double extent = Math.max(bounds[3] - bounds[0], Math.max(bounds[4] - bounds[1], bounds[5] - bounds[2]));
        if (!(extent > 0)) {
            throw new IllegalArgumentException("the shape has zero extent: all its vertices coincide");
        }
        return new Normalisation((bounds[0] + bounds[3]) / 2, (bounds[1] + bounds[4]) / 2, (bounds[2] + bounds[5]) / 2,
                extent / 0.9);
    }

    /** World points to normalised ones (new array). */
    public double[] toUnit(double[] world) {
        double[] u = new double[world.length];
        for (int i = 0; i < world.length; i += 3) {
            u[i] = (world[i] - cx) / scale;
            u[i + 1] = (world[i + 1] - cy) / scale;
            u[i + 2] = (world[i + 2] - cz) / scale;
        }
        return u;
    }

    /** Normalised points to world ones (new array). */
    public double[] toWorld(double[] unit) {
        double[] w = new double[unit.length];
        for (int i = 0; i < unit.length; i += 3) {
            w[i] = cx + scale * unit[i];
            w[i + 1] = cy + scale * unit[i + 1];
            w[i + 2] = cz + scale * unit[i + 2];
        }
        return w;
    }
}
