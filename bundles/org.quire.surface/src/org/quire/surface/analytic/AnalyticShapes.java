package org.quire.surface.analytic;

import java.util.List;

/**
 * The standard analytic sources in normalised coordinates (all inside [−0.45, 0.45]³): sphere R = 0.35; plane z = 0
 * (tessellated on [−0.5, 0.5]²); disk R = 0.35 in z = 0; open cylinder R = 0.25, |z| ≤ 0.35; hemisphere R = 0.35,
 * z ≥ 0; torus R = 0.3, r = 0.1; Möbius strip scale 0.3, |v| ≤ 0.5 (spec §6.1).
 */
public final class AnalyticShapes {

    /** The shape names accepted by {@link #byName(String)}. */
    public static final List<String> NAMES = List.of("sphere", "plane", "disk", "cylinder", "hemisphere", "torus", "moebius");

    private AnalyticShapes() {
    }

    /**
     * The standard shape called {@code name} (one of {@link #NAMES}).
     *
     * @throws IllegalArgumentException for another name, listing the valid ones
     */
    public static AnalyticSurface byName(String name) {
        switch (name) {
            case "sphere":
                return new Sphere(0, 0, 0, 0.35);
            case "plane":
                return new Plane(0, 0.5);
            case "disk":
                return new Disk(0.35);
            case "cylinder":
                return new OpenCylinder(0.25, 0.35);
            case "hemisphere":
                return new Hemisphere(0.35);
            case "torus":
                return new Torus(0.3, 0.1);
            case "moebius":
                return new MoebiusStrip(0.3, 0.5);
            default:
                throw new IllegalArgumentException("unknown analytic shape '" + name + "', expected one of " + NAMES);
        }
    }
}
