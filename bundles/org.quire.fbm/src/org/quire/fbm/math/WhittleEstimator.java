package org.quire.fbm.math;

import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.special.Gamma;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Whittle's approximate maximum likelihood for fGn: minimises the profile objective
 * Q(H) = log((1/m) Σ_j I(λ_j)/f(λ_j; H)) + (1/m) Σ_j log f(λ_j; H) over the Fourier frequencies
 * λ_j = 2πj/n, j = 1..⌊(n−1)/2⌋, with Hipparchus' Brent optimiser on [{@value #LOWER}, {@value #UPPER}].
 * The fGn spectral density f(λ; H) = (1/2π)·2 sin(πH) Γ(2H+1) (1 − cos λ) Σ_k |λ + 2πk|^{−2H−1} is evaluated
 * with the terms |k| &le; 3 exactly and an Euler–Maclaurin tail (integral + ½g + g'/12 from |k| = 4), which
 * refines Paxson's (1997) integral correction to about 1e-6 relative. Stateless.
 */
public final class WhittleEstimator {

    /** Lower end of the search interval for H. */
    public static final double LOWER = 0.001;
    /** Upper end of the search interval for H. */
    public static final double UPPER = 0.999;

    private static final ThreadLocal<java.util.Map<Integer, DoubleFFT_1D>> PLANS =
            ThreadLocal.withInitial(java.util.HashMap::new);

    private WhittleEstimator() {
    }

    /** The Whittle estimate from fGn (increments) {@code x}, n &ge; 8; the diagnostic is the periodogram and the fitted density. */
    public static HurstEstimate estimate(double[] x) {
        int n = x.length;
        if (n < 8) {
            throw new IllegalArgumentException("Whittle needs at least 8 increments, got " + n);
        }
        double[] periodogram = periodogram(x);
        int m = periodogram.length;
        double[] lambda = new double[m];
        for (int j = 0; j < m; j++) {
            lambda[j] = 2 * Math.PI * (j + 1) / n;
        }
        Tables tables = new Tables(lambda);
        BrentOptimizer optimizer = new BrentOptimizer(1e-8, 1e-7);
        double h = optimizer.optimize(new MaxEval(500), GoalType.MINIMIZE, new SearchInterval(LOWER, UPPER, 0.5),
                new UnivariateObjectiveFunction(hh -> objective(hh, periodogram, tables))).getPoint();
        double[] shape = tables.shape(h);
        double scale = 0;
        for (int j = 0; j < m; j++) {
            scale += periodogram[j] / shape[j];
        }
        scale /= m;
        double[] fitted = new double[m];
        for (int j = 0; j < m; j++) {
            fitted[j] = scale * shape[j];
        }
        return new HurstEstimate("whittle", h, lambda, periodogram, fitted);
    }

    /** The periodogram I(λ_j) = |Σ_t (x_t − x̄) e^{−iλ_j t}|²/(2πn) at λ_j = 2πj/n, j = 1..⌊(n−1)/2⌋. */
    public static double[] periodogram(double[] x) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = x[i] - mean;
        }
        plan(n).realForward(a);
        int m = (n - 1) / 2;
        double[] out = new double[m];
        for (int j = 1; j <= m; j++) {
            double re;
            double im;
            if (n % 2 == 1 && j == m) {
                re = a[n - 1]; // JTransforms packs the last bin of an odd length at n−1 (real) and 1 (imaginary)
                im = a[1];
            } else {
                re = a[2 * j];
                im = a[2 * j + 1];
            }
            out[j - 1] = (re * re + im * im) / (2 * Math.PI * n);
        }
        return out;
    }

    /** This thread's FFT plan for length n (plans are costly to build; a few lengths are kept per thread). */
    private static DoubleFFT_1D plan(int n) {
        java.util.Map<Integer, DoubleFFT_1D> plans = PLANS.get();
        DoubleFFT_1D plan = plans.get(n);
        if (plan == null) {
            if (plans.size() >= 4) {
                plans.clear();
            }
            plan = Fft.plan(n);
            plans.put(n, plan);
        }
        return plan;
    }

    /** The spectral density of unit-variance fGn at λ in (0, π], normalised so that ∫_{−π}^{π} f dλ = 1 (white noise: 1/2π). */
    public static double spectralDensity(double hurst, double lambda) {
        return Math.sin(Math.PI * hurst) * Gamma.gamma(2 * hurst + 1) / Math.PI
                * new Tables(new double[] {lambda}).shape(hurst)[0];
    }

    private static double objective(double h, double[] periodogram, Tables tables) {
        double[] shape = tables.shape(h);
        int m = shape.length;
        double ratio = 0;
        double logs = 0;
        for (int j = 0; j < m; j++) {
            ratio += periodogram[j] / shape[j];
            logs += Math.log(shape[j]);
        }
        return Math.log(ratio / m) + logs / m;
    }

    /** Logarithms of |λ + 2πk| (|k| &le; 3) and of the tail starts 8π + λ and 8π − λ, computed once per λ. */
    private static final class Tables {
        private final double[] oneMinusCos;
        private final double[] logTerms; // [7j + k + 3]: log|λ_j + 2πk| for k = −3..3
        private final double[] logTail; // [2j + side]: log(8π ± λ_j)
        private final double[] tailStart; // [2j + side]: 8π ± λ_j

        Tables(double[] lambda) {
            int m = lambda.length;
            oneMinusCos = new double[m];
            logTerms = new double[7 * m];
            logTail = new double[2 * m];
            tailStart = new double[2 * m];
            for (int j = 0; j < m; j++) {
                double l = lambda[j];
                oneMinusCos[j] = 1 - Math.cos(l);
                for (int k = -3; k <= 3; k++) {
                    logTerms[7 * j + k + 3] = Math.log(Math.abs(l + 2 * Math.PI * k));
                }
                tailStart[2 * j] = 8 * Math.PI + l;
                tailStart[2 * j + 1] = 8 * Math.PI - l;
                logTail[2 * j] = Math.log(tailStart[2 * j]);
                logTail[2 * j + 1] = Math.log(tailStart[2 * j + 1]);
            }
        }

        /** (1 − cos λ)·Σ_k |λ + 2πk|^{−2H−1} without the constant sin(πH)Γ(2H+1)/π. */
        double[] shape(double h) {
            int m = oneMinusCos.length;
            double d = 2 * h + 1;
            double tailFactor = 1 / (2 * Math.PI * (d - 1));
            double slopeFactor = d * 2 * Math.PI / 12;
            double[] out = new double[m];
            for (int j = 0; j < m; j++) {
                double s = 0;
                int base = 7 * j;
                for (int k = 0; k < 7; k++) {
                    s += Math.exp(-d * logTerms[base + k]);
                }
                for (int side = 0; side < 2; side++) {
                    // Σ_{k≥4} g(k), g(x) = (2πx ± λ)^{−d}: ∫_4^∞ g + g(4)/2 − g'(4)/12
                    double g = Math.exp(-d * logTail[2 * j + side]);
                    double a = tailStart[2 * j + side];
                    s += g * (a * tailFactor + 0.5 + slopeFactor / a);
                }
                out[j] = oneMinusCos[j] * s;
            }
            return out;
        }
    }
}
