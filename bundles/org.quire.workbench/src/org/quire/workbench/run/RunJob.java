package org.quire.workbench.run;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.quire.core.output.RunDirectoryWriter;
import org.quire.core.run.PreparedRun;
import org.quire.core.run.RunEngine;
import org.quire.core.run.RunListener;
import org.quire.core.run.RunOutcome;
import org.quire.workbench.model.RunDirectories;
import org.quire.workbench.model.RunHistory;
import org.quire.workbench.model.RunRecord;

/**
 * An Eclipse job that executes one prepared run. Progress goes to the job's monitor (in units of
 * 1/1000) and to the run history, which the workbench's progress line and Runs view follow.
 * Cancelling the job ({@link #canceling()}) or the record raises the run's cancel signal. When the
 * run ends its directory is written and the record finished; algorithm failures end the run with
 * their status, never as a job error.
 */
public final class RunJob extends Job {

    /** The job family of all run jobs, for {@code Job.getJobManager().find(RunJob.FAMILY)}. */
    public static final Object FAMILY = RunJob.class;

    private static final int TOTAL = 1000;

    private final RunEngine engine;
    private final PreparedRun prepared;
    private final RunRecord record;
    private final RunHistory history;
    private final RunDirectories directories;
    private final RunDirectoryWriter writer;

    RunJob(RunEngine engine, PreparedRun prepared, RunRecord record, RunHistory history, RunDirectories directories,
            RunDirectoryWriter writer) {
        super("Run " + record.label());
        this.engine = engine;
        this.prepared = prepared;
        this.record = record;
        this.history = history;
        this.directories = directories;
        this.writer = writer;
        setSystem(false);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), TOTAL);
        MonitorBridge bridge = new MonitorBridge(monitor);
        RunOutcome outcome = engine.execute(prepared, bridge, record.cancelSignal());
        monitor.subTask("Writing run directory");
        Path dir = null;
        String dirError = null;
        try {
            dir = directories.allocate(outcome.startedAt(), outcome.request().algorithmId());
            writer.write(outcome, dir);
        } catch (IOException | RuntimeException e) {
            dirError = "could not write run directory " + (dir == null ? directories.root() : dir) + ": " + e.getMessage();
            dir = null;
        }
        history.finish(record, outcome, dir, dirError);
        monitor.done();
        return Status.OK_STATUS;
    }

    @Override
    protected void canceling() {
        record.cancel();
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    /** The record this job runs. */
    public RunRecord record() {
        return record;
    }

    /** Forwards engine progress to the job monitor and the history; turns a cancelled monitor into a cancel request. */
    private final class MonitorBridge implements RunListener {
        private final IProgressMonitor monitor;
        private int done;

        MonitorBridge(IProgressMonitor monitor) {
            this.monitor = monitor;
        }

        @Override
        public synchronized void progress(String task, double fraction, String message) {
            int target = (int) Math.round(Math.max(0, Math.min(1, fraction)) * TOTAL);
            if (target > done) {
                monitor.worked(target - done);
                done = target;
            }
            monitor.subTask(message == null || message.isEmpty() ? task : task + ": " + message);
            if (monitor.isCanceled()) {
                record.cancel();
            }
            history.progress(record, task, fraction, message);
        }

        @Override
        public void log(boolean warning, String message) {
            history.log(record, warning, message);
        }
    }
}
