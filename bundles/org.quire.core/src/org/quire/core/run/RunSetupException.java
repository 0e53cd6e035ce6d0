package org.quire.core.run;

import java.util.Objects;

/**
 * A run request could not be prepared; nothing ran. The message names the algorithm, parameter or
 * file at fault and what was expected. The status is {@link RunStatus#INVALID} (usage or parameter
 * error, exit code 2), {@link RunStatus#INPUT_ERROR} (an input file cannot be read, exit code 3) or
 * {@link RunStatus#FAILED} (the algorithm's plugin is broken, exit code 4).
 */
public final class RunSetupException extends Exception {
    private static final long serialVersionUID = 1L;

    private final RunStatus status;

    /**
     * @param status  {@link RunStatus#INVALID}, {@link RunStatus#INPUT_ERROR} or {@link RunStatus#FAILED}
     * @param message what is wrong and what was expected
     */
    public RunSetupException(RunStatus status, String message) {
        this(status, message, null);
    }

    public RunSetupException(RunStatus status, String message, Throwable cause) {
        super(message, cause);
        Objects.requireNonNull(status, "status");
        if (status != RunStatus.INVALID && status != RunStatus.INPUT_ERROR && status != RunStatus.FAILED) {
            throw new IllegalArgumentException("a setup error is INVALID, INPUT_ERROR or FAILED, not " + status);
        }
        this.status = status;
    }

    /** {@link RunStatus#INVALID}, {@link RunStatus#INPUT_ERROR} or {@link RunStatus#FAILED}. */
    public RunStatus status() {
        return status;
    }
}
