package org.quire.core.job;

import java.nio.file.Path;

/**
 * A job file could not be read, is not valid YAML or JSON, or does not follow the job format. The message
 * has the form {@code job.yaml:3:5: runs[0].seed: expected an integer, found text 'x'}, or
 * {@code job.yaml: ...} when the problem is not at a position (the file cannot be read).
 */
public final class JobFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * @param file    the job file
     * @param line    1-based line, or 0 when the problem is not at a position
     * @param column  1-based column, or 0
     * @param problem what is wrong and what was expected, without the position
     */
    public JobFileException(Path file, int line, int column, String problem) {
        this(file, line, column, problem, null);
    }

    /** As {@link #JobFileException(Path, int, int, String)}, with a cause. */
    public JobFileException(Path file, int line, int column, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line + ":" + column : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** The job file. */
    public Path file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem is not at a position. */
    public int line() {
        return line;
    }

    /** The 1-based column, or 0 when the problem is not at a position. */
    public int column() {
        return column;
    }

    /** What is wrong, without file and position. */
    public String problem() {
        return problem;
    }
}
