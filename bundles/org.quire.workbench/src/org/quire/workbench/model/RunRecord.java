package org.quire.workbench.model;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.quire.api.AlgorithmDescriptor;
import org.quire.core.run.CancelSignal;
import org.quire.core.run.RunOutcome;
import org.quire.core.run.RunRequest;
import org.quire.core.run.RunStatus;

/**
 * One run of this session: what was asked, its live progress while it runs, and its outcome and run
 * directory once finished. Created and updated through {@link RunHistory}; readers may call any
 * getter from any thread (state is published through volatile fields).
 */
public final class RunRecord {

    private final int number;
    private final RunRequest request;
    private final AlgorithmDescriptor descriptor;
    private final Instant submittedAt;
    private final CancelSignal cancel = new CancelSignal();
    private final List<String> log = new CopyOnWriteArrayList<>();

    private volatile String task = "";
    private volatile String message = "";
    private volatile double fraction;
    private volatile RunOutcome outcome;
    private volatile Path directory;
    private volatile String directoryError = "";

    RunRecord(int number, RunRequest request, AlgorithmDescriptor descriptor, Instant submittedAt) {
        this.number = number;
        this.request = request;
        this.descriptor = descriptor;
        this.submittedAt = submittedAt;
    }

    /** The run's number in this session, from 1. */
    public int number() {
        return number;
    }

    /** What was asked: algorithm id, parameters as text, inputs, seed and threads. */
    public RunRequest request() {
        return request;
    }

    /** The algorithm's descriptor. */
    public AlgorithmDescriptor descriptor() {
        return descriptor;
    }

    /** When the run was submitted (wall clock). */
    public Instant submittedAt() {
        return submittedAt;
    }

    /** The signal the run engine checks; {@link #cancel()} raises it. */
    public CancelSignal cancelSignal() {
        return cancel;
    }

    /** Asks the run to stop; it ends with status {@code cancelled} soon after (algorithms check at least every 100 ms). */
    public void cancel() {
        cancel.cancel();
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelRequested() {
        return cancel.isCancelled();
    }

    /** Whether the run has not finished yet. */
    public boolean isRunning() {
        return outcome == null;
    }

    /** The current task, empty before the first report. */
    public String task() {
        return task;
    }

    /** The current status message from the algorithm, possibly empty. */
    public String message() {
        return message;
    }

    /** Work done, 0..1 (1 once finished). */
    public double fraction() {
        return outcome == null ? fraction : 1.0;
    }

    /** Info and warning lines logged so far ({@code "warning: "} prefixed for warnings), in order. */
    public List<String> log() {
        return List.copyOf(log);
    }

    /** The outcome, or empty while running. */
    public Optional<RunOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    /** The final status, or empty while running. */
    public Optional<RunStatus> status() {
        RunOutcome o = outcome;
        return o == null ? Optional.empty() : Optional.of(o.status());
    }

    /** The run directory written for this run, or empty (running, or it could not be written). */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** Why the run directory could not be written, empty when it was (or the run is still going). */
    public String directoryError() {
        return directoryError;
    }

    /**
     * Wall-clock time from start to end for a finished run (the outcome's start and finish), or from
     * submission to {@code now} while running.
     */
    public Duration elapsed(Instant now) {
        RunOutcome o = outcome;
        if (o != null) {
            return Duration.between(o.startedAt(), o.finishedAt());
        }
        return Duration.between(submittedAt, now);
    }

    /** A short state word: {@code running}, {@code cancelling}, or the status's JSON name such as {@code ok}. */
    public String stateText() {
        RunOutcome o = outcome;
        if (o != null) {
            return o.status().jsonName();
        }
        return cancel.isCancelled() ? "cancelling" : "running";
    }

    /** A one-line label such as {@code #3 Random walk (test.walk)}. */
    public String label() {
        return "#" + number + " " + descriptor.name() + " (" + descriptor.id() + ")";
    }

    void progress(String newTask, double newFraction, String newMessage) {
        if (newTask != null && !newTask.isEmpty()) {
            task = newTask;
        }
        message = newMessage == null ? "" : newMessage;
        fraction = Math.max(0, Math.min(1, Double.isNaN(newFraction) ? 0 : newFraction));
    }

    void log(boolean warning, String line) {
        log.add(warning ? "warning: " + line : line);
    }

    void finish(RunOutcome finished, Path dir, String dirError) {
        directory = dir;
        directoryError = dirError == null ? "" : dirError;
        outcome = finished;
    }

    @Override
    public String toString() {
        return label() + " " + stateText();
    }
}
