package org.quire.core.run;

/**
 * A one-way switch asking a run to stop: set it from any thread (a Cancel button, a SIGINT
 * handler); the run's {@link org.quire.api.Progress} sees it on its next check and throws
 * {@link org.quire.api.CancelledException}. Thread-safe; once cancelled it stays cancelled.
 */
public final class CancelSignal {
    private volatile boolean cancelled;

    /** Asks the run to stop. Idempotent. */
    public void cancel() {
        cancelled = true;
    }

    /** Whether {@link #cancel()} has been called. Cheap. */
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public String toString() {
        return cancelled ? "CancelSignal[cancelled]" : "CancelSignal[running]";
    }
}
