package org.quire.viz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.Series;

class ChartCsvTest {

    @Test
    void lineChartColumnsPerSeriesWithBandsAndEmptyCellsForShorterSeries() {
        ChartSpec spec = ChartSpec.line("c", "t", "x", "y",
                new Series("a", new double[] { 1, 2 }, new double[] { 0.1, Double.NaN }, new double[] { 0, -1 },
                        new double[] { 0.5, 1e-300 }),
                Series.of("b, \"quoted\"", new double[] { 7 }, new double[] { 8 }));
        assertThat(ChartCsv.toCsv(spec)).isEqualTo(
                "a.x,a.y,a.low,a.high,\"b, \"\"quoted\"\".x\",\"b, \"\"quoted\"\".y\"\r\n"
                        + "1.0,0.1,0.0,0.5,7.0,8.0\r\n"
                        + "2.0,NaN,-1.0,1.0E-300,,\r\n");
    }

    @Test
    void histogramGivesBinsAndCounts() {
        ChartSpec spec = ChartSpec.histogram("h", "t", "v", 2, new double[] { 0, 1, 1, 4 });
        assertThat(ChartCsv.toCsv(spec)).isEqualTo(
                "h.bin_start,h.bin_end,h.count\r\n"
                        + "0.0,2.0,3\r\n"
                        + "2.0,4.0,1\r\n");
    }
}
