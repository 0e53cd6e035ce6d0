package org.quire.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.data.Range;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYDataset;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.Series;

/**
 * Builds JFreeChart charts from chart specifications, in the Quire theme (white background, light
 * grey grid, Okabe-Ito colours from {@link Palette}, anti-aliased).
 * <ul>
 * <li>{@code LINE}: dataset 0 holds the lines (one XY series per chart series); series with a band
 * add it to dataset 1 (y intervals), drawn underneath as a translucent area in the series colour.</li>
 * <li>{@code SCATTER}: markers only; bands (dataset 1) are drawn as vertical error bars.</li>
 * <li>{@code HISTOGRAM}: the y values of each series binned into {@code bins} equal bins over one
 * common range (a {@link HistogramDataset}).</li>
 * </ul>
 * A legend is shown only with more than one series. Points with NaN or infinite values are left out
 * (a gap in a line) and a note under the title says how many. Stateless and thread-safe: every call
 * returns a new chart, which is then confined to the caller's thread.
 * <p>
 * Loading this class turns off JFreeChart's JVM-wide "rotated string workaround" (a fix for Java 1.4
 * era text bugs) so that rotated text such as the y axis label is drawn with {@code drawString}:
 * it then stays text, not glyph outlines, in SVG output.
 */
public final class Charts {

    static {
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    /** Diameter of scatter markers and of the marker of one-point line series, in pixels. */
    static final double MARKER_SIZE = 6.0;

    /** Opacity of histogram bars when several series overlap. */
    static final int OVERLAP_BAR_ALPHA = 150;

    private Charts() {
    }

    /**
     * The chart for a specification.
     *
     * @throws IllegalArgumentException when two series share a name, or a logarithmic axis would get
     *                                  a value &lt;= 0 (the message names the chart, series, point
     *                                  and value)
     */
    public static JFreeChart toJFreeChart(ChartSpec spec) {
        Objects.requireNonNull(spec, "chart spec");
        ChartChecks.check(spec);
        ChartDatasets.Omitted omitted = new ChartDatasets.Omitted();
        XYPlot plot = spec.kind() == ChartSpec.Kind.HISTOGRAM ? histogramPlot(spec, omitted) : xyPlot(spec, omitted);
        ChartStyle.plot(plot);
        JFreeChart chart = new JFreeChart(spec.title(), ChartStyle.TITLE_FONT, plot, spec.series().size() > 1);
        if (omitted.points() > 0) {
            chart.addSubtitle(ChartStyle.note(omitted.points() == 1
                    ? "1 point with a NaN or infinite value is not drawn"
                    : omitted.points() + " points with NaN or infinite values are not drawn"));
        }
        ChartStyle.chart(chart);
        return chart;
    }

    private static XYPlot xyPlot(ChartSpec spec, ChartDatasets.Omitted omitted) {
        List<Series> series = spec.series();
        boolean line = spec.kind() == ChartSpec.Kind.LINE;
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(axis(spec.xLabel(), spec.xLog(), false));
        plot.setRangeAxis(axis(spec.yLabel(), spec.yLog(), false));

        XYLineAndShapeRenderer points = new XYLineAndShapeRenderer(line, !line);
        points.setDrawSeriesLineAsPath(true);
        points.setLegendLine(new java.awt.geom.Line2D.Double(-9, 0, 9, 0));
        for (int i = 0; i < series.size(); i++) {
            points.setSeriesPaint(i, Palette.color(i));
            points.setSeriesStroke(i, Palette.stroke(i));
            points.setSeriesShape(i, marker());
            if (line && series.get(i).size() == 1) {
                points.setSeriesShapesVisible(i, true); // a line through one point is invisible
            }
        }
        plot.setDataset(0, ChartDatasets.points(series, omitted));
        plot.setRenderer(0, points);

        ChartDatasets.Bands bands = ChartDatasets.bands(series);
        if (bands != null) {
            XYLineAndShapeRenderer bandRenderer = line ? bandArea() : errorBars();
            for (int i = 0; i < bands.chartIndex().length; i++) {
                Color color = Palette.color(bands.chartIndex()[i]);
                bandRenderer.setSeriesPaint(i, color);
                bandRenderer.setSeriesFillPaint(i, color);
            }
            bandRenderer.setDefaultSeriesVisibleInLegend(false);
            plot.setDataset(1, bands.data());
            plot.setRenderer(1, bandRenderer);
        }
        // higher dataset indices first: bands under the lines
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        return plot;
    }

    private static DeviationRenderer bandArea() {
        DeviationRenderer renderer = new DeviationRenderer(false, false);
        renderer.setAlpha(ChartStyle.BAND_ALPHA);
        return renderer;
    }

    private static XYErrorRenderer errorBars() {
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(false);
        renderer.setDefaultShapesVisible(false);
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setCapLength(MARKER_SIZE);
        renderer.setErrorStroke(new BasicStroke(1.0f));
        return renderer;
    }

    private static XYPlot histogramPlot(ChartSpec spec, ChartDatasets.Omitted omitted) {
        HistogramDataset dataset = ChartDatasets.histogram(spec, omitted);
        XYBarRenderer bars = spec.yLog() ? new LogBaseBarRenderer() : new XYBarRenderer(0.0);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(true);
        bars.setDefaultOutlinePaint(ChartStyle.BACKGROUND);
        bars.setDefaultOutlineStroke(new BasicStroke(0.5f));
        boolean overlap = spec.series().size() > 1;
        for (int i = 0; i < spec.series().size(); i++) {
            Color color = Palette.color(i);
            bars.setSeriesPaint(i, overlap ? new Color(color.getRed(), color.getGreen(), color.getBlue(),
                    OVERLAP_BAR_ALPHA) : color);
        }
        XYPlot plot = new XYPlot(dataset, axis(spec.xLabel(), spec.xLog(), false), countAxis(spec), bars);
        return plot;
    }

    private static ValueAxis countAxis(ChartSpec spec) {
        if (spec.yLog()) {
            return axis(spec.yLabel(), true, true);
        }
        NumberAxis axis = new NumberAxis(spec.yLabel());
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        axis.setAutoRangeIncludesZero(true);
        axis.setLowerMargin(0);
        return axis;
    }

    private static ValueAxis axis(String label, boolean log, boolean counts) {
        if (log) {
            LogAxis axis = new DecadeLogAxis(label);
            axis.setSmallestValue(counts ? LogBaseBarRenderer.BASE : 1e-300);
            return axis;
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    private static Shape marker() {
        double r = MARKER_SIZE / 2;
        return new Ellipse2D.Double(-r, -r, MARKER_SIZE, MARKER_SIZE);
    }

    /**
     * Bars that start at 1/2 instead of 0, for counts on a logarithmic axis (where 0 is not
     * drawable); the automatic range includes that base so that a count of 1 shows as a bar.
     */
    static final class LogBaseBarRenderer extends XYBarRenderer {
        private static final long serialVersionUID = 1L;
        static final double BASE = 0.5;

        LogBaseBarRenderer() {
            super(0.0);
            setBase(BASE);
        }

        @Override
        public Range findRangeBounds(XYDataset dataset) {
            Range range = super.findRangeBounds(dataset);
            return range == null ? null : Range.expandToInclude(range, BASE);
        }
    }
}
