package org.quire.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.Series;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartImagesTest {

    /** Per-channel tolerance when matching a palette colour (anti-aliasing blends edges only). */
    private static final int COLOUR_TOLERANCE = 12;

    /** A flat line at y = 2 (first colour) and a ramp from (0, 0) to (10, 4) (second colour). */
    private static ChartSpec levelAndRamp() {
        double[] x = new double[11];
        double[] level = new double[11];
        double[] ramp = new double[11];
        for (int i = 0; i <= 10; i++) {
            x[i] = i;
            level[i] = 2;
            ramp[i] = 0.4 * i;
        }
        return ChartSpec.line("level", "Level and ramp", "time [s]", "height [m]", Series.of("level", x, level),
                Series.of("ramp", x, ramp));
    }

    private static byte[] png(ChartSpec spec, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartImages.writePng(spec, width, height, out);
        return out.toByteArray();
    }

    private static byte[] svg(ChartSpec spec, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartImages.writeSvg(spec, width, height, out);
        return out.toByteArray();
    }

    @Test
    void rendersWithoutADisplay() throws IOException {
        // the test runtime sets java.awt.headless=true (pom.xml): everything here runs without a display
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
        assertThat(png(levelAndRamp(), 50, 40)).isNotEmpty();
    }

    @Test
    void pngDecodesToTheRequestedSize() throws IOException {
        byte[] bytes = png(levelAndRamp(), 640, 400);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(400);
        saveSample("level-and-ramp.png", bytes);
    }

    @Test
    void seriesAreDrawnInTheirPaletteColoursAtTheirRows() {
        ChartSpec spec = levelAndRamp();
        JFreeChart chart = Charts.toJFreeChart(spec);
        int width = 600;
        int height = 400;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ChartRenderingInfo info = new ChartRenderingInfo();
        java.awt.Graphics2D g2 = image.createGraphics();
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), info);
        g2.dispose();
        Rectangle2D data = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();

        // y data range [0, 4] with a 5 % margin above; none below, as the range starts at zero
        assertThat(plot.getRangeAxis().getLowerBound()).isEqualTo(0.0);
        assertThat(plot.getRangeAxis().getUpperBound()).isCloseTo(4.2, within(1e-12));
        double levelRow = data.getMinY() + data.getHeight() * (4.2 - 2) / 4.2;
        double rampRow = data.getMinY() + data.getHeight() * (4.2 - 0.4) / 4.2; // ramp at x = 1
        int column = (int) Math.round(plot.getDomainAxis().valueToJava2D(1, data, RectangleEdge.BOTTOM));

        List<Integer> levelRows = rowsInColour(image, column, data, Palette.color(0));
        List<Integer> rampRows = rowsInColour(image, column, data, Palette.color(1));
        assertThat(levelRows).as("rows of the first palette colour in column %d", column).isNotEmpty()
                .allSatisfy(row -> assertThat(row + 0.5).isCloseTo(levelRow, within((double) Palette.LINE_WIDTH)));
        assertThat(rampRows).as("rows of the second palette colour").isNotEmpty()
                .allSatisfy(row -> assertThat(row + 0.5).isCloseTo(rampRow, within(Palette.LINE_WIDTH + 1.0)));
        // the background of the data area stays white away from the lines
        int emptyRow = (int) (data.getMinY() + data.getHeight() * 0.2);
        assertThat(new Color(image.getRGB(column + 3, emptyRow))).isEqualTo(Color.WHITE);
    }

    private static List<Integer> rowsInColour(BufferedImage image, int column, Rectangle2D data, Color colour) {
        List<Integer> rows = new ArrayList<>();
        for (int row = (int) Math.ceil(data.getMinY()); row < (int) data.getMaxY(); row++) {
            Color c = new Color(image.getRGB(column, row));
            if (Math.abs(c.getRed() - colour.getRed()) <= COLOUR_TOLERANCE
                    && Math.abs(c.getGreen() - colour.getGreen()) <= COLOUR_TOLERANCE
                    && Math.abs(c.getBlue() - colour.getBlue()) <= COLOUR_TOLERANCE) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void renderingTwiceGivesIdenticalBytes() throws IOException {
        double[] y = new double[500];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(i / 20.0);
        }
        ChartSpec spec = ChartSpec.line("wave", "Wave", "i", "sin", new Series("s", Series.indexed("s", y).x(), y,
                y.clone(), y.clone()));
        assertThat(png(spec, 500, 300)).isEqualTo(png(spec, 500, 300));
        assertThat(svg(spec, 500, 300)).isEqualTo(svg(spec, 500, 300));
    }

    @Test
    void svgIsAStandaloneDocumentWithSizeAndTextAsText() throws Exception {
        ChartSpec spec = ChartSpec.line("units", "Größe über Zeit µ", "t [s]", "Größe [µm]",
                Series.of("a", new double[] { 0, 1, 2 }, new double[] { 1, 3, 2 }),
                Series.of("b", new double[] { 0, 1, 2 }, new double[] { 2, 1, 0 }));
        byte[] bytes = svg(spec, 720, 450);
        saveSample("units.svg", bytes);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        // the document names the SVG 1.0 DTD; do not fetch it
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        Element root = document.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("width")).isEqualTo("720");
        assertThat(root.getAttribute("height")).isEqualTo("450");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 720 450");

        NodeList texts = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            strings.add(texts.item(i).getTextContent());
        }
        assertThat(strings).contains("Größe über Zeit µ", "t [s]", "Größe [µm]", "a", "b");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("Größe über Zeit µ");
    }

    @Test
    void everyKindRendersToPngAndSvg() throws IOException {
        double[] values = new double[300];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp(Math.sin(i * 0.37) * 2);
        }
        List<ChartSpec> specs = List.of(
                ChartSpec.scatter("scatter", "Scatter", "x", "y", Series.indexed("v", values)).withLogAxes(false, true),
                ChartSpec.histogram("hist", "Histogram", "value", 25, values).withLogAxes(true, true),
                ChartSpec.line("loglog", "Log-log", "x", "y", Series.of("v", values, values)).withLogAxes(true, true));
        for (ChartSpec spec : specs) {
            byte[] png = png(spec, 400, 300);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).as(spec.name()).isEqualTo(400);
            assertThat(countColour(image, Palette.color(0))).as("%s: pixels in the series colour", spec.name())
                    .isGreaterThan(50);
            assertThat(new String(svg(spec, 400, 300), StandardCharsets.UTF_8)).contains(spec.title());
            saveSample(spec.name() + ".png", png);
        }
    }

    private static int countColour(BufferedImage image, Color colour) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void renderGivesAnImageOfTheRequestedSize() {
        BufferedImage image = ChartImages.render(levelAndRamp(), 321, 123);
        assertThat(image.getWidth()).isEqualTo(321);
        assertThat(image.getHeight()).isEqualTo(123);
    }

    @Test
    void sizesOutsideTheRangeAreRejected() {
        assertThatThrownBy(() -> ChartImages.writePng(levelAndRamp(), 0, 10, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chart 'level': width and height must be between 1 and 10000 pixels, got 0 x 10");
        assertThatThrownBy(() -> ChartImages.writeSvg(levelAndRamp(), 10, 10_001, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 10 x 10001");
    }

    @Test
    void writeDispatchesOnTheFormat() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ChartImages.write(levelAndRamp(), ChartFormat.PNG, 100, 80, png);
        assertThat(png.toByteArray()).startsWith(0x89, 'P', 'N', 'G');
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        ChartImages.write(levelAndRamp(), ChartFormat.SVG, 100, 80, svg);
        assertThat(svg.toString(StandardCharsets.UTF_8)).startsWith("<?xml").contains("<svg");
    }

    /** Keeps a sample for a person to look at when the build names a directory (quire.chartSamples). */
    private static void saveSample(String name, byte[] bytes) throws IOException {
        String dir = System.getProperty("quire.chartSamples");
        if (dir != null && !dir.isBlank()) {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name), bytes);
        }
    }
}
