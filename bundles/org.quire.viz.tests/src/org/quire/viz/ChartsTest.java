package org.quire.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.Series;

class ChartsTest {

    private static final double[] X = { 3, 1, 2, 5, 4 }; // deliberately not sorted
    private static final double[] Y = { 0.5, 1.5, -2, 4, 8 };

    @Test
    void lineChartKeepsPointsInGivenOrderWithPaletteColours() {
        ChartSpec spec = ChartSpec.line("c", "My title", "time [s]", "value", Series.of("a", X, Y),
                Series.of("b", new double[] { 0, 1 }, new double[] { 1, 0 }));
        JFreeChart chart = Charts.toJFreeChart(spec);
        XYPlot plot = chart.getXYPlot();
        XYDataset lines = plot.getDataset(0);

        assertThat(chart.getTitle().getText()).isEqualTo("My title");
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("time [s]");
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("value");
        assertThat(lines.getSeriesCount()).isEqualTo(2);
        assertThat(lines.getSeriesKey(0)).isEqualTo("a");
        assertThat(lines.getItemCount(0)).isEqualTo(X.length);
        for (int i = 0; i < X.length; i++) {
            assertThat(lines.getXValue(0, i)).isEqualTo(X[i]);
            assertThat(lines.getYValue(0, i)).isEqualTo(Y[i]);
        }
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer(0);
        assertThat(renderer.getSeriesLinesVisible(0)).isNotEqualTo(Boolean.FALSE);
        assertThat(renderer.getDefaultLinesVisible()).isTrue();
        assertThat(renderer.getDefaultShapesVisible()).isFalse();
        assertThat(renderer.getSeriesPaint(0)).isEqualTo(Palette.color(0));
        assertThat(renderer.getSeriesPaint(1)).isEqualTo(Palette.color(1));
        assertThat(plot.getDataset(1)).as("no band dataset without bands").isNull();
        assertThat(chart.getLegend()).as("legend with two series").isNotNull();
    }

    @Test
    void singleSeriesHasNoLegendAndAxesDoNotForceZero() {
        JFreeChart chart = Charts.toJFreeChart(ChartSpec.line("c", "t", "x", "y", Series.of("a", X, Y)));
        assertThat(chart.getLegend()).isNull();
        NumberAxis x = (NumberAxis) chart.getXYPlot().getDomainAxis();
        assertThat(x.getAutoRangeIncludesZero()).isFalse();
        // default margins of 5 % on both sides of the data range [1, 5]
        assertThat(x.getRange().getLowerBound()).isCloseTo(1 - 0.2, within(1e-12));
        assertThat(x.getRange().getUpperBound()).isCloseTo(5 + 0.2, within(1e-12));
    }

    @Test
    void bandBecomesAnIntervalDatasetDrawnAsTranslucentAreaInTheSeriesColour() {
        double[] x = { 0, 1, 2, 3 };
        double[] y = { 1, 2, 3, 4 };
        double[] low = { 0.5, 1.25, 2.5, 3 };
        double[] high = { 1.5, 2.75, 3.5, 5 };
        ChartSpec spec = ChartSpec.line("band", "Band", "x", "y", Series.of("plain", x, y),
                new Series("banded", x, y, low, high));
        XYPlot plot = Charts.toJFreeChart(spec).getXYPlot();

        assertThat(plot.getDataset(1)).isInstanceOf(IntervalXYDataset.class);
        IntervalXYDataset bands = (IntervalXYDataset) plot.getDataset(1);
        assertThat(bands.getSeriesCount()).as("only the series with a band").isEqualTo(1);
        assertThat(bands.getSeriesKey(0)).isEqualTo("banded");
        for (int i = 0; i < x.length; i++) {
            assertThat(bands.getXValue(0, i)).isEqualTo(x[i]);
            assertThat(bands.getYValue(0, i)).isEqualTo(y[i]);
            assertThat(bands.getStartYValue(0, i)).isEqualTo(low[i]);
            assertThat(bands.getEndYValue(0, i)).isEqualTo(high[i]);
        }
        assertThat(plot.getRenderer(1)).isInstanceOf(DeviationRenderer.class);
        DeviationRenderer area = (DeviationRenderer) plot.getRenderer(1);
        assertThat(area.getAlpha()).isEqualTo(ChartStyle.BAND_ALPHA);
        // the band belongs to chart series 1, so it takes that series' colour
        assertThat(area.getSeriesFillPaint(0)).isEqualTo(Palette.color(1));
        assertThat(area.getDefaultSeriesVisibleInLegend()).isFalse();
        // the range axis covers the band, not only the line: [0.5, 5] plus 5 % margins
        assertThat(plot.getRangeAxis().getRange().getUpperBound()).isCloseTo(5 + 0.05 * 4.5, within(1e-12));
        assertThat(plot.getRangeAxis().getRange().getLowerBound()).isCloseTo(0.5 - 0.05 * 4.5, within(1e-12));
    }

    @Test
    void scatterDrawsMarkersOnlyAndBandsAsErrorBars() {
        ChartSpec spec = ChartSpec.scatter("s", "Scatter", "x", "y",
                new Series("p", new double[] { 1, 2 }, new double[] { 3, 4 }, new double[] { 2, 3 },
                        new double[] { 5, 6 }));
        XYPlot plot = Charts.toJFreeChart(spec).getXYPlot();
        XYLineAndShapeRenderer markers = (XYLineAndShapeRenderer) plot.getRenderer(0);
        assertThat(markers.getDefaultLinesVisible()).isFalse();
        assertThat(markers.getDefaultShapesVisible()).isTrue();
        assertThat(plot.getRenderer(1)).isInstanceOf(XYErrorRenderer.class);
        IntervalXYDataset bars = (IntervalXYDataset) plot.getDataset(1);
        assertThat(bars.getStartYValue(0, 1)).isEqualTo(3);
        assertThat(bars.getEndYValue(0, 1)).isEqualTo(6);
    }

    @Test
    void logAxesAreLogAxesWhenAllValuesArePositive() {
        ChartSpec spec = ChartSpec.line("log", "Log", "x", "y", Series.of("a", new double[] { 1, 10, 100 },
                new double[] { 0.01, 1, 5 })).withLogAxes(true, true);
        XYPlot plot = Charts.toJFreeChart(spec).getXYPlot();
        assertThat(plot.getDomainAxis()).isInstanceOf(LogAxis.class);
        assertThat(plot.getRangeAxis()).isInstanceOf(LogAxis.class);
        assertThat(Charts.toJFreeChart(spec.withLogAxes(false, true)).getXYPlot().getDomainAxis())
                .isInstanceOf(NumberAxis.class);
    }

    @Test
    void logXAxisRejectsTheFirstNonPositiveValueNamingChartSeriesAndPoint() {
        ChartSpec spec = ChartSpec.line("loss", "Loss", "x", "y",
                Series.of("ok", new double[] { 1, 2 }, new double[] { 1, 2 }),
                Series.of("train", new double[] { 1, 2, 0, -1 }, new double[] { 1, 1, 1, 1 })).withLogAxes(true, false);
        assertThatThrownBy(() -> Charts.toJFreeChart(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chart 'loss': the logarithmic x axis needs every x > 0, but series 'train' has x = 0.0 at point 2");
    }

    @Test
    void logYAxisRejectsNonPositiveYAndBandValues() {
        ChartSpec y = ChartSpec.line("c", "t", "x", "y", Series.of("s", new double[] { 1, 2 }, new double[] { 3, -0.5 }))
                .withLogAxes(false, true);
        assertThatThrownBy(() -> Charts.toJFreeChart(y)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chart 'c'").hasMessageContaining("logarithmic y axis")
                .hasMessageContaining("series 's' has y = -0.5 at point 1");
        ChartSpec band = ChartSpec.line("c", "t", "x", "y", new Series("s", new double[] { 1, 2 }, new double[] { 3, 4 },
                new double[] { 1, 0 }, new double[] { 5, 6 })).withLogAxes(false, true);
        assertThatThrownBy(() -> Charts.toJFreeChart(band)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("series 's' has band low = 0.0 at point 1");
    }

    @Test
    void logValueAxisOfHistogramRejectsNonPositiveValues() {
        ChartSpec spec = ChartSpec.histogram("h", "H", "size", 4, new double[] { 2, 3, -1 }).withLogAxes(true, false);
        assertThatThrownBy(() -> Charts.toJFreeChart(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chart 'h': the logarithmic x axis needs every value > 0, but series 'h' has value = -1.0 at point 2");
        // a log count axis is fine whatever the values
        ChartSpec counts = ChartSpec.histogram("h", "H", "size", 4, new double[] { 2, 3, -1 }).withLogAxes(false, true);
        assertThat(Charts.toJFreeChart(counts).getXYPlot().getRangeAxis()).isInstanceOf(LogAxis.class);
    }

    @Test
    void duplicateSeriesNamesAreRejected() {
        ChartSpec spec = ChartSpec.line("d", "t", "x", "y", Series.of("a", X, Y), Series.of("a", X, Y));
        assertThatThrownBy(() -> Charts.toJFreeChart(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chart 'd': two series are named 'a'; series names must be unique");
    }

    @Test
    void nonFiniteValuesBecomeGapsAndAreCountedInANote() {
        ChartSpec spec = ChartSpec.line("g", "Gaps", "x", "y", Series.of("a", new double[] { 1, 2, 3, 4 },
                new double[] { 1, Double.NaN, Double.POSITIVE_INFINITY, 4 }));
        JFreeChart chart = Charts.toJFreeChart(spec);
        XYDataset lines = chart.getXYPlot().getDataset(0);
        assertThat(lines.getItemCount(0)).isEqualTo(4);
        assertThat(lines.getYValue(0, 1)).isNaN();
        assertThat(lines.getYValue(0, 2)).as("infinity becomes a gap").isNaN();
        assertThat(chart.getXYPlot().getRangeAxis().getRange().getUpperBound()).isCloseTo(4 + 0.15, within(1e-12));
        List<String> notes = chart.getSubtitles().stream().filter(TextTitle.class::isInstance)
                .map(t -> ((TextTitle) t).getText()).toList();
        assertThat(notes).containsExactly("2 points with NaN or infinite values are not drawn");
        assertThat(Charts.toJFreeChart(ChartSpec.line("g", "t", "x", "y", Series.of("a", X, Y))).getSubtitleCount())
                .as("no note when every value is finite").isZero();
    }
}
