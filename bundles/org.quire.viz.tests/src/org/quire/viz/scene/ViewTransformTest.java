package org.quire.viz.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ViewTransformTest {

    private static final double[] CUBE = { -1, -1, -1, 1, 1, 1 };

    @Test
    void frontViewShowsYToTheRightAndZUp() {
        // azimuth 0, elevation 0: the eye is on +x, so y runs right, z up and x is depth
        ViewTransform v = new ViewTransform(CUBE, new Camera(0, 0, 1, Camera.Projection.ORTHOGRAPHIC), 0, 0, 200, 100);
        double s = 50 * ViewTransform.FILL / Math.sqrt(3); // half the shorter side, 90 %, over the sphere radius
        assertThat(v.scale()).isCloseTo(s, within(1e-12));
        assertThat(v.project(0, 1, 0.5)).containsExactly(new double[] { 100 + s, 50 - 0.5 * s, 0 }, within(1e-9));
        assertThat(v.project(1, 0, 0)).containsExactly(new double[] { 100, 50, 1 }, within(1e-9));
    }

    @Test
    void sideViewFromPlusYShowsXToTheLeft() {
        ViewTransform v = new ViewTransform(CUBE, new Camera(90, 0, 2, Camera.Projection.ORTHOGRAPHIC), 10, 20, 100, 100);
        double s = 2 * 50 * ViewTransform.FILL / Math.sqrt(3);
        assertThat(v.project(1, 0, 0)).containsExactly(new double[] { 60 - s, 70, 0 }, within(1e-9));
        assertThat(v.project(0, -1, 0)[2]).isCloseTo(-1, within(1e-12));
    }

    @Test
    void topDownishViewLooksDown() {
        ViewTransform v = new ViewTransform(CUBE, new Camera(0, 89, 1, Camera.Projection.ORTHOGRAPHIC), 0, 0, 100, 100);
        // from above, +z is nearest and +x points down the screen (towards the viewer's feet)
        assertThat(v.project(0, 0, 1)[2]).isCloseTo(Math.sin(Math.toRadians(89)), within(1e-12));
        assertThat(v.project(1, 0, 0)[1]).isGreaterThan(50);
    }

    @Test
    void perspectiveMagnifiesNearPoints() {
        ViewTransform v = new ViewTransform(CUBE, new Camera(0, 0, 1, Camera.Projection.PERSPECTIVE), 0, 0, 100, 100);
        double r = Math.sqrt(3);
        double d = ViewTransform.EYE_DISTANCE * r;
        double s = 50 * ViewTransform.FILL / (r * d / Math.sqrt(d * d - r * r));
        // a point 1 nearer than the centre plane is magnified by d / (d - 1)
        assertThat(v.project(1, 1, 0)[0]).isCloseTo(50 + s * d / (d - 1), within(1e-9));
        assertThat(v.project(-1, 1, 0)[0]).isCloseTo(50 + s * d / (d + 1), within(1e-9));
    }

    @Test
    void aSinglePointGetsUnitRadius() {
        ViewTransform v = new ViewTransform(new double[] { 2, 2, 2, 2, 2, 2 }, Camera.standard(), 0, 0, 10, 10);
        assertThat(v.radius()).isEqualTo(1);
        assertThat(v.project(2, 2, 2)).containsExactly(new double[] { 5, 5, 0 }, within(1e-12));
    }
}
