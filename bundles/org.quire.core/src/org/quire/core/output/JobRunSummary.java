package org.quire.core.output;

import java.util.Objects;

import org.quire.core.run.RunOutcome;

/**
 * One run of a job, for the job's summary page.
 *
 * @param directory the run's directory relative to the job's output directory, '/'-separated, e.g. {@code walk-seed_1}
 * @param outcome   how the run ended
 */
public record JobRunSummary(String directory, RunOutcome outcome) {
    public JobRunSummary {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(outcome, "outcome");
    }
}
