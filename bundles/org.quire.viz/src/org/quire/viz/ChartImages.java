package org.quire.viz;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Objects;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.jfree.chart.JFreeChart;
import org.quire.api.result.ChartSpec;

/**
 * Writes charts as PNG or SVG, without a display. Sizes are in pixels (SVG user units), from 1 to
 * {@value #MAX_SIZE}. The output streams are flushed, never closed. Stateless and thread-safe for
 * chart specifications; a {@link JFreeChart} passed in must not be changed by another thread
 * meanwhile. The same input gives the same bytes.
 */
public final class ChartImages {

    /** The largest width or height accepted, in pixels. */
    public static final int MAX_SIZE = 10_000;

    private ChartImages() {
    }

    /** Draws the chart for {@code spec} into a new RGB image of the given size. */
    public static BufferedImage render(ChartSpec spec, int width, int height) {
        checkSize(spec.name(), width, height);
        return render(Charts.toJFreeChart(spec), width, height);
    }

    /** Draws a chart into a new RGB image of the given size, on a white background. */
    public static BufferedImage render(JFreeChart chart, int width, int height) {
        checkSize(title(chart), width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setColor(ChartStyle.BACKGROUND);
            g2.fillRect(0, 0, width, height);
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        return image;
    }

    /** Writes the chart for {@code spec} as PNG. */
    public static void writePng(ChartSpec spec, int width, int height, OutputStream out) throws IOException {
        checkSize(spec.name(), width, height);
        writePng(Charts.toJFreeChart(spec), width, height, out);
    }

    /** Writes a chart as PNG. */
    public static void writePng(JFreeChart chart, int width, int height, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        BufferedImage image = render(chart, width, height);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG image writer in this Java runtime (javax.imageio)");
        }
        ImageWriter writer = writers.next();
        // an in-memory cache: no temporary files; closing it does not close 'out'
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
        } finally {
            writer.dispose();
        }
        out.flush();
    }

    /** Writes the chart for {@code spec} as a standalone SVG document (UTF-8, text as text). */
    public static void writeSvg(ChartSpec spec, int width, int height, OutputStream out) throws IOException {
        checkSize(spec.name(), width, height);
        writeSvg(Charts.toJFreeChart(spec), width, height, out);
    }

    /** Writes a chart as a standalone SVG document (UTF-8, text as text). */
    public static void writeSvg(JFreeChart chart, int width, int height, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        checkSize(title(chart), width, height);
        // Batik is only touched from there: PNG output works even where Batik is missing
        SvgChartWriter.write(chart, width, height, out);
    }

    /** Writes the chart for {@code spec} in the given format. */
    public static void write(ChartSpec spec, ChartFormat format, int width, int height, OutputStream out)
            throws IOException {
        switch (Objects.requireNonNull(format, "format")) {
            case PNG -> writePng(spec, width, height, out);
            case SVG -> writeSvg(spec, width, height, out);
        }
    }

    /** Writes a chart in the given format. */
    public static void write(JFreeChart chart, ChartFormat format, int width, int height, OutputStream out)
            throws IOException {
        switch (Objects.requireNonNull(format, "format")) {
            case PNG -> writePng(chart, width, height, out);
            case SVG -> writeSvg(chart, width, height, out);
        }
    }

    private static String title(JFreeChart chart) {
        Objects.requireNonNull(chart, "chart");
        return chart.getTitle() == null ? "(untitled)" : chart.getTitle().getText();
    }

    private static void checkSize(String chart, int width, int height) {
        if (width < 1 || width > MAX_SIZE || height < 1 || height > MAX_SIZE) {
            throw new IllegalArgumentException("chart '" + chart + "': width and height must be between 1 and "
                    + MAX_SIZE + " pixels, got " + width + " x " + height);
        }
    }
}
