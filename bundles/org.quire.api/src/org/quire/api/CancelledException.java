package org.quire.api;

/** Thrown by {@link Progress} when a run has been cancelled; hosts report the run as cancelled. */
public class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled");
    }
}
