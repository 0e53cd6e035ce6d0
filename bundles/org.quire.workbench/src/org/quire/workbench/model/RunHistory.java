package org.quire.workbench.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.quire.api.AlgorithmDescriptor;
import org.quire.core.run.RunOutcome;
import org.quire.core.run.RunRequest;

/**
 * The runs of this session in submission order, numbered from 1. Thread-safe: jobs report progress
 * and outcomes from their own threads; listeners are called on the reporting thread, after the
 * change, outside any lock (UI listeners hand the work to the display thread themselves).
 */
public final class RunHistory {

    private final List<RunRecord> runs = new ArrayList<>();
    private final List<Consumer<RunRecord>> listeners = new CopyOnWriteArrayList<>();

    /** Records a new running run and returns it. */
    public RunRecord submit(RunRequest request, AlgorithmDescriptor descriptor, Instant submittedAt) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(descriptor, "descriptor");
        RunRecord record;
        synchronized (runs) {
            record = new RunRecord(runs.size() + 1, request, descriptor, submittedAt);
            runs.add(record);
        }
        fire(record);
        return record;
    }

    /** Updates a running run's progress (fraction clamped to 0..1). Ignored once the run has finished. */
    public void progress(RunRecord record, String task, double fraction, String message) {
        if (record.isRunning()) {
            record.progress(task, fraction, message);
            fire(record);
        }
    }

    /** Appends a log line to a run. */
    public void log(RunRecord record, boolean warning, String message) {
        record.log(warning, message);
        fire(record);
    }

    /**
     * Marks a run finished.
     *
     * @param directory      the run directory written, or null when it could not be written
     * @param directoryError why it could not be written, or null
     * @throws IllegalStateException when the run has already finished
     */
    public void finish(RunRecord record, RunOutcome outcome, Path directory, String directoryError) {
        Objects.requireNonNull(outcome, "outcome");
        synchronized (record) {
            if (!record.isRunning()) {
                throw new IllegalStateException("run " + record.label() + " has already finished");
            }
            record.finish(outcome, directory, directoryError);
        }
        fire(record);
    }

    /** All runs, oldest first. */
    public List<RunRecord> runs() {
        synchronized (runs) {
            return List.copyOf(runs);
        }
    }

    /** The run with this number, if any. */
    public Optional<RunRecord> find(int number) {
        synchronized (runs) {
            return number >= 1 && number <= runs.size() ? Optional.of(runs.get(number - 1)) : Optional.empty();
        }
    }

    /** The most recently submitted run, if any. */
    public Optional<RunRecord> latest() {
        synchronized (runs) {
            return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
        }
    }

    /** The runs that have not finished, oldest first. */
    public List<RunRecord> running() {
        return runs().stream().filter(RunRecord::isRunning).toList();
    }

    /**
     * Calls {@code listener} with the changed run after every change (submit, progress, log, finish).
     *
     * @return closing it removes the listener
     */
    public AutoCloseable subscribe(Consumer<RunRecord> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void fire(RunRecord record) {
        for (Consumer<RunRecord> l : listeners) {
            l.accept(record);
        }
    }
}
