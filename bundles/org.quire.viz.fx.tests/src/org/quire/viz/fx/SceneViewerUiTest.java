package org.quire.viz.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import javax.imageio.ImageIO;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quire.api.result.PointCloud;
import org.quire.viz.scene.ColourMap;
import org.quire.viz.scene.Scene;
import org.quire.viz.scene.SceneImages;

/**
 * Drives the 3D views on an X display (Xvfb in the build): JavaFX embedded on the SWT thread, and the
 * software fallback. All SWT and JavaFX calls stay on this test thread, which creates the display.
 */
@Tag("ui")
class SceneViewerUiTest {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final long TIMEOUT_MS = 20_000;

    private static Display display;
    private Shell shell;

    @BeforeAll
    static void createDisplay() {
        assertThat(System.getenv("DISPLAY")).as("these tests need an X display: run them under 'xvfb-run -a'").isNotBlank();
        display = Display.getDefault();
    }

    @AfterAll
    static void disposeDisplay() {
        // JavaFX keeps running on this display's thread until the JVM exits; the display stays too
    }

    @BeforeEach
    void openShell() {
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(WIDTH, HEIGHT);
    }

    @AfterEach
    void closeShell() {
        System.clearProperty(SceneViewers.SOFTWARE_PROPERTY);
        if (shell != null && !shell.isDisposed()) {
            shell.dispose();
        }
        pump(() -> false, 50);
    }

    /** A red 30 x 30 grid in the plane z = 0 and a blue one above it. */
    private static Scene grids() {
        int n = 30;
        float[] red = new float[3 * n * n];
        float[] blue = new float[3 * n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int k = 3 * (i * n + j);
                red[k] = i / (float) n;
                red[k + 1] = j / (float) n;
                blue[k] = i / (float) n;
                blue[k + 1] = j / (float) n;
                blue[k + 2] = 0.5f;
            }
        }
        int[] r = new int[n * n];
        int[] b = new int[n * n];
        java.util.Arrays.fill(r, 0xFF0000);
        java.util.Arrays.fill(b, 0x0000FF);
        return Scene.builder().add(new PointCloud("red", red, null, r)).add(new PointCloud("blue", blue, null, b)).build();
    }

    @Test
    void javaFxShowsACloudInTheCanvas() throws IOException {
        SceneViewer v = javaFx();
        assertThat(System.getProperty("prism.forceGPU")).isEqualTo("true");
        v.setScene(grids());
        v.setStyle(v.style().withPointSize(4));
        shell.open();
        assertThat(pump(() -> count(v, 0xFF0000, 40) > 500 && count(v, 0x0000FF, 40) > 500, TIMEOUT_MS))
                .as("red and blue points painted by JavaFX (frames %d)", v.frames()).isTrue();
        save(v, "javafx-cloud.png");
        // what is on screen (not only what JavaFX handed over) is not blank
        assertThat(screenCount(v.control(), 0xFF0000, 40)).isGreaterThan(300);

        // a drag orbits: the camera turns by the documented angle and a new, different frame arrives
        int[] before = v.lastFrame();
        double azimuth = v.camera().azimuth();
        drag(v.control(), 300, 200, 400, 200);
        assertThat(v.camera().azimuth()).isEqualTo(azimuth - 100 * OrbitControls.DEGREES_PER_PIXEL);
        assertThat(pump(() -> !java.util.Arrays.equals(v.lastFrame(), before), TIMEOUT_MS)).isTrue();
    }

    /** A 20 x 20 grid in the plane z = 0 whose points carry the scalars 0..399, labelled {@code label}. */
    private static Scene scalarGrid(String label) {
        int n = 400;
        float[] xyz = new float[3 * n];
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            xyz[3 * i] = (i % 20) / 20f;
            xyz[3 * i + 1] = (i / 20) / 20f;
            s[i] = i;
        }
        return Scene.of(new PointCloud("residuals", xyz, null, null, s, label));
    }

    @Test
    void javaFxColoursScalarsThroughTheMapWithALegend() throws IOException {
        SceneViewer v = javaFx();
        v.setStyle(v.style().withPointSize(5));
        v.setScene(scalarGrid("residual (mm)"));
        shell.open();
        int yellow = ColourMap.VIRIDIS.rgb(1);
        int purple = ColourMap.VIRIDIS.rgb(0);
        // the colour bar alone has well over 16 x 100 pixels of each end colour's neighbourhood
        assertThat(pump(() -> count(v, yellow, 24) > 200 && count(v, purple, 24) > 200, TIMEOUT_MS)).isTrue();
        save(v, "javafx-scalars.png");
    }

    /**
     * A legend label that wraps to several lines (the registration residual map's) must not feed back into the
     * layout: the sub-scene keeps the canvas height and the colour bar shows (a bar bound to the legend's height once
     * grew the scene by 12 pixels a pulse, past JavaFX's maximum texture size, and the view stopped repainting).
     */
    @Test
    void aLongLegendLabelKeepsTheSceneItsCanvasSize() throws IOException {
        SceneViewer v = javaFx();
        v.setScene(scalarGrid("signed distance to the reference surface of the registered blade scan (model units,"
                + " clipped at 0.354 model units either side)"));
        shell.open();
        int yellow = ColourMap.VIRIDIS.rgb(1);
        assertThat(pump(() -> count(v, yellow, 24) > 200, TIMEOUT_MS)).isTrue();
        pump(() -> false, 1500); // layout passes: a feedback loop would keep growing the scene meanwhile
        int canvasHeight = v.control().getSize().y;
        assertThat(((FxSceneViewer) v).subSceneHeight()).isEqualTo(canvasHeight);
        save(v, "javafx-long-legend.png");
        int frames = v.frames();
        v.setScene(scalarGrid("another long label that wraps over a few lines"));
        assertThat(pump(() -> v.frames() > frames && count(v, yellow, 24) > 200, TIMEOUT_MS))
                .as("a new frame after the scene changed").isTrue();
        assertThat(v.lastFrameSize()).isEqualTo(v.control().getSize());
    }

    @Test
    void cloudMeshesHoldOneTetrahedronPerShownPointAroundIt() {
        javaFx(); // JavaFX images need the toolkit
        float[] xyz = new float[30];
        int[] colours = new int[10];
        for (int i = 0; i < 10; i++) {
            xyz[3 * i] = i;
            xyz[3 * i + 1] = 2 * i;
            xyz[3 * i + 2] = -i;
            colours[i] = i < 5 ? 0xFF0000 : 0x00FF00;
        }
        PointCloud c = new PointCloud("c", xyz, null, null);
        // every 3rd point: 0, 3, 6, 9; centre (1, 1, 1), scale 10, circumradius 0.5
        javafx.scene.shape.MeshView view = FxSceneViewer.cloudView(c, colours, 1, 1, 1, 10, 0.5, 3);
        javafx.scene.shape.TriangleMesh mesh = (javafx.scene.shape.TriangleMesh) view.getMesh();
        assertThat(mesh.getPoints().size()).isEqualTo(4 * 4 * 3);
        assertThat(mesh.getFaces().size()).isEqualTo(4 * 4 * 6);
        assertThat(mesh.getTexCoords().size()).isEqualTo(2 * 2); // two colours
        for (int t = 0; t < 4; t++) {
            int p = 3 * t;
            double[] centre = new double[3];
            for (int v = 0; v < 4; v++) {
                for (int a = 0; a < 3; a++) {
                    centre[a] += mesh.getPoints().get(12 * t + 3 * v + a) / 4.0;
                }
                double dx = mesh.getPoints().get(12 * t + 3 * v) - (p - 1) * 10.0;
                double dy = mesh.getPoints().get(12 * t + 3 * v + 1) - (2 * p - 1) * 10.0;
                double dz = mesh.getPoints().get(12 * t + 3 * v + 2) - (-p - 1) * 10.0;
                assertThat(Math.sqrt(dx * dx + dy * dy + dz * dz)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-5));
            }
            assertThat(centre).containsExactly(new double[] { (p - 1) * 10.0, (2 * p - 1) * 10.0, (-p - 1) * 10.0 },
                    org.assertj.core.data.Offset.offset(1e-4));
            // the faces of point p use the texel of its colour: red (texel 0) for p < 5, green (texel 1) after
            assertThat(mesh.getFaces().get(24 * t + 1)).isEqualTo(p < 5 ? 0 : 1);
        }
    }

    @Test
    void fallsBackToTheSoftwareRendererWhenJavaFxFails() {
        SceneViewer v = SceneViewers.create(shell, p -> {
            throw new UnsupportedOperationException("no OpenGL here");
        });
        assertThat(v.kind()).isEqualTo(SceneViewer.Kind.SOFTWARE);
        assertThat(SceneViewers.lastChoice()).contains("software renderer", "no OpenGL here");
        Scene scene = grids();
        v.setScene(scene);
        shell.open();
        assertThat(pump(() -> v.frames() > 0, TIMEOUT_MS)).isTrue();
        // the frame is exactly the software renderer's picture of that size
        Point size = v.lastFrameSize();
        assertThat(v.lastFrame()).isEqualTo(SceneImages.render(scene, v.camera(), v.style(), size.x, size.y).argb());
        assertThat(count(v, 0xFF0000, 0)).isGreaterThan(500);
        assertThat(screenCount(v.control(), 0xFF0000, 40)).isGreaterThan(300);

        int frames = v.frames();
        drag(v.control(), 300, 200, 300, 260);
        assertThat(v.camera().elevation()).isEqualTo(Math.min(89, 25 + 60 * OrbitControls.DEGREES_PER_PIXEL));
        assertThat(pump(() -> v.frames() > frames, TIMEOUT_MS)).as("re-rendered after the drag").isTrue();
        v.control().notifyListeners(SWT.MouseVerticalWheel, wheel(3));
        assertThat(v.camera().zoom()).isEqualTo(OrbitControls.ZOOM_PER_NOTCH);
    }

    @Test
    void theSystemPropertyForcesTheSoftwareRenderer() {
        System.setProperty(SceneViewers.SOFTWARE_PROPERTY, "true");
        SceneViewer v = SceneViewers.create(shell);
        assertThat(v.kind()).isEqualTo(SceneViewer.Kind.SOFTWARE);
        assertThat(SceneViewers.lastChoice()).contains(SceneViewers.SOFTWARE_PROPERTY);
    }

    /**
     * A view that must be JavaFX where an OpenGL library is installed (Mesa's software GL is enough under Xvfb);
     * on a machine without one the JavaFX tests are skipped, saying so (the fallback has its own test).
     */
    private SceneViewer javaFx() {
        SceneViewer v = SceneViewers.create(shell);
        if (v.kind() != SceneViewer.Kind.JAVAFX) {
            assertThat(openGlInstalled()).as("JavaFX 3D did not start although libGL is installed: %s",
                    SceneViewers.lastChoice()).isFalse();
            Assumptions.assumeTrue(false, "no OpenGL library (libGL.so.1) here, JavaFX 3D cannot run: "
                    + SceneViewers.lastChoice());
        }
        return v;
    }

    private static boolean openGlInstalled() {
        for (String dir : new String[] { "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib" }) {
            if (Files.exists(Path.of(dir, "libGL.so.1"))) {
                return true;
            }
        }
        return false;
    }

    private static Event wheel(int count) {
        Event e = new Event();
        e.count = count;
        return e;
    }

    private static void drag(Control c, int x0, int y0, int x1, int y1) {
        Event down = new Event();
        down.button = 1;
        down.x = x0;
        down.y = y0;
        c.notifyListeners(SWT.MouseDown, down);
        Event move = new Event();
        move.x = x1;
        move.y = y1;
        move.stateMask = SWT.BUTTON1;
        c.notifyListeners(SWT.MouseMove, move);
        Event up = new Event();
        up.button = 1;
        up.x = x1;
        up.y = y1;
        up.stateMask = SWT.BUTTON1;
        c.notifyListeners(SWT.MouseUp, up);
    }

    /** Pixels of the last frame within {@code tolerance} of {@code rgb} on every channel. */
    private static int count(SceneViewer v, int rgb, int tolerance) {
        int[] f = v.lastFrame();
        return f == null ? 0 : count(f, rgb, tolerance);
    }

    private static int count(int[] pixels, int rgb, int tolerance) {
        int n = 0;
        for (int p : pixels) {
            if (Math.abs(((p >> 16) & 0xFF) - ((rgb >> 16) & 0xFF)) <= tolerance
                    && Math.abs(((p >> 8) & 0xFF) - ((rgb >> 8) & 0xFF)) <= tolerance
                    && Math.abs((p & 0xFF) - (rgb & 0xFF)) <= tolerance) {
                n++;
            }
        }
        return n;
    }

    /** Like {@link #count(int[], int, int)} for the control's pixels as shown on the display. */
    private static int screenCount(Control c, int rgb, int tolerance) {
        Point size = c.getSize();
        Image img = new Image(display, size.x, size.y);
        GC gc = new GC(c);
        try {
            gc.copyArea(img, 0, 0);
            ImageData d = img.getImageData();
            int[] pixels = new int[size.x * size.y];
            for (int y = 0; y < size.y; y++) {
                for (int x = 0; x < size.x; x++) {
                    org.eclipse.swt.graphics.RGB p = d.palette.getRGB(d.getPixel(x, y));
                    pixels[y * size.x + x] = (p.red << 16) | (p.green << 8) | p.blue;
                }
            }
            return count(pixels, rgb, tolerance);
        } finally {
            gc.dispose();
            img.dispose();
        }
    }

    private static boolean pump(BooleanSupplier done, long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            if (done.getAsBoolean()) {
                return true;
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> {
                });
                display.sleep();
            }
        }
        return done.getAsBoolean();
    }

    private static void save(SceneViewer v, String name) throws IOException {
        String dir = System.getProperty("quire.screenshots");
        if (dir == null || v.lastFrame() == null) {
            return;
        }
        Point s = v.lastFrameSize();
        BufferedImage img = new BufferedImage(s.x, s.y, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, s.x, s.y, v.lastFrame(), 0, s.x);
        Files.createDirectories(Path.of(dir));
        ImageIO.write(img, "png", Path.of(dir, name).toFile());
    }
}
