package org.quire.viz.scene;

/**
 * How a scene is drawn.
 *
 * @param pointSize  diameter of point splats in pixels, [0, 64]; 0 chooses by point count (5 px up to 2 000
 *                   points, 3 px up to 20 000, 2 px up to 200 000, else 1 px)
 * @param colourMode how clouds are coloured
 * @param colourMap  the map for scalars
 * @param background background colour, 0xRRGGBB
 * @param overlays   whether to draw the legend (item names), the axes triad and the colour bar
 */
public record SceneStyle(double pointSize, ColourMode colourMode, ColourMap colourMap, int background, boolean overlays) {

    /** Largest point size, pixels. */
    public static final double MAX_POINT_SIZE = 64;

    public SceneStyle {
        if (!(pointSize >= 0 && pointSize <= MAX_POINT_SIZE)) {
            throw new IllegalArgumentException("scene style: point size must be in [0, " + MAX_POINT_SIZE + "] pixels, got "
                    + pointSize);
        }
        if (colourMode == null || colourMap == null) {
            throw new IllegalArgumentException("scene style: colour mode and colour map are required");
        }
        background &= 0xFFFFFF;
    }

    /** Automatic point size, {@link ColourMode#AUTO}, viridis, white background, overlays on. */
    public static SceneStyle standard() {
        return new SceneStyle(0, ColourMode.AUTO, ColourMap.VIRIDIS, 0xFFFFFF, true);
    }

    /** This style with another point size (0 = automatic). */
    public SceneStyle withPointSize(double size) {
        return new SceneStyle(size, colourMode, colourMap, background, overlays);
    }

    /** This style with another colour mode. */
    public SceneStyle withColourMode(ColourMode mode) {
        return new SceneStyle(pointSize, mode, colourMap, background, overlays);
    }

    /** This style with overlays (legend, axes, colour bar) on or off. */
    public SceneStyle withOverlays(boolean on) {
        return new SceneStyle(pointSize, colourMode, colourMap, background, on);
    }

    /** The splat diameter in pixels for a scene with {@code points} points in all. */
    public double pointSize(long points) {
        if (pointSize > 0) {
            return pointSize;
        }
        return points <= 2_000 ? 5 : points <= 20_000 ? 3 : points <= 200_000 ? 2 : 1;
    }
}
