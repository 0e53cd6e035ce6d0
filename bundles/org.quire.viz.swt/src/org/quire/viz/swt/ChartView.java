package org.quire.viz.swt;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.MessageBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.quire.api.result.ChartSpec;
import org.quire.viz.ChartCsv;
import org.quire.viz.ChartFormat;
import org.quire.viz.ChartImages;
import org.quire.viz.Charts;

/**
 * Shows a {@link ChartSpec} interactively: mouse wheel zooms around the pointer, dragging a
 * rectangle zooms into it, Ctrl+drag or the middle button pans, double-click resets the zoom,
 * hovering a point shows its series, x and y. The context menu zooms, saves the chart as PNG or SVG
 * (as currently shown, at the view's size) and copies the chart's data as CSV.
 * <p>
 * An SWT widget: create and use it on the display's thread only.
 */
public class ChartView extends Composite {

    /** Size used by {@link #saveAs(Path, ChartFormat)} while the view has no size yet, in pixels. */
    public static final int DEFAULT_WIDTH = 800;
    /** See {@link #DEFAULT_WIDTH}. */
    public static final int DEFAULT_HEIGHT = 500;

    private final InteractiveChartComposite chartComposite;
    private ChartSpec spec;

    /** A view without a chart; see {@link #setChart(ChartSpec)}. */
    public ChartView(Composite parent, int style) {
        super(parent, style);
        setLayout(new FillLayout());
        chartComposite = new InteractiveChartComposite(this);
        ChartMenu.install(this, chartComposite.canvas());
    }

    /**
     * Shows a chart (null: none). The zoom starts from the full data range.
     *
     * @throws IllegalArgumentException when the chart cannot be drawn (see
     *                                  {@link Charts#toJFreeChart(ChartSpec)}); the view then keeps
     *                                  its previous chart
     */
    public void setChart(ChartSpec spec) {
        checkWidget();
        JFreeChart chart = spec == null ? null : Charts.toJFreeChart(spec);
        if (chart != null) {
            installToolTips(chart, spec);
        }
        this.spec = spec;
        chartComposite.setChart(chart);
        chartComposite.forceRedraw();
    }

    /** The chart shown, or null. */
    public ChartSpec chart() {
        checkWidget();
        return spec;
    }

    /** The JFreeChart shown, with its current zoom, or null; changes to it show at once. */
    public JFreeChart jfreeChart() {
        checkWidget();
        return chartComposite.getChart();
    }

    /** Shows the full data range again. */
    public void resetZoom() {
        checkWidget();
        if (chartComposite.getChart() != null) {
            chartComposite.restoreAutoBounds();
        }
    }

    /** Zooms around the centre of the plot; a factor below 1 zooms in (0.5 halves the ranges). */
    public void zoom(double factor) {
        checkWidget();
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("zoom factor must be a positive number, got " + factor);
        }
        chartComposite.zoomAtCentre(factor);
    }

    /**
     * Writes the chart as shown (current zoom) at the view's current size, or at
     * {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT} while the view has no size. The file is
     * written under a temporary name and then renamed, so it is never left half written.
     *
     * @throws IllegalStateException when no chart is shown
     */
    public void saveAs(Path file, ChartFormat format) throws IOException {
        checkWidget();
        Rectangle area = getClientArea();
        boolean sized = area.width > 0 && area.height > 0;
        saveAs(file, format, sized ? area.width : DEFAULT_WIDTH, sized ? area.height : DEFAULT_HEIGHT);
    }

    /** Like {@link #saveAs(Path, ChartFormat)}, at the given size in pixels. */
    public void saveAs(Path file, ChartFormat format, int width, int height) throws IOException {
        checkWidget();
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        JFreeChart chart = chartComposite.getChart();
        if (chart == null) {
            throw new IllegalStateException("no chart to save to " + file);
        }
        Path target = file.toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                ChartImages.write(chart, format, width, height, out);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The chart's data as CSV text (see {@link ChartCsv}), or null without a chart. */
    public String dataAsCsv() {
        checkWidget();
        return spec == null ? null : ChartCsv.toCsv(spec);
    }

    /** Puts the chart's data as CSV text on the clipboard; nothing happens without a chart. */
    public void copyDataAsCsv() {
        String csv = dataAsCsv();
        if (csv == null) {
            return;
        }
        Clipboard clipboard = new Clipboard(getDisplay());
        try {
            clipboard.setContents(new Object[] { csv }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
    }

    /** Asks for a file name and saves the chart there; reports failures in a message box. */
    void saveWithDialog(ChartFormat format) {
        if (spec == null) {
            return;
        }
        FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
        dialog.setText("Save chart as " + format.name());
        dialog.setFilterExtensions(new String[] { "*." + format.extension() });
        dialog.setFilterNames(new String[] { format.name() + " (*." + format.extension() + ")" });
        dialog.setFileName(spec.name() + "." + format.extension());
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        Path file = Path.of(chosen.endsWith("." + format.extension()) ? chosen : chosen + "." + format.extension());
        try {
            saveAs(file, format);
        } catch (IOException | RuntimeException e) {
            MessageBox box = new MessageBox(getShell(), SWT.ICON_ERROR | SWT.OK);
            box.setText("Save chart");
            box.setMessage("Could not save the chart to " + file + ":\n" + e.getMessage());
            box.open();
        }
    }

    /** The composite that draws the chart, for tests. */
    InteractiveChartComposite chartComposite() {
        return chartComposite;
    }

    private static void installToolTips(JFreeChart chart, ChartSpec spec) {
        XYPlot plot = chart.getXYPlot();
        String format = spec.kind() == ChartSpec.Kind.HISTOGRAM ? "{0}: bin at {1}, count {2}" : "{0}: x = {1}, y = {2}";
        XYItemRenderer renderer = plot.getRenderer(0);
        renderer.setDefaultToolTipGenerator(new StandardXYToolTipGenerator(format, new ValueFormat(), new ValueFormat()));
    }
}
