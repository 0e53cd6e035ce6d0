package org.quire.bench.fbm;

import java.util.Locale;
import java.util.SplittableRandom;

import org.hipparchus.complex.Complex;
import org.hipparchus.transform.DftNormalization;
import org.hipparchus.transform.FastFourierTransformer;
import org.hipparchus.transform.TransformType;
import org.quire.fbm.math.FbmType;
import org.quire.fbm.math.FgnGenerator;
import org.quire.fbm.math.GammaGrid;
import org.quire.fbm.math.MaFbmSimulator;
import org.quire.fbm.math.MarkovApproximation;
import org.quire.fbm.math.WhittleEstimator;

/**
 * Single-threaded timings of org.quire.fbm at n = 2^14: Davies–Harte fGn (JTransforms, cached eigenvalues; and the
 * same embedding with Hipparchus' FastFourierTransformer for the FFT choice), the Whittle estimate and MA-fBM K = 5.
 * Prints "quire &lt;key&gt; &lt;ms&gt;" lines read by run.sh. Usage: FbmBench [paths [estimates]].
 */
public final class FbmBench {

    private static final int N = 1 << 14;

    private FbmBench() {
    }

    public static void main(String[] args) {
        int paths = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int estimates = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        double sink = 0;
        // JIT warm-up of every timed kernel before any timing
        for (double h : new double[] {0.7, 0.3}) {
            FgnGenerator gen = FgnGenerator.of(N, h, FgnGenerator.Method.DAVIES_HARTE);
            SplittableRandom random = new SplittableRandom(0);
            for (int i = 0; i < 300; i++) {
                sink += gen.sample(random)[7];
            }
            for (int i = 0; i < 5; i++) {
                sink += WhittleEstimator.estimate(gen.sample(random)).hurst();
            }
        }
        for (double h : new double[] {0.7, 0.3}) {
            FgnGenerator gen = FgnGenerator.of(N, h, FgnGenerator.Method.DAVIES_HARTE);
            SplittableRandom random = new SplittableRandom(1);
            for (int i = 0; i < paths / 2; i++) {
                sink += gen.sample(random)[7];
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < paths; i++) {
                sink += gen.sample(random)[7];
            }
            print("fgn_h" + (int) Math.round(h * 10), (System.nanoTime() - t0) / 1e6 / paths);
        }
        // the FFT choice: the same embedding through Hipparchus' Complex[] FFT (eigenvalues computed once too)
        sink += hipparchusDaviesHarte(Math.max(20, paths / 20));

        for (double h : new double[] {0.7, 0.3}) {
            FgnGenerator gen = FgnGenerator.of(N, h, FgnGenerator.Method.DAVIES_HARTE);
            SplittableRandom random = new SplittableRandom(2);
            double[][] data = new double[estimates][];
            for (int i = 0; i < estimates; i++) {
                data[i] = gen.sample(random);
            }
            for (int i = 0; i < Math.min(5, estimates); i++) {
                sink += WhittleEstimator.estimate(data[i]).hurst();
            }
            long t0 = System.nanoTime();
            double mean = 0;
            for (int i = 0; i < estimates; i++) {
                mean += WhittleEstimator.estimate(data[i]).hurst() / estimates;
            }
            print("whittle_h" + (int) Math.round(h * 10), (System.nanoTime() - t0) / 1e6 / estimates);
            System.out.printf(Locale.ROOT, "# quire whittle mean estimate at H=%.1f over %d paths: %.4f%n", h, estimates, mean);
        }

        MarkovApproximation ma = MarkovApproximation.optimal(FbmType.TYPE_I, 0.7, 1, GammaGrid.symmetric(5, 20));
        for (MaFbmSimulator.Stepper stepper : MaFbmSimulator.Stepper.values()) {
            MaFbmSimulator sim = new MaFbmSimulator(ma, N, 1.0 / N, stepper);
            SplittableRandom random = new SplittableRandom(3);
            for (int i = 0; i < paths / 2; i++) {
                sink += sim.sample(random)[N];
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < paths; i++) {
                sink += sim.sample(random)[N];
            }
            print("mafbm_k5_" + stepper.name().toLowerCase(Locale.ROOT), (System.nanoTime() - t0) / 1e6 / paths);
        }
        System.out.println("# sink " + (sink == 42 ? "!" : "ok"));
    }

    private static double hipparchusDaviesHarte(int paths) {
        int m = 2 * N;
        double h = 0.7;
        double[] c = new double[m];
        for (int k = 0; k <= N; k++) {
            c[k] = FgnGenerator.autocovariance(h, k);
        }
        for (int k = N + 1; k < m; k++) {
            c[k] = c[m - k];
        }
        FastFourierTransformer fft = new FastFourierTransformer(DftNormalization.STANDARD);
        Complex[] lambda = fft.transform(c, TransformType.FORWARD);
        double[] root = new double[m];
        for (int j = 0; j < m; j++) {
            root[j] = Math.sqrt(Math.max(lambda[j].getReal(), 0) / m);
        }
        SplittableRandom random = new SplittableRandom(4);
        double sink = 0;
        long t0 = 0;
        for (int i = 0; i < paths + paths / 2; i++) {
            if (i == paths / 2) {
                t0 = System.nanoTime();
            }
            Complex[] w = new Complex[m];
            for (int j = 0; j < m; j++) {
                w[j] = new Complex(root[j] * random.nextGaussian(), root[j] * random.nextGaussian());
            }
            Complex[] x = fft.transform(w, TransformType.FORWARD);
            sink += x[5].getReal(); // real part of the first n entries: one fGn path
        }
        print("fgn_h7_hipparchus_fft", (System.nanoTime() - t0) / 1e6 / paths);
        return sink;
    }

    private static void print(String key, double ms) {
        System.out.printf(Locale.ROOT, "quire %s %.4f%n", key, ms);
    }
}
