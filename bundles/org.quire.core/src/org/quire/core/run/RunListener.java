package org.quire.core.run;

/**
 * Receives what a run reports while it executes, in the threads the algorithm uses: progress
 * (throttled to about ten calls per second, plus a final one) and log messages. Implementations
 * must be thread-safe and quick; exceptions they throw are logged and otherwise ignored.
 */
public interface RunListener {

    /**
     * Progress of the whole run.
     *
     * @param task     the deepest active task's name (may be empty)
     * @param fraction fraction done, in [0, 1], never decreasing within a run
     * @param message  the latest status message (may be empty)
     */
    default void progress(String task, double fraction, String message) {
    }

    /**
     * A log message from the algorithm.
     *
     * @param warning true for a warning (recorded in the outcome), false for information
     * @param message the text
     */
    default void log(boolean warning, String message) {
    }

    /** A listener that ignores everything. */
    RunListener NONE = new RunListener() {
    };
}
