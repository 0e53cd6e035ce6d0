package org.quire.core.job;

/**
 * Where something was written in a job file.
 *
 * @param path   the place in the document, e.g. {@code runs[2].params.hurst} or {@code defaults.seed}
 * @param line   1-based line
 * @param column 1-based column
 */
public record JobLocation(String path, int line, int column) {

    /** {@code file:line:column: } as a message prefix. */
    public String prefix(java.nio.file.Path file) {
        return file + ":" + line + ":" + column + ": ";
    }
}
