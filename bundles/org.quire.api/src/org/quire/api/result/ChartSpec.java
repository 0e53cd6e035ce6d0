package org.quire.api.result;

import java.util.List;
import java.util.Objects;

/**
 * What a chart shows, independent of any toolkit; renderers turn it into JFreeChart charts in SWT,
 * PNG and SVG.
 *
 * @param name   file stem, e.g. {@code loss} gives {@code loss.png} and {@code loss.svg}
 * @param title  chart title
 * @param xLabel x axis label, with the unit in brackets where there is one
 * @param yLabel y axis label
 * @param kind   how the series are drawn
 * @param xLog   logarithmic x axis (all x must be &gt; 0)
 * @param yLog   logarithmic y axis (all y must be &gt; 0)
 * @param bins   number of bins for {@link Kind#HISTOGRAM} (the y values are binned), else ignored
 * @param series the data, at least one series
 */
public record ChartSpec(String name, String title, String xLabel, String yLabel, Kind kind, boolean xLog, boolean yLog,
        int bins, List<Series> series) {

    /** How series are drawn. */
    public enum Kind {
        /** Lines through the points; bands drawn as shaded areas. */
        LINE,
        /** Markers only. */
        SCATTER,
        /** Histogram of each series' y values into {@code bins} bins. */
        HISTOGRAM
    }

    public ChartSpec {
        Names.check("chart", name);
        Objects.requireNonNull(kind, "kind");
        title = title == null ? name : title;
        xLabel = xLabel == null ? "" : xLabel;
        yLabel = yLabel == null ? "" : yLabel;
        series = List.copyOf(series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("chart '" + name + "' has no series");
        }
        if (kind == Kind.HISTOGRAM && bins < 1) {
            throw new IllegalArgumentException("chart '" + name + "': a histogram needs bins >= 1");
        }
    }

    /** A line chart. */
    public static ChartSpec line(String name, String title, String xLabel, String yLabel, Series... series) {
        return new ChartSpec(name, title, xLabel, yLabel, Kind.LINE, false, false, 0, List.of(series));
    }

    /** A scatter chart. */
    public static ChartSpec scatter(String name, String title, String xLabel, String yLabel, Series... series) {
        return new ChartSpec(name, title, xLabel, yLabel, Kind.SCATTER, false, false, 0, List.of(series));
    }

    /** A histogram of the given values. */
    public static ChartSpec histogram(String name, String title, String valueLabel, int bins, double[] values) {
        return new ChartSpec(name, title, valueLabel, "count", Kind.HISTOGRAM, false, false, bins,
                List.of(Series.indexed(name, values)));
    }

    /** This chart with logarithmic axes as given. */
    public ChartSpec withLogAxes(boolean logX, boolean logY) {
        return new ChartSpec(name, title, xLabel, yLabel, kind, logX, logY, bins, series);
    }
}
