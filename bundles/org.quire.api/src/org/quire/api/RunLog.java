package org.quire.api;

/**
 * Messages from a running algorithm. {@link #warn(String)} turns the run's status into "finished
 * with warnings" (exit code 1 in batch) and the warning is recorded in the provenance.
 * Thread-safe.
 */
public interface RunLog {
    /** Something a user may want to read in the log; not recorded as a warning. */
    void info(String message);

    /** Something the user must know about the result (e.g. an approximation known to be poor). */
    void warn(String message);
}
