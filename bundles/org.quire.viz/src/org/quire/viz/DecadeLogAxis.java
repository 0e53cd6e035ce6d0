package org.quire.viz;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A base-10 logarithmic axis labelled 10<sup>k</sup> at whole decades, with minor ticks at
 * 2..9 &times; 10<sup>k</sup>, whenever the visible range spans at least one decade; narrower ranges
 * fall back to fractional exponents. Tick labels do not depend on the default locale.
 */
final class DecadeLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;

    private static final NumberTickUnit DECADE = new NumberTickUnit(1, format("0"), 9);

    DecadeLogAxis(String label) {
        super(label);
        setBase(10);
        setStandardTickUnits(tickUnits());
    }

    @Override
    protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        super.selectAutoTickUnit(g2, dataArea, edge);
        double decades = calculateLog(getUpperBound()) - calculateLog(Math.max(getSmallestValue(), getLowerBound()));
        if (decades >= 1 && getTickUnit().getSize() < 1) {
            setTickUnit(DECADE, false, false);
        }
    }

    /** Exponent steps: fractional ones for narrow ranges, then 1, 2, 5, 10, ... decades. */
    private static TickUnits tickUnits() {
        TickUnits units = new TickUnits();
        NumberFormat fraction = format("0.0#");
        units.add(new NumberTickUnit(0.05, fraction, 0));
        units.add(new NumberTickUnit(0.1, fraction, 0));
        units.add(new NumberTickUnit(0.2, fraction, 0));
        units.add(new NumberTickUnit(0.5, fraction, 0));
        units.add(DECADE);
        NumberFormat whole = format("0");
        for (int step : new int[] { 2, 5, 10, 20, 50, 100, 200 }) {
            units.add(new NumberTickUnit(step, whole, 0));
        }
        return units;
    }

    private static NumberFormat format(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }
}
