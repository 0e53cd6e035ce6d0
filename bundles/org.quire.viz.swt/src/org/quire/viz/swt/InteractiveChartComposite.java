package org.quire.viz.swt;

import java.awt.geom.Point2D;

import org.eclipse.swt.SWT;
import org.eclipse.swt.events.MouseEvent;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Pannable;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.Zoomable;
import org.jfree.chart.swt.ChartComposite;

/**
 * JFreeChart's SWT chart composite with what version 1.0 lacks: zoom with the mouse wheel around
 * the pointer, pan by dragging with Ctrl held or with the middle button, and reset by double-click.
 * Dragging a rectangle with the left button zooms into it (dragging up-left resets), as before.
 * JFreeChart's own popup menu (whose save action needs a class JFreeChart 1.5 no longer has) is not
 * created; {@link ChartView} installs its own.
 */
final class InteractiveChartComposite extends ChartComposite {

    /** Factor applied to the visible range per wheel notch towards the user (zoom in). */
    static final double WHEEL_ZOOM_IN = 0.8;

    /** Below this size the chart is drawn at this size and scaled down, in pixels. */
    private static final int MIN_DRAW_WIDTH = 200;
    private static final int MIN_DRAW_HEIGHT = 150;
    /** Above this size the chart is drawn at this size and scaled up, in pixels. */
    private static final int MAX_DRAW_SIZE = 4096;

    private Point panLast;
    private double panWidth;
    private double panHeight;

    InteractiveChartComposite(Composite parent) {
        super(parent, SWT.NONE, null, DEFAULT_WIDTH, DEFAULT_HEIGHT, MIN_DRAW_WIDTH, MIN_DRAW_HEIGHT,
                MAX_DRAW_SIZE, MAX_DRAW_SIZE, true, false, false, false, false, true);
        canvas().addMouseWheelListener(event -> {
            if (event.count != 0) {
                zoomAt(event.count > 0 ? WHEEL_ZOOM_IN : 1 / WHEEL_ZOOM_IN, event.x, event.y);
            }
        });
    }

    /** The canvas the chart is painted on (the composite's only child). */
    Canvas canvas() {
        return (Canvas) getChildren()[0];
    }

    /**
     * Scales the visible ranges of both axes by {@code factor} (&lt; 1 zooms in) keeping the data
     * point under the canvas position (x, y) in place; nothing happens outside the data area.
     */
    void zoomAt(double factor, int x, int y) {
        JFreeChart chart = getChart();
        Rectangle data = getScreenDataArea();
        if (chart == null || !(chart.getPlot() instanceof Zoomable zoomable) || !data.contains(x, y)) {
            return;
        }
        PlotRenderingInfo info = getChartRenderingInfo().getPlotInfo();
        Point2D anchor = translateScreenToJava2D(new java.awt.Point(x, y));
        Plot plot = chart.getPlot();
        boolean notify = plot.isNotify();
        plot.setNotify(false); // one redraw for both axes
        zoomable.zoomDomainAxes(factor, info, anchor, true);
        zoomable.zoomRangeAxes(factor, info, anchor, true);
        plot.setNotify(notify);
    }

    /** Zooms around the centre of the data area. */
    void zoomAtCentre(double factor) {
        Rectangle data = getScreenDataArea();
        zoomAt(factor, data.x + data.width / 2, data.y + data.height / 2);
    }

    private static boolean startsPan(MouseEvent e) {
        return e.button == 2 || e.button == 1 && (e.stateMask & SWT.MOD1) != 0;
    }

    @Override
    public void mouseDown(MouseEvent e) {
        JFreeChart chart = getChart();
        if (chart != null && startsPan(e) && chart.getPlot() instanceof Pannable) {
            Rectangle data = getScreenDataArea();
            if (data.contains(e.x, e.y) && data.width > 0 && data.height > 0) {
                panLast = new Point(e.x, e.y);
                panWidth = data.width;
                panHeight = data.height;
                canvas().setCursor(getDisplay().getSystemCursor(SWT.CURSOR_SIZEALL));
            }
            return;
        }
        if (e.button == 1) {
            super.mouseDown(e);
        }
    }

    @Override
    public void mouseMove(MouseEvent e) {
        if (panLast == null) {
            super.mouseMove(e);
            return;
        }
        JFreeChart chart = getChart();
        if (chart == null || !(chart.getPlot() instanceof Pannable pannable)) {
            panLast = null;
            return;
        }
        int dx = e.x - panLast.x;
        int dy = e.y - panLast.y;
        if (dx == 0 && dy == 0) {
            return;
        }
        ChartRenderingInfo info = getChartRenderingInfo();
        Point2D source = translateScreenToJava2D(new java.awt.Point(e.x, e.y));
        Plot plot = chart.getPlot();
        boolean notify = plot.isNotify();
        plot.setNotify(false);
        // the data follows the pointer: dragging right shows smaller x, dragging down larger y
        pannable.panDomainAxes(-dx / panWidth, info.getPlotInfo(), source);
        pannable.panRangeAxes(dy / panHeight, info.getPlotInfo(), source);
        plot.setNotify(notify);
        panLast = new Point(e.x, e.y);
    }

    @Override
    public void mouseUp(MouseEvent e) {
        if (panLast != null) {
            panLast = null;
            canvas().setCursor(null);
            return;
        }
        super.mouseUp(e);
    }

    @Override
    public void mouseDoubleClick(MouseEvent e) {
        if (e.button == 1 && getChart() != null) {
            restoreAutoBounds();
        }
    }
}
