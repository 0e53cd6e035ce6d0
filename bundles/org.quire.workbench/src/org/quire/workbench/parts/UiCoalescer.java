package org.quire.workbench.parts;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;

/**
 * Runs an action on the UI thread after one or many requests from any thread, at most once per
 * pending request burst: many progress reports in a row cost one repaint.
 */
final class UiCoalescer {

    private final Display display;
    private final Runnable action;
    private final AtomicBoolean pending = new AtomicBoolean();

    UiCoalescer(Display display, Runnable action) {
        this.display = display;
        this.action = action;
    }

    /** Schedules the action unless it is already scheduled; callable from any thread. */
    void request() {
        if (!pending.compareAndSet(false, true)) {
            return;
        }
        try {
            display.asyncExec(() -> {
                pending.set(false);
                action.run();
            });
        } catch (SWTException e) {
            // display disposed: the workbench is closing, nothing left to update
        }
    }
}
