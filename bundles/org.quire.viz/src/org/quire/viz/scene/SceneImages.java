package org.quire.viz.scene;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.quire.api.result.Mesh;
import org.quire.api.result.PointCloud;

/**
 * Renders a {@link Scene} into an image without a display. Points are round splats, meshes flat-shaded
 * triangles (Lambert, two-sided, a light from the upper right behind the viewer plus 25 % ambient), all
 * through one z-buffer. Points are drawn {@value #POINT_DEPTH_BIAS} bounding-sphere radii nearer than they
 * are, so that a cloud sampled on a mesh shows on it. With overlays: a legend of item names top left, an
 * axes triad bottom left (x vermillion, y green, z blue) and, when a cloud is coloured by scalars, a colour
 * bar on the right with the scalar label and the min and max values. Stateless and thread-safe; the same
 * input gives the same pixels and the same PNG bytes.
 */
public final class SceneImages {

    /** The largest width or height accepted, in pixels. */
    public static final int MAX_SIZE = 10_000;

    /** Depth bias of points towards the eye, in bounding-sphere radii. */
    public static final double POINT_DEPTH_BIAS = 0.005;

    /** Width of the strip on the right that holds the colour bar, pixels. */
    public static final int COLOUR_BAR_STRIP = 120;

    /** Fraction of the light that is ambient. */
    public static final double AMBIENT = 0.25;

    /** Most legend entries shown; more items are summarised as "+ n more". */
    static final int LEGEND_ENTRIES = 10;

    private static final int AXIS_X = 0xD55E00;
    private static final int AXIS_Y = 0x009E73;
    private static final int AXIS_Z = 0x0072B2;
    private static final Color TEXT = new Color(0x202020);

    private SceneImages() {
    }

    /**
     * Renders the scene.
     *
     * @param scene  what to show; must not be {@linkplain Scene#isEmpty() empty}
     * @param camera the camera
     * @param style  how to draw
     * @param width  picture width, pixels, 1..{@value #MAX_SIZE}
     * @param height picture height, pixels, 1..{@value #MAX_SIZE}
     * @throws IllegalArgumentException when the scene is empty, holds a non-finite coordinate, or the size is
     *                                  out of range
     */
    public static SceneRendering render(Scene scene, Camera camera, SceneStyle style, int width, int height) {
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(style, "style");
        if (width < 1 || width > MAX_SIZE || height < 1 || height > MAX_SIZE) {
            throw new IllegalArgumentException("scene: width and height must be between 1 and " + MAX_SIZE
                    + " pixels, got " + width + " x " + height);
        }
        double[] bounds = scene.bounds(); // fails on an empty scene
        boolean overlays = style.overlays() && width >= 160 && height >= 120;
        ScalarRange range = scene.scalarRange(style.colourMode());
        boolean bar = overlays && range != null && width >= 2 * COLOUR_BAR_STRIP;
        int viewWidth = bar ? width - COLOUR_BAR_STRIP : width;
        ViewTransform view = new ViewTransform(bounds, camera, 0, 0, viewWidth, height);

        Raster raster = new Raster(width, height, style.background());
        long points = 0;
        for (PointCloud c : scene.clouds()) {
            points += c.size();
        }
        double size = style.pointSize(points);
        for (Scene.Item item : scene.items()) {
            if (item.cloud() != null) {
                drawCloud(raster, view, scene, item, style, range, size);
            } else {
                drawMesh(raster, view, item.mesh(), Scene.meshColour(item.index()));
            }
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, raster.argb, 0, width);
        ColourBar colourBar = null;
        if (overlays) {
            Graphics2D g = image.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                legend(g, scene, style);
                axes(g, view, height);
                if (bar) {
                    colourBar = colourBar(g, image, style.colourMap(), range, viewWidth, height);
                }
            } finally {
                g.dispose();
            }
        }
        return new SceneRendering(image, view, colourBar);
    }

    /** Renders the scene with the {@linkplain Camera#standard() standard camera} and style. */
    public static SceneRendering render(Scene scene, int width, int height) {
        return render(scene, Camera.standard(), SceneStyle.standard(), width, height);
    }

    /** Renders the scene with the standard camera and style and writes it as PNG (the stream is flushed, not closed). */
    public static void writePng(Scene scene, int width, int height, OutputStream out) throws IOException {
        writePng(render(scene, width, height).image(), out);
    }

    /** Writes a picture as PNG (the stream is flushed, not closed). */
    public static void writePng(BufferedImage image, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG image writer in this Java runtime (javax.imageio)");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
        } finally {
            writer.dispose();
        }
        out.flush();
    }

    private static void drawCloud(Raster raster, ViewTransform view, Scene scene, Scene.Item item, SceneStyle style,
            ScalarRange range, double size) {
        PointCloud c = item.cloud();
        float[] xyz = c.xyz();
        int[] colours = scene.pointColours(item, style.colourMode(), style.colourMap(), range);
        double bias = POINT_DEPTH_BIAS * view.radius();
        double[] p = new double[3];
        for (int i = 0; i < colours.length; i++) {
            view.project(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2], p);
            if (view.visible(p[2])) {
                raster.splat(p[0], p[1], (float) (p[2] + bias), size, colours[i]);
            }
        }
    }

    private static void drawMesh(Raster raster, ViewTransform view, Mesh mesh, int base) {
        float[] v = mesh.vertices();
        int[] t = mesh.triangles();
        int n = v.length / 3;
        double[] px = new double[n];
        double[] py = new double[n];
        double[] pz = new double[n];
        boolean[] ok = new boolean[n];
        double[] p = new double[3];
        for (int i = 0; i < n; i++) {
            view.project(v[3 * i], v[3 * i + 1], v[3 * i + 2], p);
            px[i] = p[0];
            py[i] = p[1];
            pz[i] = p[2];
            ok[i] = view.visible(p[2]);
        }
        double[] r = view.right();
        double[] u = view.up();
        double[] b = view.back();
        double lx = 0.35 * r[0] + 0.5 * u[0] + b[0];
        double ly = 0.35 * r[1] + 0.5 * u[1] + b[1];
        double lz = 0.35 * r[2] + 0.5 * u[2] + b[2];
        double ln = Math.sqrt(lx * lx + ly * ly + lz * lz);
        lx /= ln;
        ly /= ln;
        lz /= ln;
        for (int k = 0; k < t.length; k += 3) {
            int a = t[k];
            int bb = t[k + 1];
            int c = t[k + 2];
            if (!ok[a] || !ok[bb] || !ok[c]) {
                continue;
            }
            double e1x = v[3 * bb] - v[3 * a];
            double e1y = v[3 * bb + 1] - v[3 * a + 1];
            double e1z = v[3 * bb + 2] - v[3 * a + 2];
            double e2x = v[3 * c] - v[3 * a];
            double e2y = v[3 * c + 1] - v[3 * a + 1];
            double e2z = v[3 * c + 2] - v[3 * a + 2];
            double nx = e1y * e2z - e1z * e2y;
            double ny = e1z * e2x - e1x * e2z;
            double nz = e1x * e2y - e1y * e2x;
            double nn = Math.sqrt(nx * nx + ny * ny + nz * nz);
            if (!(nn > 0)) {
                continue;
            }
            double shade = AMBIENT + (1 - AMBIENT) * Math.abs((nx * lx + ny * ly + nz * lz) / nn);
            raster.triangle(px[a], py[a], pz[a], px[bb], py[bb], pz[bb], px[c], py[c], pz[c], scale(base, shade));
        }
    }

    static int scale(int rgb, double f) {
        int r = (int) Math.round(((rgb >> 16) & 0xFF) * f);
        int g = (int) Math.round(((rgb >> 8) & 0xFF) * f);
        int b = (int) Math.round((rgb & 0xFF) * f);
        return (Math.min(255, r) << 16) | (Math.min(255, g) << 8) | Math.min(255, b);
    }

    private static void legend(Graphics2D g, Scene scene, SceneStyle style) {
        FontMetrics fm = g.getFontMetrics();
        int line = fm.getHeight() + 2;
        int y = 8;
        List<Scene.Item> items = scene.items();
        for (int k = 0; k < items.size() && k < LEGEND_ENTRIES; k++) {
            Scene.Item it = items.get(k);
            String text;
            if (it.cloud() != null) {
                PointCloud c = it.cloud();
                text = it.name() + " (" + c.size() + (c.size() == 1 ? " point" : " points")
                        + (Scene.byScalar(c, style.colourMode()) ? ", by " + c.scalarLabel()
                                : Scene.byRgb(c, style.colourMode()) ? ", rgb" : "")
                        + ")";
                g.setColor(new Color(Scene.byScalar(c, style.colourMode()) ? style.colourMap().rgb(0.5)
                        : Scene.byRgb(c, style.colourMode()) ? c.rgb()[0] & 0xFFFFFF : Scene.itemColour(it.index())));
            } else {
                Mesh m = it.mesh();
                text = it.name() + " (" + m.triangleCount() + (m.triangleCount() == 1 ? " triangle" : " triangles") + ")";
                g.setColor(new Color(Scene.meshColour(it.index())));
            }
            if (it.cloud() != null) {
                g.fillOval(8, y + (line - 10) / 2, 10, 10);
            } else {
                g.fillRect(8, y + (line - 10) / 2, 10, 10);
            }
            g.setColor(TEXT);
            g.drawString(text, 24, y + fm.getAscent() + 1);
            y += line;
        }
        if (items.size() > LEGEND_ENTRIES) {
            g.setColor(TEXT);
            g.drawString("+ " + (items.size() - LEGEND_ENTRIES) + " more", 24, y + fm.getAscent() + 1);
        }
    }

    private static void axes(Graphics2D g, ViewTransform view, int height) {
        double[] r = view.right();
        double[] u = view.up();
        double[] b = view.back();
        int ox = 40;
        int oy = height - 40;
        double len = 26;
        Integer[] order = { 0, 1, 2 };
        java.util.Arrays.sort(order, (i, j) -> Double.compare(b[i], b[j])); // farthest first
        String[] names = { "x", "y", "z" };
        int[] colours = { AXIS_X, AXIS_Y, AXIS_Z };
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        FontMetrics fm = g.getFontMetrics();
        for (int k : order) {
            double dx = r[k] * len;
            double dy = -u[k] * len;
            g.setColor(new Color(colours[k]));
            g.drawLine(ox, oy, (int) Math.round(ox + dx), (int) Math.round(oy + dy));
            int tx = (int) Math.round(ox + dx * 1.35 - fm.stringWidth(names[k]) / 2.0);
            int ty = (int) Math.round(oy + dy * 1.35 + fm.getAscent() / 2.0 - 1);
            g.drawString(names[k], tx, ty);
        }
    }

    private static ColourBar colourBar(Graphics2D g, BufferedImage image, ColourMap map, ScalarRange range, int left,
            int height) {
        int barX = left + 36;
        int barW = 16;
        int barY = 28;
        int barH = Math.max(2, height - 2 * barY);
        for (int j = 0; j < barH; j++) {
            double t = barH == 1 ? 1 : 1 - j / (double) (barH - 1);
            int c = 0xFF000000 | map.rgb(t);
            for (int i = 0; i < barW; i++) {
                image.setRGB(barX + i, barY + j, c);
            }
        }
        ColourBar bar = new ColourBar(range, barX, barY, barW, barH);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(TEXT);
        g.setStroke(new BasicStroke(1f));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.drawRect(barX - 1, barY - 1, barW + 1, barH + 1); // a frame just outside the bar's pixels
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.drawString(bar.maxText(), barX + barW + 5, barY + fm.getAscent() / 2);
        g.drawString(bar.minText(), barX + barW + 5, barY + barH - 1 + fm.getAscent() / 2);
        // the label, rotated, along the left of the bar
        AffineTransform saved = g.getTransform();
        String label = range.label();
        int tw = fm.stringWidth(label);
        g.translate(barX - 8, barY + barH / 2.0 + tw / 2.0);
        g.rotate(-Math.PI / 2);
        g.drawString(label, 0, 0);
        g.setTransform(saved);
        return bar;
    }
}
