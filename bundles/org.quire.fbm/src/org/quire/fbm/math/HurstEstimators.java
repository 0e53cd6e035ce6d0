package org.quire.fbm.math;

import java.util.Arrays;
import java.util.Locale;

/**
 * The classical Hurst estimators, all taking fGn (increments; difference a path first) of length n:
 * Whittle ({@link WhittleEstimator}), DFA-1, aggregated variance and rescaled range (R/S). The regression
 * estimators use about {@value #SCALES} logarithmically spaced integer scales and an ordinary least-squares line
 * in log10–log10 coordinates. Stateless.
 */
public final class HurstEstimators {

    /** Target number of log-spaced scales for the regression estimators. */
    public static final int SCALES = 20;
    /** Smallest accepted series length. */
    public static final int MIN_LENGTH = 32;

    private HurstEstimators() {
    }

    /** The estimator ids in their parameter spelling. */
    public static final String[] METHODS = {"whittle", "dfa", "aggvar", "rs"};

    /** Dispatches on a method id of {@link #METHODS}. */
    public static HurstEstimate estimate(String method, double[] increments) {
        checkLength(increments);
        return switch (method.toLowerCase(Locale.ROOT)) {
            case "whittle" -> WhittleEstimator.estimate(increments);
            case "dfa" -> dfa(increments);
            case "aggvar" -> aggregatedVariance(increments);
            case "rs" -> rescaledRange(increments);
            default -> throw new IllegalArgumentException("unknown Hurst method '" + method + "', expected one of "
                    + Arrays.toString(METHODS));
        };
    }

    /** The increments x_{i+1} − x_i of a path. */
    public static double[] increments(double[] path) {
        double[] d = new double[path.length - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = path[i + 1] - path[i];
        }
        return d;
    }

    /**
     * DFA-1: profile Y = cumsum(x − x̄); for each box size s in [8, n/4] the profile is cut into ⌊n/s⌋ boxes from
     * the start and as many from the end, a least-squares line is removed per box, and F(s) is the root mean
     * square residual; H is the slope of log F against log s.
     */
    public static HurstEstimate dfa(double[] x) {
        checkLength(x);
        int n = x.length;
        double mean = mean(x);
        double[] profile = new double[n];
        double acc = 0;
        for (int i = 0; i < n; i++) {
            acc += x[i] - mean;
            profile[i] = acc;
        }
        int[] sizes = logSpaced(8, n / 4);
        double[] lx = new double[sizes.length];
        double[] ly = new double[sizes.length];
        for (int si = 0; si < sizes.length; si++) {
            int s = sizes[si];
            int boxes = n / s;
            double total = 0;
            for (int b = 0; b < boxes; b++) {
                total += detrendedSquares(profile, b * s, s);
                total += detrendedSquares(profile, n - (b + 1) * s, s);
            }
            lx[si] = Math.log10(s);
            ly[si] = 0.5 * Math.log10(total / (2.0 * boxes * s));
        }
        return fit("dfa", lx, ly, 1, 0);
    }

    /**
     * Aggregated variance: for block sizes m in [4, n/8] the sample variance of the ⌊n/m⌋ block means scales like
     * m^{2H−2}; H = 1 + slope/2.
     */
    public static HurstEstimate aggregatedVariance(double[] x) {
        checkLength(x);
        int n = x.length;
        int[] sizes = logSpaced(4, n / 8);
        double[] lx = new double[sizes.length];
        double[] ly = new double[sizes.length];
        for (int si = 0; si < sizes.length; si++) {
            int m = sizes[si];
            int blocks = n / m;
            double[] means = new double[blocks];
            for (int b = 0; b < blocks; b++) {
                double s = 0;
                for (int i = b * m; i < (b + 1) * m; i++) {
                    s += x[i];
                }
                means[b] = s / m;
            }
            double mu = mean(means);
            double v = 0;
            for (double mb : means) {
                v += (mb - mu) * (mb - mu);
            }
            lx[si] = Math.log10(m);
            ly[si] = Math.log10(v / (blocks - 1));
        }
        return fit("aggvar", lx, ly, 0.5, 1);
    }

    /**
     * Rescaled range: for window sizes w in [16, n/2], the mean over non-overlapping windows of R/S, R the range
     * of the cumulated deviations from the window mean and S the window's standard deviation; H is the slope of
     * log(R/S) against log w. Biased towards 0.5 for small H; a coarse check only (no Anis–Lloyd correction).
     */
    public static HurstEstimate rescaledRange(double[] x) {
        checkLength(x);
        int n = x.length;
        int[] sizes = logSpaced(16, n / 2);
        double[] lx = new double[sizes.length];
        double[] ly = new double[sizes.length];
        for (int si = 0; si < sizes.length; si++) {
            int w = sizes[si];
            int windows = n / w;
            double sum = 0;
            int used = 0;
            for (int b = 0; b < windows; b++) {
                int from = b * w;
                double mu = 0;
                for (int i = from; i < from + w; i++) {
                    mu += x[i];
                }
                mu /= w;
                double z = 0;
                double max = 0;
                double min = 0;
                double ss = 0;
                for (int i = from; i < from + w; i++) {
                    double d = x[i] - mu;
                    z += d;
                    max = Math.max(max, z);
                    min = Math.min(min, z);
                    ss += d * d;
                }
                double sd = Math.sqrt(ss / w);
                if (sd > 0) {
                    sum += (max - min) / sd;
                    used++;
                }
            }
            if (used == 0) {
                throw new IllegalArgumentException("R/S needs a series that is not constant");
            }
            lx[si] = Math.log10(w);
            ly[si] = Math.log10(sum / used);
        }
        return fit("rs", lx, ly, 1, 0);
    }

    /** H = factor·slope + offset of the log–log line. */
    private static HurstEstimate fit(String method, double[] lx, double[] ly, double factor, double offset) {
        for (double v : ly) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(method + " needs a series that is not constant");
            }
        }
        LineFit line = LineFit.of(lx, ly);
        return new HurstEstimate(method, factor * line.slope() + offset, lx, ly, line.at(lx));
    }

    /** Sum of squared residuals of the least-squares line through y[from..from+s) against 0..s−1. */
    private static double detrendedSquares(double[] y, int from, int s) {
        double tMean = (s - 1) / 2.0;
        double yMean = 0;
        for (int i = 0; i < s; i++) {
            yMean += y[from + i];
        }
        yMean /= s;
        double sty = 0;
        double stt = 0;
        for (int i = 0; i < s; i++) {
            double dt = i - tMean;
            sty += dt * (y[from + i] - yMean);
            stt += dt * dt;
        }
        double slope = sty / stt;
        double r2 = 0;
        for (int i = 0; i < s; i++) {
            double r = y[from + i] - yMean - slope * (i - tMean);
            r2 += r * r;
        }
        return r2;
    }

    /** About {@value #SCALES} distinct integers log-spaced in [lo, hi] (at least two; hi &ge; lo + 1). */
    static int[] logSpaced(int lo, int hi) {
        if (hi <= lo) {
            throw new IllegalArgumentException("series too short for the scales " + lo + ".." + hi);
        }
        int[] out = new int[SCALES];
        int count = 0;
        for (int i = 0; i < SCALES; i++) {
            int v = (int) Math.round(lo * Math.pow((double) hi / lo, i / (SCALES - 1.0)));
            if (count == 0 || v > out[count - 1]) {
                out[count++] = v;
            }
        }
        return Arrays.copyOf(out, count);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static void checkLength(double[] x) {
        if (x.length < MIN_LENGTH) {
            throw new IllegalArgumentException("Hurst estimation needs at least " + MIN_LENGTH + " increments, got " + x.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("increment " + (i + 1) + " is not finite: " + x[i]);
            }
        }
    }
}
