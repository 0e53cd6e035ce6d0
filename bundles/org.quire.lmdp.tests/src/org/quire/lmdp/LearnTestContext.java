package org.quire.lmdp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.quire.api.Progress;
import org.quire.api.RunContext;
import org.quire.api.RunLog;

/** A minimal run context for calling {@code lmdp.learn} directly: fixed seed and threads, optional cancellation, recorded log. */
final class LearnTestContext implements RunContext {
    final List<String> warnings = new CopyOnWriteArrayList<>();
    final List<String> infos = new CopyOnWriteArrayList<>();
    private final long seed;
    private final int threads;
    private final boolean cancelled;

    LearnTestContext(long seed, int threads, boolean cancelled) {
        this.seed = seed;
        this.threads = threads;
        this.cancelled = cancelled;
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
        if (!cancelled) {
            return Progress.none();
        }
        return new Progress() {
            @Override
            public void begin(String task, long total) {
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
                return true;
            }
        };
    }

    @Override
    public RunLog log() {
        return new RunLog() {
            @Override
            public void info(String message) {
                infos.add(message);
            }

            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        };
    }
}
