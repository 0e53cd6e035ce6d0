package org.quire.viz;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jfree.data.statistics.HistogramDataset;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.Series;

/**
 * The data a chart shows, as CSV text (RFC 4180: comma separated, quotes doubled, CRLF line ends,
 * a header row). Line and scatter charts give columns {@code <series>.x}, {@code <series>.y} and,
 * with a band, {@code <series>.low}, {@code <series>.high}; a histogram gives
 * {@code <series>.bin_start}, {@code <series>.bin_end}, {@code <series>.count} per series. Shorter
 * series leave empty cells. Numbers are written exactly ({@link Double#toString(double)}).
 */
public final class ChartCsv {

    private ChartCsv() {
    }

    /** The chart's data as CSV text. */
    public static String toCsv(ChartSpec spec) {
        Objects.requireNonNull(spec, "chart spec");
        List<String> header = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        if (spec.kind() == ChartSpec.Kind.HISTOGRAM) {
            HistogramDataset bins = ChartDatasets.histogram(spec, new ChartDatasets.Omitted());
            for (int s = 0; s < bins.getSeriesCount(); s++) {
                String name = spec.series().get(s).name();
                int n = bins.getItemCount(s);
                double[] start = new double[n];
                double[] end = new double[n];
                double[] count = new double[n];
                for (int i = 0; i < n; i++) {
                    start[i] = bins.getStartXValue(s, i);
                    end[i] = bins.getEndXValue(s, i);
                    count[i] = bins.getYValue(s, i);
                }
                add(header, columns, name + ".bin_start", start);
                add(header, columns, name + ".bin_end", end);
                add(header, columns, name + ".count", count);
            }
        } else {
            for (Series series : spec.series()) {
                add(header, columns, series.name() + ".x", series.x());
                add(header, columns, series.name() + ".y", series.y());
                if (series.hasBand()) {
                    add(header, columns, series.name() + ".low", series.low());
                    add(header, columns, series.name() + ".high", series.high());
                }
            }
        }
        boolean counts = spec.kind() == ChartSpec.Kind.HISTOGRAM;
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < header.size(); c++) {
            csv.append(c == 0 ? "" : ",").append(quote(header.get(c)));
        }
        csv.append("\r\n");
        int rows = columns.stream().mapToInt(column -> column.length).max().orElse(0);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    csv.append(',');
                }
                double[] column = columns.get(c);
                if (r < column.length) {
                    csv.append(counts && c % 3 == 2 ? countText(column[r]) : Double.toString(column[r]));
                }
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    private static void add(List<String> header, List<double[]> columns, String name, double[] values) {
        header.add(name);
        columns.add(values);
    }

    private static String countText(double count) {
        return Double.isNaN(count) ? "0" : Long.toString((long) count);
    }

    private static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
