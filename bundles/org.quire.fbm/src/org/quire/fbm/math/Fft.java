package org.quire.fbm.math;

import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.utils.CommonUtils;

/**
 * JTransforms 1-D FFT plans, single-threaded: on first use the thresholds above which JTransforms splits a 1-D FFT
 * over its own threads are raised to the maximum (a JVM-wide JTransforms setting). Quire parallelises over paths
 * with deterministic loops instead; nested FFT threads only cost time on few cores (2–3× at n = 2^14 on 2 cores).
 */
final class Fft {

    static {
        CommonUtils.setThreadsBeginN_1D_FFT_2Threads(Long.MAX_VALUE);
        CommonUtils.setThreadsBeginN_1D_FFT_4Threads(Long.MAX_VALUE);
    }

    private Fft() {
    }

    /** A new plan for length n (plans keep work tables: confine each to one thread). */
    static DoubleFFT_1D plan(long n) {
        return new DoubleFFT_1D(n);
    }
}
