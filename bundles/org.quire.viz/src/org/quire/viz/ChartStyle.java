package org.quire.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.Stroke;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The Quire chart theme: white background, light grey solid gridlines, dark grey axes, sans-serif
 * text in fixed sizes, anti-aliasing on. Applied to every chart {@link Charts} builds.
 */
final class ChartStyle {

    static final String FONT_FAMILY = Font.SANS_SERIF;
    static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 16);
    static final Font LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 13);
    static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 11);
    static final Font LEGEND_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
    static final Font NOTE_FONT = new Font(FONT_FAMILY, Font.ITALIC, 11);

    static final Color BACKGROUND = Color.WHITE;
    static final Color TEXT = new Color(0x222222);
    static final Color AXIS = new Color(0x555555);
    static final Color GRID = new Color(0xDDDDDD);
    static final Color MINOR_GRID = new Color(0xF0F0F0);
    static final Color OUTLINE = new Color(0xBBBBBB);
    static final Color NOTE = new Color(0x666666);

    /** Opacity of band fills (0 transparent .. 1 opaque). */
    static final float BAND_ALPHA = 0.25f;

    private static final Stroke GRID_STROKE = new BasicStroke(0.8f);
    private static final Stroke AXIS_STROKE = new BasicStroke(1.0f);

    private ChartStyle() {
    }

    /** Styles the plot and its two axes. */
    static void plot(XYPlot plot) {
        plot.setBackgroundPaint(BACKGROUND);
        plot.setOutlinePaint(OUTLINE);
        plot.setOutlineStroke(AXIS_STROKE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(GRID_STROKE);
        plot.setRangeGridlineStroke(GRID_STROKE);
        plot.setDomainGridlinesVisible(true);
        plot.setRangeGridlinesVisible(true);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        if (plot.getDomainAxis() instanceof LogAxis) {
            plot.setDomainMinorGridlinesVisible(true);
            plot.setDomainMinorGridlinePaint(MINOR_GRID);
            plot.setDomainMinorGridlineStroke(GRID_STROKE);
        }
        if (plot.getRangeAxis() instanceof LogAxis) {
            plot.setRangeMinorGridlinesVisible(true);
            plot.setRangeMinorGridlinePaint(MINOR_GRID);
            plot.setRangeMinorGridlineStroke(GRID_STROKE);
        }
        axis(plot.getDomainAxis());
        axis(plot.getRangeAxis());
    }

    private static void axis(ValueAxis axis) {
        axis.setLabelFont(LABEL_FONT);
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(AXIS);
        axis.setAxisLineStroke(AXIS_STROKE);
        axis.setTickMarkPaint(AXIS);
        axis.setTickMarkStroke(AXIS_STROKE);
        axis.setTickMarkOutsideLength(4f);
        axis.setTickMarkInsideLength(0f);
    }

    /** Styles the chart: background, title, legend (if any), padding and rendering hints. */
    static void chart(JFreeChart chart) {
        chart.setBackgroundPaint(BACKGROUND);
        chart.setPadding(new RectangleInsets(10, 10, 10, 14));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.getRenderingHints().put(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        chart.getRenderingHints().put(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        chart.getRenderingHints().put(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(TITLE_FONT);
            title.setPaint(TEXT);
            title.setMargin(0, 0, 8, 0);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setItemFont(LEGEND_FONT);
            legend.setItemPaint(TEXT);
            legend.setBackgroundPaint(BACKGROUND);
            legend.setFrame(BlockBorder.NONE);
            legend.setMargin(new RectangleInsets(8, 0, 0, 0));
        }
    }

    /** A small note under the title, e.g. about values that are not drawn. */
    static TextTitle note(String text) {
        TextTitle note = new TextTitle(text, NOTE_FONT);
        note.setPaint(NOTE);
        note.setPosition(RectangleEdge.TOP);
        note.setMargin(0, 0, 6, 0);
        return note;
    }
}
