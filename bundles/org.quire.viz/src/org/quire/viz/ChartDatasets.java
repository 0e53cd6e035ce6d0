package org.quire.viz;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalDataItem;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.Series;

/**
 * Turns the series of a chart specification into JFreeChart datasets. Points are kept in the given
 * order (no sorting). Points holding NaN or an infinity are left out: a line gets a gap there, a
 * band is drawn across, a histogram skips the value; {@link Omitted} counts them so that the chart
 * can say so.
 */
final class ChartDatasets {

    /** Counts the points that are not drawn (or not fully) because a value is NaN or infinite. */
    static final class Omitted {
        private int points;

        int points() {
            return points;
        }

        void add() {
            points++;
        }
    }

    /** The band dataset and, for each of its series, the index of that series in the chart. */
    record Bands(YIntervalSeriesCollection data, int[] chartIndex) {
    }

    private ChartDatasets() {
    }

    /** One XY series per chart series, in order; a non-finite x or y becomes a gap (NaN, NaN). */
    static XYSeriesCollection points(List<Series> series, Omitted omitted) {
        XYSeriesCollection collection = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.name(), false, true);
            for (int i = 0; i < s.size(); i++) {
                double x = s.xAt(i);
                double y = s.yAt(i);
                boolean bandFinite = !s.hasBand() || Double.isFinite(s.lowAt(i)) && Double.isFinite(s.highAt(i));
                if (Double.isFinite(x) && Double.isFinite(y)) {
                    xy.add(x, y, false);
                } else {
                    xy.add(Double.NaN, Double.NaN, false);
                }
                if (!(Double.isFinite(x) && Double.isFinite(y) && bandFinite)) {
                    omitted.add();
                }
            }
            collection.addSeries(xy);
        }
        return collection;
    }

    /**
     * The bands of the series that have one, as y intervals [low, high] around y; points whose x,
     * low or high is not finite are left out of the band. Returns null when no series has a band.
     */
    static Bands bands(List<Series> series) {
        YIntervalSeriesCollection collection = new YIntervalSeriesCollection();
        int[] chartIndex = new int[series.size()];
        int count = 0;
        for (int index = 0; index < series.size(); index++) {
            Series s = series.get(index);
            if (!s.hasBand()) {
                continue;
            }
            YIntervalSeries band = new YIntervalSeries(s.name(), false, true);
            for (int i = 0; i < s.size(); i++) {
                double x = s.xAt(i);
                double low = s.lowAt(i);
                double high = s.highAt(i);
                if (Double.isFinite(x) && Double.isFinite(low) && Double.isFinite(high)) {
                    double y = Double.isFinite(s.yAt(i)) ? s.yAt(i) : Double.NaN;
                    band.add(new YIntervalDataItem(x, y, low, high), false);
                }
            }
            collection.addSeries(band);
            chartIndex[count++] = index;
        }
        return count == 0 ? null : new Bands(collection, Arrays.copyOf(chartIndex, count));
    }

    /**
     * A histogram of each series' y values into {@code spec.bins()} equal bins over one common range
     * (the smallest to the largest finite value of all series), so that bins line up across series.
     * With a logarithmic value axis the bins are equal in log10(value) instead. Non-finite values are
     * skipped. With a logarithmic count axis, empty bins report no count (null) instead of 0, which a
     * log axis cannot show.
     */
    static HistogramDataset histogram(ChartSpec spec, Omitted omitted) {
        List<Series> series = spec.series();
        boolean logBins = spec.xLog();
        double[][] values = new double[series.size()][];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int index = 0; index < series.size(); index++) {
            Series s = series.get(index);
            double[] finite = new double[s.size()];
            int n = 0;
            for (int i = 0; i < s.size(); i++) {
                double v = s.yAt(i);
                if (Double.isFinite(v)) {
                    double binned = logBins ? Math.log10(v) : v; // v > 0 checked for log axes
                    finite[n++] = binned;
                    min = Math.min(min, binned);
                    max = Math.max(max, binned);
                } else {
                    omitted.add();
                }
            }
            values[index] = Arrays.copyOf(finite, n);
        }
        if (min > max) { // no finite value at all
            min = 0;
            max = 1;
        } else if (min == max) { // one distinct value: centre the range on it
            min = min - 0.5;
            max = max + 0.5;
        }
        HistogramDataset dataset = new ScaledHistogramDataset(logBins, spec.yLog());
        for (int index = 0; index < series.size(); index++) {
            dataset.addSeries(series.get(index).name(), values[index], spec.bins(), min, max);
        }
        return dataset;
    }

    /**
     * A histogram dataset that can bin in log10 space (bin edges reported as values again) and can
     * report empty bins as having no count, for logarithmic axes.
     */
    static final class ScaledHistogramDataset extends HistogramDataset {
        private static final long serialVersionUID = 1L;
        private final boolean logBins;
        private final boolean logCounts;

        ScaledHistogramDataset(boolean logBins, boolean logCounts) {
            this.logBins = logBins;
            this.logCounts = logCounts;
        }

        private Number value(Number binned) {
            return logBins && binned != null ? Math.pow(10, binned.doubleValue()) : binned;
        }

        private Number count(Number y) {
            return logCounts && (y == null || y.doubleValue() <= 0) ? null : y;
        }

        @Override
        public Number getX(int series, int item) {
            // the bin centre: geometric mean of the edges for log bins
            return value(super.getX(series, item));
        }

        @Override
        public Number getStartX(int series, int item) {
            return value(super.getStartX(series, item));
        }

        @Override
        public Number getEndX(int series, int item) {
            return value(super.getEndX(series, item));
        }

        @Override
        public Number getY(int series, int item) {
            return count(super.getY(series, item));
        }

        @Override
        public Number getStartY(int series, int item) {
            return count(super.getStartY(series, item));
        }

        @Override
        public Number getEndY(int series, int item) {
            return count(super.getEndY(series, item));
        }

        @Override
        public boolean equals(Object obj) {
            return super.equals(obj) && obj instanceof ScaledHistogramDataset other && logBins == other.logBins
                    && logCounts == other.logCounts;
        }

        @Override
        public int hashCode() {
            return Objects.hash(getSeriesCount(), logBins, logCounts);
        }
    }
}
