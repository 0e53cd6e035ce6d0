package org.quire.core.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.quire.core.run.RunListener;

/**
 * Wraps a host's {@link RunListener} so that its exceptions never reach the algorithm: the first
 * one is logged through {@link System.Logger}, later ones are dropped. Thread-safe if the delegate is.
 */
public final class GuardedListener implements RunListener {

    private static final System.Logger LOG = System.getLogger(GuardedListener.class.getName());

    private final RunListener delegate;
    private final AtomicBoolean logged = new AtomicBoolean();

    private GuardedListener(RunListener delegate) {
        this.delegate = delegate;
    }

    /** A guarded listener; {@code null} becomes {@link RunListener#NONE}. */
    public static RunListener of(RunListener listener) {
        if (listener == null || listener == RunListener.NONE) {
            return RunListener.NONE;
        }
        return listener instanceof GuardedListener ? listener : new GuardedListener(listener);
    }

    @Override
    public void progress(String task, double fraction, String message) {
        try {
            delegate.progress(task, fraction, message);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    @Override
    public void log(boolean warning, String message) {
        try {
            delegate.log(warning, message);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void failed(RuntimeException e) {
        if (logged.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "run listener " + delegate + " failed; its later failures are not logged", e);
        }
    }
}
