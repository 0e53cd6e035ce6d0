package org.quire.lmdp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.quire.api.Progress;
import org.quire.api.RunContext;
import org.quire.api.RunLog;

/** A minimal run context for calling the planning components directly: fixed seed and threads, recorded log. */
final class PlanTestContext implements RunContext {
    final List<String> warnings = new CopyOnWriteArrayList<>();
    final List<String> infos = new CopyOnWriteArrayList<>();
    private final int threads;

    PlanTestContext(int threads) {
        this.threads = threads;
    }

    @Override
    public long seed() {
        return 1;
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public Progress progress() {
        return Progress.none();
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
