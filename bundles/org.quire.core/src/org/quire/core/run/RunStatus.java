package org.quire.core.run;

/** How a run ended, with the batch exit code of design §3. */
public enum RunStatus {
    /** Finished cleanly. */
    OK(0),
    /** Finished, with warnings the user must read. */
    WARNINGS(1),
    /** Usage or parameter error; nothing ran. */
    INVALID(2),
    /** An input could not be read or is malformed. */
    INPUT_ERROR(3),
    /** The algorithm failed. */
    FAILED(4),
    /** Cancelled by the user (or a signal). */
    CANCELLED(5);

    private final int exitCode;

    RunStatus(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The batch exit code. */
    public int exitCode() {
        return exitCode;
    }

    /** Lower-case name used in JSON ({@code ok}, {@code warnings}, ...). */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Whether the run produced a result. */
    public boolean hasResult() {
        return this == OK || this == WARNINGS;
    }

    /** The worse of two statuses (by exit code), for summarising many runs. */
    public static RunStatus worst(RunStatus a, RunStatus b) {
        return a.exitCode >= b.exitCode ? a : b;
    }
}
