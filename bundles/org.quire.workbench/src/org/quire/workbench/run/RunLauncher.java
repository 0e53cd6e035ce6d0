package org.quire.workbench.run;

import java.time.Instant;
import java.util.Objects;

import org.quire.core.output.ChartRenderer;
import org.quire.core.output.RunDirectoryWriter;
import org.quire.core.registry.AlgorithmRegistry;
import org.quire.core.run.PreparedRun;
import org.quire.core.run.RunEngine;
import org.quire.core.run.RunRequest;
import org.quire.core.run.RunSetupException;
import org.quire.workbench.model.RunDirectories;
import org.quire.workbench.model.RunHistory;
import org.quire.workbench.model.RunRecord;

/**
 * Starts runs: validates a request with {@link RunEngine#prepare}, records it in the history and
 * schedules a {@link RunJob}. Thread-safe; one instance per workbench (in the application context).
 */
public final class RunLauncher {

    private final RunHistory history;
    private final RunDirectories directories;
    private final ChartRenderer charts;

    /**
     * @param charts renders charts into run directories; null skips chart files (noted in index.html)
     */
    public RunLauncher(RunHistory history, RunDirectories directories, ChartRenderer charts) {
        this.history = Objects.requireNonNull(history, "history");
        this.directories = Objects.requireNonNull(directories, "directories");
        this.charts = charts;
    }

    /**
     * Validates the request against the registry and schedules it.
     *
     * @return the run's record, running
     * @throws RunSetupException when the request is invalid or an input cannot be read; nothing is
     *         recorded or scheduled then
     */
    public RunRecord launch(AlgorithmRegistry registry, RunRequest request) throws RunSetupException {
        RunEngine engine = new RunEngine(registry);
        PreparedRun prepared = engine.prepare(request);
        RunRecord record = history.submit(request, prepared.algorithm().descriptor(), Instant.now());
        new RunJob(engine, prepared, record, history, directories, new RunDirectoryWriter(charts)).schedule();
        return record;
    }

    /** Asks every running run to stop. */
    public void cancelAll() {
        history.running().forEach(RunRecord::cancel);
    }

    /** The history runs are recorded in. */
    public RunHistory history() {
        return history;
    }
}
