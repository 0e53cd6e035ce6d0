package org.quire.api;

import java.nio.file.Path;

/**
 * An input file could not be read or is malformed. The message names the file and, where it
 * applies, the line (1-based) or byte offset, and what was expected. Exit code 3 in batch.
 */
public class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;

    /**
     * @param file    the file
     * @param line    1-based line, or &le; 0 when not about a line
     * @param message what was found and what was expected
     */
    public InputException(Path file, long line, String message) {
        this(file, line, message, null);
    }

    public InputException(Path file, long line, String message, Throwable cause) {
        super(format(file, line, message), cause);
        this.file = file;
        this.line = line;
    }

    private static String format(Path file, long line, String message) {
        return (file == null ? "input" : file.toString()) + (line > 0 ? ":" + line : "") + ": " + message;
    }

    /** The file, or null. */
    public Path file() {
        return file;
    }

    /** The 1-based line, or &le; 0. */
    public long line() {
        return line;
    }
}
