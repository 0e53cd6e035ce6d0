package org.quire.fbm.fit;

import org.quire.fbm.math.GammaGrid;

/**
 * The internal units shared by the fits: time unit u = √(Δ·span) (Δ the mean interval), the observation times in
 * that unit, the OU grid from 1/(c·span) to c/Δ (symmetric in log space in internal time), and the value scales.
 *
 * @param unit           u, in data time units
 * @param times          observation times (t_i − t_0)/u
 * @param horizon        last internal time T (the ω horizon)
 * @param grid           OU speeds per internal time unit
 * @param valueMean      mean of all values
 * @param valueScale     standard deviation of all values (the increment scale when they are constant)
 * @param incrementScale root mean square of the first differences
 * @param sigmaScale     incrementScale/√(Δ/u): the σ of a Brownian motion with such increments (internal time)
 * @param observations   paths × (n − 1)
 */
public record FitScales(double unit, double[] times, double horizon, GammaGrid grid, double valueMean,
        double valueScale, double incrementScale, double sigmaScale, int observations) {

    /**
     * @throws IllegalArgumentException when the paths are constant
     */
    public static FitScales of(PathData data, int ouCount, double gammaFactor) {
        double dt = data.meanInterval();
        double unit = Math.sqrt(dt * data.span());
        int n = data.length();
        double[] times = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = (data.time(i) - data.time(0)) / unit;
        }
        double horizon = times[n - 1];
        GammaGrid grid = GammaGrid.symmetric(ouCount, Math.max(gammaFactor * unit / dt, 1 + 1e-9));
        double sum = 0;
        double sum2 = 0;
        double inc2 = 0;
        double inc = 0;
        int count = 0;
        for (int p = 0; p < data.pathCount(); p++) {
            for (int i = 0; i < n; i++) {
                double v = data.value(p, i);
                sum += v;
                sum2 += v * v;
                if (i > 0) {
                    double d = v - data.value(p, i - 1);
                    inc += d;
                    inc2 += d * d;
                    count++;
                }
            }
        }
        int total = data.pathCount() * n;
        double mean = sum / total;
        if (!(inc2 / count - (inc / count) * (inc / count) > 0)) {
            throw new IllegalArgumentException("the paths are constant: their first differences have no variance");
        }
        double incrementScale = Math.sqrt(inc2 / count);
        double var = sum2 / total - mean * mean;
        double valueScale = var > 0 ? Math.sqrt(var) : incrementScale;
        double sigmaScale = incrementScale / Math.sqrt(horizon / (n - 1));
        return new FitScales(unit, times, horizon, grid, mean, valueScale, incrementScale, sigmaScale,
                data.pathCount() * (n - 1));
    }
}
