package org.quire.fbm.fit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.quire.api.CancelledException;
import org.quire.api.Progress;
import org.quire.api.RunContext;
import org.quire.api.RunLog;

/** A run context for the fit tests: records warnings and work, and cancels after a given number of units. */
final class FitTestContext implements RunContext {

    private final long seed;
    private final int threads;
    private final long cancelAfter;
    final AtomicLong worked = new AtomicLong();
    final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    FitTestContext(long seed, int threads, long cancelAfter) {
        this.seed = seed;
        this.threads = threads;
        this.cancelAfter = cancelAfter;
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
        return new Progress() {
            @Override
            public void begin(String task, long total) {
            }

            @Override
            public void worked(long units) {
                worked.addAndGet(units);
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
                return worked.get() >= cancelAfter;
            }

            @Override
            public void checkCancelled() {
                if (isCancelled()) {
                    throw new CancelledException();
                }
            }
        };
    }

    @Override
    public RunLog log() {
        return new RunLog() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        };
    }
}
