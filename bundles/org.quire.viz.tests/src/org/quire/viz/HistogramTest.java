package org.quire.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.statistics.HistogramDataset;
import org.junit.jupiter.api.Test;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.Series;

class HistogramTest {

    private static HistogramDataset dataset(ChartSpec spec) {
        JFreeChart chart = Charts.toJFreeChart(spec);
        assertThat(chart.getXYPlot().getRenderer()).isInstanceOf(XYBarRenderer.class);
        return (HistogramDataset) chart.getXYPlot().getDataset();
    }

    @Test
    void countsOfAHandWorkedExample() {
        // range [1, 10] in 3 bins of width 3: [1,4) holds 1,2,2,3,3,3; [4,7) nothing; [7,10] holds 10
        HistogramDataset bins = dataset(ChartSpec.histogram("h", "H", "v", 3, new double[] { 3, 1, 2, 10, 3, 2, 3 }));
        assertThat(bins.getItemCount(0)).isEqualTo(3);
        assertThat(new double[] { bins.getYValue(0, 0), bins.getYValue(0, 1), bins.getYValue(0, 2) })
                .containsExactly(6, 0, 1);
        assertThat(bins.getStartXValue(0, 0)).isEqualTo(1.0);
        assertThat(bins.getEndXValue(0, 0)).isCloseTo(4.0, within(1e-12));
        assertThat(bins.getStartXValue(0, 2)).isCloseTo(7.0, within(1e-12));
        assertThat(bins.getEndXValue(0, 2)).isEqualTo(10.0);
    }

    @Test
    void countsOfRandomValuesEqualCountsByBinEdges() {
        Random random = new Random(42);
        double[] values = new double[5000];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian() * 3 + 1;
        }
        int bins = 17;
        HistogramDataset dataset = dataset(ChartSpec.histogram("h", "H", "v", bins, values));

        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        // reference: bin k holds edge(k) <= v < edge(k + 1); the last bin also holds the maximum
        long[] expected = new long[bins];
        for (double v : values) {
            for (int k = 0; k < bins; k++) {
                double lower = min + k * (max - min) / bins;
                double upper = min + (k + 1) * (max - min) / bins;
                if (v >= lower && (v < upper || k == bins - 1)) {
                    expected[k]++;
                    break;
                }
            }
        }
        long[] actual = new long[bins];
        for (int k = 0; k < bins; k++) {
            actual[k] = Math.round(dataset.getYValue(0, k));
            assertThat(dataset.getStartXValue(0, k)).isCloseTo(min + k * (max - min) / bins, within(1e-9));
        }
        assertThat(actual).containsExactly(expected);
        assertThat(java.util.Arrays.stream(actual).sum()).isEqualTo(values.length);
    }

    @Test
    void severalSeriesShareOneBinRangeAndNonFiniteValuesAreSkipped() {
        ChartSpec spec = new ChartSpec("h", "H", "v", "count", ChartSpec.Kind.HISTOGRAM, false, false, 4, List.of(
                Series.indexed("low", new double[] { 0, 1, 1, Double.NaN }),
                Series.indexed("high", new double[] { 3, 4, Double.NEGATIVE_INFINITY })));
        JFreeChart chart = Charts.toJFreeChart(spec);
        HistogramDataset bins = (HistogramDataset) chart.getXYPlot().getDataset();
        // common range [0, 4] in bins of width 1
        for (int s = 0; s < 2; s++) {
            assertThat(bins.getStartXValue(s, 0)).isEqualTo(0.0);
            assertThat(bins.getEndXValue(s, 3)).isEqualTo(4.0);
        }
        assertThat(new double[] { bins.getYValue(0, 0), bins.getYValue(0, 1), bins.getYValue(0, 2), bins.getYValue(0, 3) })
                .containsExactly(1, 2, 0, 0);
        assertThat(new double[] { bins.getYValue(1, 0), bins.getYValue(1, 1), bins.getYValue(1, 2), bins.getYValue(1, 3) })
                .containsExactly(0, 0, 0, 2);
        assertThat(chart.getLegend()).isNotNull();
        assertThat(chart.getSubtitles()).anyMatch(t -> t instanceof org.jfree.chart.title.TextTitle title
                && title.getText().equals("2 points with NaN or infinite values are not drawn"));
    }

    @Test
    void oneDistinctValueGetsARangeAroundIt() {
        HistogramDataset bins = dataset(ChartSpec.histogram("h", "H", "v", 2, new double[] { 5, 5, 5 }));
        assertThat(bins.getStartXValue(0, 0)).isEqualTo(4.5);
        assertThat(bins.getEndXValue(0, 1)).isEqualTo(5.5);
        assertThat(bins.getYValue(0, 0) + bins.getYValue(0, 1)).isEqualTo(3);
    }

    @Test
    void logCountAxisShowsEmptyBinsAsMissingNotZero() {
        ChartSpec spec = ChartSpec.histogram("h", "H", "v", 3, new double[] { 1, 1, 10 }).withLogAxes(false, true);
        HistogramDataset bins = dataset(spec);
        assertThat(bins.getYValue(0, 0)).isEqualTo(2);
        assertThat(bins.getYValue(0, 1)).isNaN();
        assertThat(bins.getYValue(0, 2)).isEqualTo(1);
    }

    @Test
    void logValueAxisBinsEquallyInLogSpace() {
        // log10 values 0, 1, 2, 3 (and 2.5) in 3 bins: [1, 10) holds 1; [10, 100) holds 10; [100, 1000] the rest
        ChartSpec spec = ChartSpec.histogram("h", "H", "v", 3, new double[] { 1000, 1, 10, 100, Math.sqrt(1e5) })
                .withLogAxes(true, false);
        HistogramDataset bins = dataset(spec);
        double[] edges = { 1, 10, 100, 1000 };
        for (int k = 0; k < 3; k++) {
            assertThat(bins.getStartXValue(0, k)).isCloseTo(edges[k], within(edges[k] * 1e-12));
            assertThat(bins.getEndXValue(0, k)).isCloseTo(edges[k + 1], within(edges[k + 1] * 1e-12));
        }
        assertThat(new double[] { bins.getYValue(0, 0), bins.getYValue(0, 1), bins.getYValue(0, 2) })
                .containsExactly(1, 1, 3);
        assertThat(bins.getXValue(0, 1)).as("centre of a log bin").isCloseTo(Math.sqrt(1000), within(1e-9));
    }
}
