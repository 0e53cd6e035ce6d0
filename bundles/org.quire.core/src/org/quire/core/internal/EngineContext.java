package org.quire.core.internal;

import org.quire.api.Progress;
import org.quire.api.RunContext;
import org.quire.api.RunLog;

/**
 * The {@link RunContext} the engine hands to an algorithm. Immutable; its parts are thread-safe.
 * Random streams come from {@link RunContext#random(long)} (seed and stream number only).
 *
 * @param seed     the run's seed
 * @param threads  thread budget, &ge; 1
 * @param progress the run's progress tree root
 * @param log      the run's log
 */
public record EngineContext(long seed, int threads, Progress progress, RunLog log) implements RunContext {
    public EngineContext {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }
}
