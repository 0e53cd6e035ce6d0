package org.quire.core.internal;

import java.util.ArrayList;
import java.util.List;

import org.quire.api.RunLog;
import org.quire.core.run.RunListener;

/**
 * The {@link RunLog} of one run: forwards every message to the listener and keeps the warnings in
 * the order they were logged. Thread-safe; after {@link #close()} messages are ignored.
 */
public final class CollectingLog implements RunLog {

    private final RunListener listener;
    private final List<String> warnings = new ArrayList<>();
    private boolean closed;

    /** @param listener receives every message, in order (must not throw; see {@link GuardedListener}) */
    public CollectingLog(RunListener listener) {
        this.listener = listener;
    }

    @Override
    public synchronized void info(String message) {
        if (!closed) {
            listener.log(false, String.valueOf(message));
        }
    }

    @Override
    public synchronized void warn(String message) {
        if (!closed) {
            String text = String.valueOf(message);
            warnings.add(text);
            listener.log(true, text);
        }
    }

    /** Ends the log and returns the warnings in order. */
    public synchronized List<String> close() {
        closed = true;
        return List.copyOf(warnings);
    }
}
