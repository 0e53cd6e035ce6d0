package org.quire.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link RunContext} for calling an algorithm directly, without the platform: unit tests, plain-jar use, benches.
 * Fixed seed and thread count, a {@link Progress} that never reports (never cancelled unless {@link #cancel()} is
 * called), and a log that keeps its lines for inspection. Thread-safe. Since 1.1.
 */
public final class SimpleRunContext implements RunContext {
    private final long seed;
    private final int threads;
    private final List<String> infos = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;
    private final Progress progress = new Progress() {
        @Override
        public void begin(String task, long total) {
            checkCancelled();
        }

        @Override
        public void worked(long units) {
            checkCancelled();
        }

        @Override
        public Progress split(long units) {
            checkCancelled();
            return this;
        }

        @Override
        public void message(String message) {
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    };
    private final RunLog log = new RunLog() {
        @Override
        public void info(String message) {
            infos.add(message);
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }
    };

    /**
     * @param seed    the run's seed (any value)
     * @param threads worker threads the algorithm may use, &ge; 1
     */
    public SimpleRunContext(long seed, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.seed = seed;
        this.threads = threads;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public Progress progress() {
        return progress;
    }

    @Override
    public RunLog log() {
        return log;
    }

    /** Asks the run to stop: from now on {@link Progress#isCancelled()} is true and progress calls throw. */
    public void cancel() {
        cancelled = true;
    }

    /** The info lines logged so far, in order. */
    public List<String> infos() {
        return List.copyOf(infos);
    }

    /** The warnings logged so far, in order. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
