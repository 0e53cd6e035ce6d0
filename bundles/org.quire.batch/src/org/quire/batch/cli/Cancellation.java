package org.quire.batch.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.quire.core.run.CancelSignal;

/**
 * Process-wide cancellation for the command line: a signal handler calls {@link #cancel()}; the
 * command running at that moment sees its {@link CancelSignal} set, finishes writing (a cancelled
 * run directory holds no complete-looking result) and calls {@link #finish(int)}; the handler then
 * waits for that with {@link #awaitFinish(long)} and exits with the code. Thread-safe.
 */
public final class Cancellation {
    private final AtomicReference<CancelSignal> current = new AtomicReference<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicInteger exitCode = new AtomicInteger(-1);
    private volatile boolean cancelled;
    private volatile java.time.Duration stopping = java.time.Duration.ZERO;

    /**
     * Tells the signal handler how long the current command may need to stop after a cancellation
     * (the run engine's grace period), so that it waits at least that long plus time to write.
     */
    public void allowForStopping(java.time.Duration grace) {
        stopping = grace == null ? java.time.Duration.ZERO : grace;
    }

    /** The time allowed by {@link #allowForStopping}. */
    public java.time.Duration stopping() {
        return stopping;
    }

    /** The signal for the next run; set at once if cancellation was already requested. */
    public CancelSignal newSignal() {
        CancelSignal s = new CancelSignal();
        current.set(s);
        if (cancelled) {
            s.cancel();
        }
        return s;
    }

    /** Requests cancellation of the current and all later runs. */
    public void cancel() {
        cancelled = true;
        CancelSignal s = current.get();
        if (s != null) {
            s.cancel();
        }
    }

    /** Whether cancellation was requested. */
    public boolean isCancelled() {
        return cancelled;
    }

    /** Marks the command as finished with this exit code (outputs are complete on disk). */
    public void finish(int code) {
        exitCode.compareAndSet(-1, code);
        finished.countDown();
    }

    /** Whether {@link #finish(int)} was called. */
    public boolean isFinished() {
        return finished.getCount() == 0;
    }

    /**
     * Waits until the command finished.
     *
     * @return its exit code, or -1 on timeout
     */
    public int awaitFinish(long millis) throws InterruptedException {
        return finished.await(millis, TimeUnit.MILLISECONDS) ? exitCode.get() : -1;
    }
}
