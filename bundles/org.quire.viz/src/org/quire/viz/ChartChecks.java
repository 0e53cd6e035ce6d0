package org.quire.viz;

import java.util.HashSet;
import java.util.Set;

import org.quire.api.result.ChartSpec;
import org.quire.api.result.Series;

/** Checks a chart specification for what JFreeChart cannot draw, with messages naming the chart. */
final class ChartChecks {

    private ChartChecks() {
    }

    /**
     * Checks that series names are unique and that logarithmic axes only see positive values.
     * Non-finite values are not checked here: they are left out of the drawing (gaps), except
     * negative infinity on a log axis, which is non-positive.
     *
     * @throws IllegalArgumentException naming the chart, the series, the point and the value
     */
    static void check(ChartSpec spec) {
        Set<String> names = new HashSet<>();
        for (Series series : spec.series()) {
            if (!names.add(series.name())) {
                throw new IllegalArgumentException("chart '" + spec.name() + "': two series are named '"
                        + series.name() + "'; series names must be unique");
            }
        }
        for (Series series : spec.series()) {
            if (spec.kind() == ChartSpec.Kind.HISTOGRAM) {
                if (spec.xLog()) {
                    positive(spec, series, "x", "value", series.y());
                }
            } else {
                if (spec.xLog()) {
                    positive(spec, series, "x", "x", series.x());
                }
                if (spec.yLog()) {
                    positive(spec, series, "y", "y", series.y());
                    if (series.hasBand()) {
                        positive(spec, series, "y", "band low", series.low());
                        positive(spec, series, "y", "band high", series.high());
                    }
                }
            }
        }
    }

    private static void positive(ChartSpec spec, Series series, String axis, String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] <= 0) {
                throw new IllegalArgumentException("chart '" + spec.name() + "': the logarithmic " + axis
                        + " axis needs every " + what + " > 0, but series '" + series.name() + "' has " + what
                        + " = " + values[i] + " at point " + i);
            }
        }
    }
}
