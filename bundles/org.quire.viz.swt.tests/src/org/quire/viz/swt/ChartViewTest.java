package org.quire.viz.swt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.Series;
import org.quire.viz.ChartCsv;
import org.quire.viz.ChartFormat;
import org.quire.viz.Palette;
import org.w3c.dom.Document;

/**
 * Drives a real {@link ChartView} on an X display (Xvfb in the build). All SWT calls stay on this
 * test thread, which creates the display.
 */
class ChartViewTest {

    private static final int SHELL_WIDTH = 900;
    private static final int SHELL_HEIGHT = 600;
    /** Upper bound on event loop turns while waiting for the first paint. */
    private static final int MAX_EVENT_LOOP_TURNS = 500;

    private static Display display;
    private Shell shell;
    private ChartView view;

    @TempDir
    Path temp;

    @BeforeAll
    static void createDisplay() {
        String x = System.getenv("DISPLAY");
        assertThat(x).as("these SWT tests need an X display: run them under 'xvfb-run -a' or with DISPLAY set")
                .isNotBlank();
        display = Display.getDefault();
    }

    @AfterAll
    static void disposeDisplay() {
        if (display != null && !display.isDisposed()) {
            display.dispose();
        }
    }

    @BeforeEach
    void openShell() {
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(SHELL_WIDTH, SHELL_HEIGHT);
        view = new ChartView(shell, SWT.NONE);
        shell.open();
    }

    @AfterEach
    void closeShell() {
        if (shell != null && !shell.isDisposed()) {
            shell.dispose();
        }
        drain();
    }

    /** A sine with a widening band around it, and a cosine: two series, the first with a band. */
    static ChartSpec waveWithBand() {
        int n = 101;
        double[] x = new double[n];
        double[] sin = new double[n];
        double[] cos = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * 0.1;
            sin[i] = Math.sin(x[i]);
            cos[i] = 0.5 * Math.cos(1.3 * x[i]);
            low[i] = sin[i] - 0.2 - 0.02 * x[i];
            high[i] = sin[i] + 0.2 + 0.02 * x[i];
        }
        return ChartSpec.line("wave", "Mean response with 90 % band", "time [s]", "response",
                new Series("mean", x, sin, low, high), Series.of("reference", x, cos));
    }

    private static void drain() {
        while (display.readAndDispatch()) {
            // handle what is pending
        }
    }

    /** Runs the event loop until the chart has been painted once (its data area is known). */
    private void paint() {
        shell.layout(true, true);
        view.chartComposite().canvas().redraw();
        view.chartComposite().canvas().update();
        for (int turn = 0; turn < MAX_EVENT_LOOP_TURNS && dataArea().isEmpty(); turn++) {
            if (!display.readAndDispatch()) {
                view.chartComposite().canvas().update();
                sleepBriefly();
            }
        }
        drain();
        assertThat(dataArea().isEmpty()).as("chart painted within %d event loop turns", MAX_EVENT_LOOP_TURNS)
                .isFalse();
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Rectangle2D dataArea() {
        return view.chartComposite().getChartRenderingInfo().getPlotInfo().getDataArea();
    }

    private ValueAxis xAxis() {
        return view.jfreeChart().getXYPlot().getDomainAxis();
    }

    private ValueAxis yAxis() {
        return view.jfreeChart().getXYPlot().getRangeAxis();
    }

    private Canvas canvas() {
        return view.chartComposite().canvas();
    }

    private void mouse(int type, int x, int y, int button, int stateMask) {
        Event event = new Event();
        event.widget = canvas();
        event.display = display;
        event.x = x;
        event.y = y;
        event.button = button;
        event.stateMask = stateMask;
        event.count = type == SWT.MouseDoubleClick ? 2 : 1;
        canvas().notifyListeners(type, event);
    }

    @Test
    void showsTheChartWithItsTitleAndSeries() {
        ChartSpec spec = waveWithBand();
        view.setChart(spec);
        paint();

        JFreeChart shown = view.chartComposite().getChart();
        assertThat(view.chart()).isSameAs(spec);
        assertThat(shown).isSameAs(view.jfreeChart());
        assertThat(shown.getTitle().getText()).isEqualTo("Mean response with 90 % band");
        assertThat(shown.getXYPlot().getDataset(0).getSeriesCount()).isEqualTo(2);
        assertThat(shown.getXYPlot().getDataset(1).getSeriesCount()).as("one band").isEqualTo(1);
        assertThat(shown.getLegend()).isNotNull();
        assertThat(view.chartComposite().isDomainZoomable()).isTrue();
        assertThat(view.chartComposite().isRangeZoomable()).isTrue();
    }

    @Test
    void screenshotShowsTheLinesAndTheBandInTheirColours() throws IOException {
        view.setChart(waveWithBand());
        paint();

        Rectangle bounds = canvas().getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        ImageData data;
        GC gc = new GC(canvas());
        try {
            gc.copyArea(image, 0, 0);
            data = image.getImageData();
        } finally {
            gc.dispose();
            image.dispose();
        }
        saveScreenshot(data, "chartview.png");

        RGB line = rgb(Palette.color(0));
        RGB reference = rgb(Palette.color(1));
        // the band: the first colour at 25 % over white
        RGB band = new RGB(blend(line.red), blend(line.green), blend(line.blue));
        assertThat(count(data, line, 10)).as("pixels of the first series' line").isGreaterThan(200);
        assertThat(count(data, reference, 10)).as("pixels of the second series' line").isGreaterThan(200);
        assertThat(count(data, band, 8)).as("pixels of the shaded band").isGreaterThan(2000);
    }

    private static int blend(int channel) {
        return (int) Math.round(255 + (channel - 255) * 0.25);
    }

    private static RGB rgb(java.awt.Color c) {
        return new RGB(c.getRed(), c.getGreen(), c.getBlue());
    }

    private static int count(ImageData data, RGB colour, int tolerance) {
        int count = 0;
        for (int y = 0; y < data.height; y++) {
            for (int x = 0; x < data.width; x++) {
                RGB p = data.palette.getRGB(data.getPixel(x, y));
                if (Math.abs(p.red - colour.red) <= tolerance && Math.abs(p.green - colour.green) <= tolerance
                        && Math.abs(p.blue - colour.blue) <= tolerance) {
                    count++;
                }
            }
        }
        return count;
    }

    private void saveScreenshot(ImageData data, String name) throws IOException {
        String dir = System.getProperty("quire.screenshots");
        Path directory = dir == null || dir.isBlank() ? temp : Path.of(dir);
        Files.createDirectories(directory);
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { data };
        loader.save(directory.resolve(name).toString(), SWT.IMAGE_PNG);
    }

    @Test
    void mouseWheelZoomsAroundThePointer() {
        view.setChart(waveWithBand());
        paint();
        Rectangle screen = view.chartComposite().getScreenDataArea();
        int x = screen.x + screen.width / 3;
        int y = screen.y + screen.height / 2;
        Point2D java2D = view.chartComposite().translateScreenToJava2D(new java.awt.Point(x, y));
        double anchor = xAxis().java2DToValue(java2D.getX(), dataArea(), RectangleEdge.BOTTOM);
        Range before = xAxis().getRange();

        Event wheel = new Event();
        wheel.widget = canvas();
        wheel.display = display;
        wheel.x = x;
        wheel.y = y;
        wheel.count = 1;
        canvas().notifyListeners(SWT.MouseVerticalWheel, wheel);

        double f = InteractiveChartComposite.WHEEL_ZOOM_IN;
        Range after = xAxis().getRange();
        double tolerance = 1e-9 * before.getLength();
        assertThat(after.getLength()).isCloseTo(f * before.getLength(), within(tolerance));
        assertThat(after.getLowerBound()).isCloseTo(anchor - (anchor - before.getLowerBound()) * f, within(tolerance));
        assertThat(after.getUpperBound()).isCloseTo(anchor + (before.getUpperBound() - anchor) * f, within(tolerance));

        wheel.count = -1;
        canvas().notifyListeners(SWT.MouseVerticalWheel, wheel);
        assertThat(xAxis().getRange().getLength()).isCloseTo(before.getLength(), within(tolerance));
    }

    @Test
    void draggingARectangleZoomsIntoItAndDoubleClickResets() {
        view.setChart(waveWithBand());
        paint();
        Range fullX = xAxis().getRange();
        Range fullY = yAxis().getRange();
        Rectangle screen = view.chartComposite().getScreenDataArea();
        int x0 = screen.x + screen.width / 4;
        int x1 = screen.x + 3 * screen.width / 4;
        int y0 = screen.y + screen.height / 4;
        int y1 = screen.y + 3 * screen.height / 4;

        mouse(SWT.MouseDown, x0, y0, 1, 0);
        mouse(SWT.MouseMove, (x0 + x1) / 2, (y0 + y1) / 2, 0, SWT.BUTTON1);
        mouse(SWT.MouseMove, x1, y1, 0, SWT.BUTTON1);
        mouse(SWT.MouseUp, x1, y1, 1, SWT.BUTTON1);
        drain();

        // the middle half of both ranges, to within two pixels' worth of data
        double xPixel = fullX.getLength() / screen.width;
        double yPixel = fullY.getLength() / screen.height;
        assertThat(xAxis().getLowerBound()).isCloseTo(fullX.getLowerBound() + fullX.getLength() / 4, within(2 * xPixel));
        assertThat(xAxis().getUpperBound()).isCloseTo(fullX.getLowerBound() + 3 * fullX.getLength() / 4, within(2 * xPixel));
        assertThat(yAxis().getLowerBound()).isCloseTo(fullY.getLowerBound() + fullY.getLength() / 4, within(2 * yPixel));
        assertThat(yAxis().getUpperBound()).isCloseTo(fullY.getLowerBound() + 3 * fullY.getLength() / 4, within(2 * yPixel));

        mouse(SWT.MouseDoubleClick, x0, y0, 1, 0);
        assertThat(xAxis().getRange()).isEqualTo(fullX);
        assertThat(yAxis().getRange()).isEqualTo(fullY);
    }

    @Test
    void ctrlDragPansAndTheDataFollowsThePointer() {
        view.setChart(waveWithBand());
        paint();
        Range x = xAxis().getRange();
        Range y = yAxis().getRange();
        Rectangle screen = view.chartComposite().getScreenDataArea();
        int startX = screen.x + screen.width / 2;
        int startY = screen.y + screen.height / 2;
        int dx = screen.width / 4;
        int dy = -screen.height / 5;

        mouse(SWT.MouseDown, startX, startY, 1, SWT.MOD1);
        mouse(SWT.MouseMove, startX + dx, startY + dy, 0, SWT.MOD1 | SWT.BUTTON1);
        mouse(SWT.MouseUp, startX + dx, startY + dy, 1, SWT.MOD1 | SWT.BUTTON1);
        drain();

        // dragging right by a quarter of the width shows data a quarter of the range further left;
        // dragging up shows larger y
        double xShift = -(double) dx / screen.width * x.getLength();
        double yShift = (double) dy / screen.height * y.getLength();
        assertThat(xAxis().getLowerBound()).isCloseTo(x.getLowerBound() + xShift, within(1e-9 * x.getLength()));
        assertThat(xAxis().getRange().getLength()).isCloseTo(x.getLength(), within(1e-9 * x.getLength()));
        assertThat(yAxis().getLowerBound()).isCloseTo(y.getLowerBound() + yShift, within(1e-9 * y.getLength()));
        assertThat(yShift).isLessThan(0);
        assertThat(xShift).isLessThan(0);
    }

    @Test
    void tooltipNamesSeriesXAndY() {
        view.setChart(waveWithBand());
        paint();
        // the reference series at x = 5 (point 50): y = 0.5 cos(6.5)
        double xValue = 5.0;
        double yValue = 0.5 * Math.cos(1.3 * (50 * 0.1));
        double java2DX = xAxis().valueToJava2D(xValue, dataArea(), RectangleEdge.BOTTOM);
        double java2DY = yAxis().valueToJava2D(yValue, dataArea(), RectangleEdge.LEFT);
        java.awt.Point screen = view.chartComposite().translateJava2DToScreen(new Point2D.Double(java2DX, java2DY));

        Event event = new Event();
        event.widget = canvas();
        event.display = display;
        event.x = screen.x;
        event.y = screen.y;
        String tip = view.chartComposite().getToolTipText(new org.eclipse.swt.events.MouseEvent(event));
        assertThat(tip).isEqualTo("reference: x = 5, y = " + ValueFormat.text(yValue));
    }

    @Test
    void savesPngAndSvgThatDecode() throws Exception {
        view.setChart(waveWithBand());
        paint();
        Rectangle area = view.getClientArea();
        Path png = temp.resolve("wave.png");
        Path svg = temp.resolve("wave.svg");
        view.saveAs(png, ChartFormat.PNG);
        view.saveAs(svg, ChartFormat.SVG);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(area.width);
        assertThat(image.getHeight()).isEqualTo(area.height);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder().parse(svg.toFile());
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getAttribute("width")).isEqualTo(Integer.toString(area.width));
        assertThat(Files.readString(svg, StandardCharsets.UTF_8)).contains("Mean response with 90 % band");
        try (var files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .as("no temporary files left").containsExactlyInAnyOrder("wave.png", "wave.svg");
        }

        view.saveAs(png, ChartFormat.PNG, 300, 200);
        assertThat(ImageIO.read(png.toFile()).getWidth()).as("overwritten at the given size").isEqualTo(300);
    }

    @Test
    void contextMenuOffersSavingAndCopiesTheDataAsCsv() {
        ChartSpec spec = waveWithBand();
        view.setChart(spec);
        paint();
        List<String> texts = new ArrayList<>();
        MenuItem copy = null;
        for (MenuItem item : canvas().getMenu().getItems()) {
            texts.add(item.getText());
            if (item.getText().equals("Copy data as CSV")) {
                copy = item;
            }
        }
        assertThat(texts).contains("Zoom in", "Zoom out", "Reset zoom\tDouble-click", "Save as PNG\u2026",
                "Save as SVG\u2026", "Copy data as CSV");
        assertThat(copy).isNotNull();

        copy.notifyListeners(SWT.Selection, new Event());
        Clipboard clipboard = new Clipboard(display);
        try {
            Object contents = clipboard.getContents(TextTransfer.getInstance());
            assertThat(contents).isEqualTo(ChartCsv.toCsv(spec));
        } finally {
            clipboard.dispose();
        }
    }

    @Test
    void zoomFromTheApiAndReset() {
        view.setChart(waveWithBand());
        paint();
        Range full = xAxis().getRange();
        view.zoom(0.5);
        assertThat(xAxis().getRange().getLength()).isCloseTo(full.getLength() / 2, within(1e-9));
        assertThat(xAxis().getRange().getCentralValue()).isCloseTo(full.getCentralValue(), within(full.getLength() / 200));
        view.resetZoom();
        assertThat(xAxis().getRange()).isEqualTo(full);
        assertThatThrownBy(() -> view.zoom(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("zoom factor must be a positive number, got 0.0");
    }

    @Test
    void anInvalidChartKeepsThePreviousOneAndNullClears() {
        ChartSpec good = waveWithBand();
        view.setChart(good);
        ChartSpec bad = ChartSpec.line("bad", "Bad", "x", "y", Series.of("s", new double[] { 0, 1 },
                new double[] { 1, 2 })).withLogAxes(true, false);
        assertThatThrownBy(() -> view.setChart(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chart 'bad'");
        assertThat(view.chart()).isSameAs(good);

        view.setChart(null);
        drain();
        assertThat(view.chart()).isNull();
        assertThat(view.jfreeChart()).isNull();
        assertThat(view.dataAsCsv()).isNull();
        assertThatThrownBy(() -> view.saveAs(temp.resolve("none.png"), ChartFormat.PNG))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no chart to save");
    }

    @Test
    void valueFormatIsShortAndLocaleFree() {
        assertThat(ValueFormat.text(5.0)).isEqualTo("5");
        assertThat(ValueFormat.text(1.0 / 3)).isEqualTo("0.333333");
        assertThat(ValueFormat.text(-1234.5678)).isEqualTo("-1234.57");
        assertThat(ValueFormat.text(1.234567e-7)).isEqualTo("1.23457E-7");
        assertThat(ValueFormat.text(6.02e23)).isEqualTo("6.02E23");
        assertThat(ValueFormat.text(Double.NaN)).isEqualTo("NaN");
    }
}
