package org.quire.fbm.math;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Exact fractional Gaussian noise X_1..X_n with unit variance and autocovariance
 * ρ(k) = ½(|k+1|^{2H} − 2|k|^{2H} + |k−1|^{2H}), so that the cumulative sum is standard fBM on the integer grid
 * (Var B(j) = j^{2H}). {@link Method#DAVIES_HARTE}: circulant embedding of size 2n with one real FFT per path
 * (JTransforms), eigenvalues cached per (n, H); {@link Method#CHOLESKY}: the Toeplitz covariance's Cholesky
 * factor (n &le; {@value #MAX_CHOLESKY}), cached per (n, H). Instances are immutable and thread-safe.
 */
public final class FgnGenerator {

    /** Largest n accepted by the Cholesky method (the packed factor then holds n(n+1)/2 doubles). */
    public static final int MAX_CHOLESKY = 4096;

    /** Most doubles kept in the (n, H) cache (16 M = 128 MB); least recently used entries go first. */
    private static final long CACHE_BUDGET = 16L << 20;
    private static final Map<String, Object> CACHE = new LinkedHashMap<>(16, 0.75f, true);

    /** How the exact noise is drawn. */
    public enum Method {
        /** Circulant embedding with an FFT, O(n log n) per path. */
        DAVIES_HARTE,
        /** Lower-triangular factor of the n×n covariance, O(n²) per path after an O(n³) factorisation. */
        CHOLESKY
    }

    private final int n;
    private final double hurst;
    private final Method method;
    private final double[] sqrtEigen; // Davies–Harte: √(λ_j / 2n), j = 0..n
    private final double negativeEigenvalue; // most negative eigenvalue relative to the largest (0 if none)
    private final double[] factor; // Cholesky: packed rows of L
    private final ThreadLocal<DoubleFFT_1D> fft; // one FFT plan per thread: plans keep work tables

    private FgnGenerator(int n, double hurst, Method method) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (!(hurst > 0 && hurst < 1)) {
            throw new IllegalArgumentException("hurst must lie in (0, 1), got " + hurst);
        }
        this.n = n;
        this.hurst = hurst;
        this.method = method;
        if (method == Method.DAVIES_HARTE) {
            double[][] eig = (double[][]) cached("dh:" + n + ":" + Double.doubleToLongBits(hurst), () -> eigen(n, hurst));
            this.sqrtEigen = eig[0];
            this.negativeEigenvalue = eig[1][0];
            this.factor = null;
            this.fft = ThreadLocal.withInitial(() -> Fft.plan(2L * n));
        } else {
            if (n > MAX_CHOLESKY) {
                throw new IllegalArgumentException("the Cholesky method needs n <= " + MAX_CHOLESKY + ", got " + n
                        + "; use Davies–Harte");
            }
            this.factor = (double[]) cached("ch:" + n + ":" + Double.doubleToLongBits(hurst), () -> cholesky(n, hurst));
            this.sqrtEigen = null;
            this.negativeEigenvalue = 0;
            this.fft = null;
        }
    }

    /** A generator of n &ge; 1 values for H in (0, 1). */
    public static FgnGenerator of(int n, double hurst, Method method) {
        return new FgnGenerator(n, hurst, method);
    }

    /** The autocovariance ρ(k) of unit-variance fGn. */
    public static double autocovariance(double hurst, int k) {
        double h2 = 2 * hurst;
        double kk = Math.abs(k);
        return 0.5 * (Math.pow(kk + 1, h2) - 2 * Math.pow(kk, h2) + Math.pow(Math.abs(kk - 1), h2));
    }

    /** One path of n unit-variance fGn values drawn from {@code random} (2n Gaussians for Davies–Harte, n for Cholesky). */
    public double[] sample(SplittableRandom random) {
        return method == Method.DAVIES_HARTE ? sampleDaviesHarte(random) : sampleCholesky(random);
    }

    /**
     * The most negative circulant eigenvalue divided by the largest one (0 when all are &ge; 0); negative ones are
     * set to 0, which makes the noise slightly inexact. For fGn the embedding is non-negative in exact arithmetic.
     */
    public double negativeEigenvalue() {
        return negativeEigenvalue;
    }

    /** Path length n. */
    public int length() {
        return n;
    }

    /** H. */
    public double hurst() {
        return hurst;
    }

    /** The method. */
    public Method method() {
        return method;
    }

    private double[] sampleDaviesHarte(SplittableRandom random) {
        int m = 2 * n;
        double[] a = new double[m];
        // Hermitian spectrum V_j, packed for JTransforms' realInverse: a[0] = Re V_0, a[1] = Re V_n, a[2j], a[2j+1] = V_j
        a[0] = sqrtEigen[0] * Math.sqrt(2) * random.nextGaussian();
        a[1] = sqrtEigen[n] * Math.sqrt(2) * random.nextGaussian();
        for (int j = 1; j < n; j++) {
            a[2 * j] = sqrtEigen[j] * random.nextGaussian();
            a[2 * j + 1] = sqrtEigen[j] * random.nextGaussian();
        }
        fft.get().realInverse(a, false);
        double[] out = new double[n];
        System.arraycopy(a, 0, out, 0, n);
        return out;
    }

    private double[] sampleCholesky(SplittableRandom random) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = random.nextGaussian();
        }
        double[] out = new double[n];
        int row = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k <= i; k++) {
                s += factor[row + k] * z[k];
            }
            out[i] = s;
            row += i + 1;
        }
        return out;
    }

    /**
     * The circulant eigenvalues λ_j (j = 0..n, m = 2n) as amplitudes: with V_j = √(λ_j/(2m))(Z + iZ') for
     * 0 &lt; j &lt; n and √(λ_j/m)Z at j = 0, n, the Hermitian sum x_k = Σ_{j&lt;m} V_j e^{2πijk/m} has
     * Cov(x_k, x_l) = (1/m) Σ_j λ_j e^{2πij(k−l)/m} = ρ(k − l). JTransforms' un-scaled realInverse returns
     * f·(that sum) with f = ½ for powers of two and 1 otherwise, so f is measured once per size (a probe at j = 0)
     * and divided out. The √2 at j = 0, n is applied when sampling.
     */
    private static double[][] eigen(int n, double hurst) {
        int m = 2 * n;
        double[] c = new double[m];
        for (int k = 0; k <= n; k++) {
            c[k] = autocovariance(hurst, k);
        }
        for (int k = n + 1; k < m; k++) {
            c[k] = c[m - k];
        }
        Fft.plan(m).realForward(c);
        double[] lambda = new double[n + 1];
        lambda[0] = c[0];
        lambda[n] = c[1];
        for (int j = 1; j < n; j++) {
            lambda[j] = c[2 * j];
        }
        double max = 0;
        double min = 0;
        for (double l : lambda) {
            max = Math.max(max, l);
            min = Math.min(min, l);
        }
        double f = inverseFactor(m);
        double[] root = new double[n + 1];
        for (int j = 0; j <= n; j++) {
            root[j] = Math.sqrt(Math.max(lambda[j], 0) / (2.0 * m)) / f;
        }
        return new double[][] {root, {max > 0 ? min / max : 0}};
    }

    /** f with realInverse(V) = f·Σ_{j&lt;m} V_j e^{±2πijk/m}, from the probe V_0 = 1 (full sum 1 at every k). */
    private static double inverseFactor(int m) {
        double[] probe = new double[m];
        probe[0] = 1;
        Fft.plan(m).realInverse(probe, false);
        double f = probe[m - 1];
        if (!(Math.abs(f - 0.5) < 1e-9 || Math.abs(f - 1) < 1e-9)) {
            throw new IllegalStateException("unexpected JTransforms realInverse scaling " + f + " for size " + m);
        }
        return f;
    }

    private static double[] cholesky(int n, double hurst) {
        double[] rho = new double[n];
        for (int k = 0; k < n; k++) {
            rho[k] = autocovariance(hurst, k);
        }
        double[] l = new double[n * (n + 1) / 2];
        int rowI = 0;
        for (int i = 0; i < n; i++) {
            int rowJ = 0;
            for (int j = 0; j <= i; j++) {
                double s = rho[i - j];
                for (int k = 0; k < j; k++) {
                    s -= l[rowI + k] * l[rowJ + k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new ArithmeticException("fGn covariance is not positive definite at row " + i + " (H=" + hurst + ")");
                    }
                    l[rowI + i] = Math.sqrt(s);
                } else {
                    l[rowI + j] = s / l[rowJ + j];
                }
                rowJ += j + 1;
            }
            rowI += i + 1;
        }
        return l;
    }

    private static long weight(Object o) {
        return o instanceof double[] d ? d.length : ((double[][]) o)[0].length;
    }

    private static Object cached(String key, java.util.function.Supplier<Object> compute) {
        synchronized (CACHE) {
            Object v = CACHE.get(key);
            if (v != null) {
                return v;
            }
        }
        Object v = compute.get(); // computed outside the lock; a race only computes the same value twice
        synchronized (CACHE) {
            Object old = CACHE.putIfAbsent(key, v);
            long total = 0;
            for (Object o : CACHE.values()) {
                total += weight(o);
            }
            java.util.Iterator<Map.Entry<String, Object>> eldest = CACHE.entrySet().iterator();
            while (total > CACHE_BUDGET && CACHE.size() > 1 && eldest.hasNext()) {
                Map.Entry<String, Object> e = eldest.next();
                if (e.getKey().equals(key)) {
                    continue;
                }
                total -= weight(e.getValue());
                eldest.remove();
            }
            return old == null ? v : old;
        }
    }
}
