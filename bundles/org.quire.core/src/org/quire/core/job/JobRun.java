package org.quire.core.job;

import java.util.Objects;

import org.quire.core.run.RunRequest;

/**
 * One run of an expanded job: a point of a sweep with one seed.
 *
 * @param directory the run's output directory under the job's output directory, e.g. {@code walk} or
 *                  {@code walk-steps_10-rate_0.1-seed_1}; letters, digits, '.', '_' and '-' only
 * @param request   what to run
 * @param line      1-based line of the run's entry in the job file
 * @param column    1-based column of the run's entry
 */
public record JobRun(String directory, RunRequest request, int line, int column) {
    public JobRun {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(request, "request");
    }
}
