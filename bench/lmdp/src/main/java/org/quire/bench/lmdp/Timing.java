package org.quire.bench.lmdp;

import java.util.Arrays;
import java.util.function.DoubleSupplier;

/** Wall-clock timing in the calling thread: warm-up runs, then the median of repeated runs. */
final class Timing {

    /** Median time in milliseconds, the number of timed runs and the value of the last run. */
    record Result(double medianMillis, int runs, double value) {
    }

    /** How long to warm up and how many runs to time. */
    record Plan(int warmupRuns, double warmupMillis, int minRuns, int maxRuns, double minTotalMillis) {
    }

    private Timing() {
    }

    /**
     * Runs {@code task} untimed until both {@code warmupRuns} runs and {@code warmupMillis} have passed (so the JIT
     * has compiled the hot paths), then times at least {@code minRuns} runs and keeps going, up to {@code maxRuns},
     * until {@code minTotalMillis} of timed work has accumulated.
     */
    static Result median(DoubleSupplier task, Plan plan) {
        double value = Double.NaN;
        long warmStart = System.nanoTime();
        for (int i = 0; i < plan.warmupRuns() || (System.nanoTime() - warmStart) / 1e6 < plan.warmupMillis(); i++) {
            value = task.getAsDouble();
        }
        double[] times = new double[plan.maxRuns()];
        double total = 0;
        int n = 0;
        while (n < plan.maxRuns() && (n < plan.minRuns() || total < plan.minTotalMillis())) {
            long t0 = System.nanoTime();
            value = task.getAsDouble();
            times[n] = (System.nanoTime() - t0) / 1e6;
            total += times[n];
            n++;
        }
        double[] sorted = Arrays.copyOf(times, n);
        Arrays.sort(sorted);
        double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        return new Result(median, n, value);
    }
}
