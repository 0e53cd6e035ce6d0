package org.quire.viz.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.quire.api.result.Mesh;
import org.quire.api.result.PointCloud;

class SceneImagesTest {

    private static final int W = 200;
    private static final int H = 100;
    private static final int WHITE = 0xFFFFFFFF;
    /** Front view: y to the right, z up, x towards the eye. */
    private static final Camera FRONT = new Camera(0, 0, 1, Camera.Projection.ORTHOGRAPHIC);
    private static final SceneStyle BARE = SceneStyle.standard().withOverlays(false).withPointSize(1);

    @Test
    void aPointLandsOnItsProjectedPixelInItsOwnColour() {
        // the two corners fix the bounds to the cube [-1, 1]^3; the third point is the one looked at
        PointCloud c = new PointCloud("c", new float[] { -1, -1, -1, 1, 1, 1, 0.3f, 0.6f, -0.2f }, null,
                new int[] { 0x111111, 0x222222, 0xAA3300 });
        BufferedImage img = SceneImages.render(Scene.of(c), FRONT, BARE, W, H).image();
        double s = H / 2.0 * ViewTransform.FILL / Math.sqrt(3);
        int px = (int) Math.floor(W / 2.0 + 0.6 * s);
        int py = (int) Math.floor(H / 2.0 + 0.2 * s);
        assertThat(img.getRGB(px, py)).isEqualTo(0xFFAA3300);
        assertThat(img.getRGB(px + 1, py)).isEqualTo(WHITE);
        assertThat(img.getRGB(px, py - 1)).isEqualTo(WHITE);
        assertThat(countNot(img, WHITE)).isEqualTo(3);
    }

    @Test
    void splatsAreDiscsOfTheGivenDiameter() {
        PointCloud c = new PointCloud("one", new float[] { 0, 0, 0 }, null, null);
        BufferedImage img = SceneImages.render(Scene.of(c), FRONT, BARE.withPointSize(6), W, H).image();
        // centre at (100, 50): pixel centres within 3 px, i.e. i, j in 97..102 with (i+0.5-100)^2+(j+0.5-50)^2 <= 9
        int expected = 0;
        for (int j = 0; j < H; j++) {
            for (int i = 0; i < W; i++) {
                double dx = i + 0.5 - 100;
                double dy = j + 0.5 - 50;
                boolean in = dx * dx + dy * dy <= 9;
                expected += in ? 1 : 0;
                assertThat(img.getRGB(i, j)).as("pixel %d,%d", i, j)
                        .isEqualTo(in ? 0xFF000000 | Scene.itemColour(0) : WHITE);
            }
        }
        assertThat(expected).isEqualTo(32);
    }

    @Test
    void theNearerPointWinsWhateverTheOrder() {
        // same y and z, x is depth in the front view: x = 1 is nearer
        float[] near = { 1, 0.5f, 0.5f };
        float[] far = { -1, 0.5f, 0.5f };
        float[] corners = { -1, -1, -1, 1, 1, 1 };
        for (boolean nearFirst : new boolean[] { true, false }) {
            PointCloud a = new PointCloud("a", concat(corners, nearFirst ? near : far), null,
                    new int[] { 0, 0, nearFirst ? 0xFF0000 : 0x0000FF });
            PointCloud b = new PointCloud("b", nearFirst ? far : near, null, new int[] { nearFirst ? 0x0000FF : 0xFF0000 });
            SceneRendering r = SceneImages.render(Scene.builder().add(a).add(b).build(), FRONT, BARE.withPointSize(4), W, H);
            double[] p = r.view().project(0, 0.5, 0.5);
            assertThat(r.image().getRGB((int) p[0], (int) p[1])).as("near first: %s", nearFirst).isEqualTo(0xFFFF0000);
        }
    }

    @Test
    void aTriangleHidesPointsBehindItAndShowsPointsInFront() {
        // a big triangle in the plane x = 0 facing the eye; one point behind it, one in front
        Mesh wall = new Mesh("wall", new float[] { 0, -1, -1, 0, 1, -1, 0, 0, 1 }, new int[] { 0, 1, 2 });
        PointCloud pts = new PointCloud("pts", new float[] { -0.9f, 0, -0.5f, 0.9f, 0, 0, -1, -1, -1, 1, 1, 1 }, null,
                new int[] { 0x00FF00, 0xFF0000, 0, 0 });
        SceneRendering r = SceneImages.render(Scene.builder().add(pts).add(wall).build(), FRONT, BARE.withPointSize(3),
                W, H);
        double[] behind = r.view().project(-0.9, 0, -0.5);
        double[] front = r.view().project(0.9, 0, 0);
        assertThat(r.image().getRGB((int) front[0], (int) front[1])).isEqualTo(0xFFFF0000);
        int wallPixel = r.image().getRGB((int) behind[0], (int) behind[1]);
        // Lambert: the wall faces the eye (normal = back), light = normalize(0.35 right + 0.5 up + back)
        double shade = SceneImages.AMBIENT + (1 - SceneImages.AMBIENT) / Math.sqrt(0.35 * 0.35 + 0.5 * 0.5 + 1);
        int base = Scene.meshColour(1);
        assertThat(channelDistance(wallPixel, scaled(base, shade))).isLessThanOrEqualTo(1);
    }

    @Test
    void scalarsGoThroughTheColourMapWithABarFromMinToMax() {
        int n = 11;
        float[] xyz = new float[3 * n];
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            xyz[3 * i + 1] = i / 10f - 0.5f;
            s[i] = i;
        }
        PointCloud c = new PointCloud("res", xyz, null, new int[n], s, "residual (mm)");
        SceneRendering r = SceneImages.render(Scene.of(c), FRONT, SceneStyle.standard().withPointSize(3), 600, 400);
        ColourBar bar = r.colourBar();
        assertThat(bar).isNotNull();
        assertThat(bar.range()).isEqualTo(new ScalarRange(0, 10, "residual (mm)"));
        assertThat(bar.minText()).isEqualTo("0");
        assertThat(bar.maxText()).isEqualTo("10");
        assertThat(bar.x()).isGreaterThanOrEqualTo(600 - SceneImages.COLOUR_BAR_STRIP);
        int mid = bar.x() + bar.width() / 2;
        assertThat(r.image().getRGB(mid, bar.y()) & 0xFFFFFF).isEqualTo(0xfde725);
        assertThat(r.image().getRGB(mid, bar.y() + bar.height() - 1) & 0xFFFFFF).isEqualTo(0x440154);
        assertThat(r.image().getRGB(mid, bar.y() + (bar.height() - 1) / 2) & 0xFFFFFF)
                .isEqualTo(ColourMap.VIRIDIS.rgb(1 - ((bar.height() - 1) / 2) / (double) (bar.height() - 1)));
        // the points: scalar 0 at the left end, scalar 10 at the right end, in the map's colours (scalars win over rgb)
        double[] p0 = r.view().project(0, -0.5, 0);
        double[] p10 = r.view().project(0, 0.5, 0);
        assertThat(r.image().getRGB((int) p0[0], (int) p0[1]) & 0xFFFFFF).isEqualTo(0x440154);
        assertThat(r.image().getRGB((int) p10[0], (int) p10[1]) & 0xFFFFFF).isEqualTo(0xfde725);
        // in rgb mode there is no bar and the points are black
        SceneRendering rgb = SceneImages.render(Scene.of(c), FRONT,
                SceneStyle.standard().withPointSize(3).withColourMode(ColourMode.RGB), 600, 400);
        assertThat(rgb.colourBar()).isNull();
        double[] q = rgb.view().project(0, 0.5, 0);
        assertThat(rgb.image().getRGB((int) q[0], (int) q[1])).isEqualTo(0xFF000000);
    }

    @Test
    void emptyScenesAreRejectedWithAMessage() {
        PointCloud empty = new PointCloud("none", new float[0], null, null);
        assertThatThrownBy(() -> SceneImages.render(Scene.of(empty), 100, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing to draw");
        assertThatThrownBy(() -> SceneImages.render(Scene.builder().build(), 100, 100))
                .hasMessageContaining("nothing to draw");
        PointCloud one = new PointCloud("one", new float[] { 0, 0, 0 }, null, null);
        assertThatThrownBy(() -> SceneImages.render(Scene.of(one), 0, 100)).hasMessageContaining("between 1 and");
    }

    @Test
    void theSameSceneGivesTheSamePngBytes() throws IOException {
        Scene scene = sphereScene();
        byte[] a = png(scene);
        byte[] b = png(scene);
        assertThat(a).isEqualTo(b);
        BufferedImage img = SceneImages.render(scene, 640, 480).image();
        // something was drawn in the mesh's shades and in the map's colours
        assertThat(countNot(img, WHITE)).isGreaterThan(640 * 480 / 20);
    }

    @Test
    void perspectiveRenderingDrawsTheSameItems() {
        Scene scene = sphereScene();
        BufferedImage img = SceneImages.render(scene, Camera.standard().with(Camera.Projection.PERSPECTIVE),
                SceneStyle.standard(), 320, 240).image();
        assertThat(countNot(img, WHITE)).isGreaterThan(320 * 240 / 20);
    }

    /** A random cloud on a sphere with distances as scalars, and an octahedron inside. */
    private static Scene sphereScene() {
        Random rnd = new Random(7);
        int n = 3000;
        float[] xyz = new float[3 * n];
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            double x = rnd.nextGaussian();
            double y = rnd.nextGaussian();
            double z = rnd.nextGaussian();
            double len = Math.sqrt(x * x + y * y + z * z);
            xyz[3 * i] = (float) (x / len);
            xyz[3 * i + 1] = (float) (y / len);
            xyz[3 * i + 2] = (float) (z / len);
            s[i] = (float) Math.abs(z / len);
        }
        PointCloud cloud = new PointCloud("sphere", xyz, null, null, s, "|z| (m)");
        float[] v = { 0.7f, 0, 0, -0.7f, 0, 0, 0, 0.7f, 0, 0, -0.7f, 0, 0, 0, 0.7f, 0, 0, -0.7f };
        int[] t = { 0, 2, 4, 2, 1, 4, 1, 3, 4, 3, 0, 4, 2, 0, 5, 1, 2, 5, 3, 1, 5, 0, 3, 5 };
        return Scene.builder().add(cloud).add(new Mesh("octahedron", v, t)).build();
    }

    private static byte[] png(Scene scene) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SceneImages.writePng(scene, 400, 300, out);
        return out.toByteArray();
    }

    private static int countNot(BufferedImage img, int argb) {
        int n = 0;
        for (int j = 0; j < img.getHeight(); j++) {
            for (int i = 0; i < img.getWidth(); i++) {
                n += img.getRGB(i, j) != argb ? 1 : 0;
            }
        }
        return n;
    }

    private static int scaled(int rgb, double f) {
        return ((int) Math.round(((rgb >> 16) & 0xFF) * f) << 16) | ((int) Math.round(((rgb >> 8) & 0xFF) * f) << 8)
                | (int) Math.round((rgb & 0xFF) * f);
    }

    private static int channelDistance(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)));
        }
        return d;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = new float[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
