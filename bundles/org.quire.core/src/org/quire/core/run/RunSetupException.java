package org.quire.core.run;

import java.util.Objects;

/**
 * A run request could not be prepared; nothing ran. The message names the algorithm, parameter or
 * file at fault and what was expected. The status is {@link RunStatus#INVALID} (usage or parameter
 * error, exit code 2) or {@link RunStatus#INPUT_ERROR} (an input file cannot be read, exit code 3).
 */
public final class RunSetupException extends Exception {
    private static final long serialVersionUID = 1L;

    private final RunStatus status;

    /**
     * @param status  {@link RunStatus#INVALID} or {@link RunStatus#INPUT_ERROR}
     * @param message what is wrong and what was expected
     */
    public RunSetupException(RunStatus status, String message) {
        this(status, message, null);
    }

    public RunSetupException(RunStatus status, String message, Throwable cause) {
        super(message, cause);
        Objects.requireNonNull(status, "status");
        if (status != RunStatus.INVALID && status != RunStatus.INPUT_ERROR) {
            throw new IllegalArgumentException("a setup error is INVALID or INPUT_ERROR, not " + status);
        }
        this.status = status;
    }

    /** {@link RunStatus#INVALID} or {@link RunStatus#INPUT_ERROR}. */
    public RunStatus status() {
        return status;
    }
}
