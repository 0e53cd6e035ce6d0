package org.quire.lmdp.learn;

/** Least-squares slope of log y against log x; the growth exponent of a regret curve. Stateless. */
public final class LogLogSlope {
    private LogLogSlope() {
    }

    /**
     * The slope of log y on log x over the points with x ≥ fromX and y &gt; 0.
     *
     * @return the slope, or NaN when fewer than two such points with distinct x exist
     */
    public static double fit(int[] x, double[] y, double fromX) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= fromX && x[i] > 0 && y[i] > 0) {
                sx += Math.log(x[i]);
                sy += Math.log(y[i]);
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= fromX && x[i] > 0 && y[i] > 0) {
                double dx = Math.log(x[i]) - mx;
                sxx += dx * dx;
                sxy += dx * (Math.log(y[i]) - my);
            }
        }
        return sxx > 0 ? sxy / sxx : Double.NaN;
    }
}
