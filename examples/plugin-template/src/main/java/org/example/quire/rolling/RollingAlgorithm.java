package org.example.quire.rolling;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.Input;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.Result;
import org.quire.api.result.Series;
import org.quire.api.result.Table;

/**
 * {@code example.rolling}: rolling mean and standard deviation of one column of a CSV file, with the series and its
 * moving average charted. The template's algorithm: copy it, rename it, and replace the computation with yours.
 * Stateless, so one instance serves concurrent runs.
 */
@Component(service = Algorithm.class)
@AlgorithmInfo(id = "example.rolling", family = "example", name = "Rolling mean and standard deviation",
        description = "Moving average and moving population standard deviation of one column of a CSV file over a "
                + "trailing or centred window, computed in one pass (Welford updates), with the series charted.",
        references = {"B. P. Welford, Note on a method for calculating corrected sums of squares and products, "
                + "Technometrics 4(3), 1962"})
@Input(name = "series", formats = {"csv"}, description = "CSV with a header row; one numeric column is used")
public final class RollingAlgorithm implements Algorithm<RollingAlgorithm.Params> {

    /**
     * Parameters: each component is one {@code --param name=value}; the host checks ranges and choices first.
     *
     * @param column  header name of the column; empty takes the last column
     * @param window  window length in rows
     * @param centred centre the window on each row instead of ending it there
     */
    public record Params(
            @Param(label = "Column", defaultValue = "",
                    description = "Header name of the column to smooth (case-insensitive); empty takes the last column") String column,
            @Param(label = "Window", unit = "rows", min = 1, max = 1_000_000, defaultValue = "5",
                    description = "Number of rows in each window (cut at both ends of the series)") int window,
            @Param(label = "Centred", defaultValue = "false",
                    description = "Centre the window on each row instead of ending it at the row") boolean centred) {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) throws Exception {
        CsvColumn column = CsvColumn.read(inputs.get(0).path(), p.column());
        double[] x = column.values();
        ctx.progress().begin("rolling statistics of '" + column.name() + "'", 1);
        RollingStatistics.Rolling r = RollingStatistics.compute(x, p.window(), p.centred());
        ctx.progress().worked(1);
        if (p.window() > x.length) {
            ctx.log().warn("the window (" + p.window() + " rows) is longer than the series (" + x.length
                    + " rows): every window is cut");
        }
        double[] row = new double[x.length];
        double maxDeviation = 0;
        for (int i = 0; i < x.length; i++) {
            row[i] = i + 1;
            maxDeviation = Math.max(maxDeviation, Math.abs(x[i] - r.mean()[i]));
        }
        RollingStatistics.Rolling whole = RollingStatistics.compute(x, x.length, true);
        int mid = (x.length - 1) / 2;   // the centred full-length window at the middle row covers the whole series
        Table table = Table.builder("rolling")
                .numeric("row", row)
                .numeric(column.name(), x)
                .numeric("mean", r.mean())
                .numeric("std", r.std())
                .numeric("count", java.util.Arrays.stream(r.count()).asDoubleStream().toArray())
                .build();
        return Result.builder()
                .metric("rows", x.length)
                .metric("seriesMean", whole.mean()[mid])
                .metric("seriesStd", whole.std()[mid])
                .metric("maxDeviation", maxDeviation)
                .value("column", column.name())
                .table(table)
                .chart(ChartSpec.line("rollingChart", "Rolling mean of " + column.name(), "row",
                        column.name(), Series.of(column.name(), row, x), Series.of("rolling mean", row, r.mean())))
                .build();
    }
}
