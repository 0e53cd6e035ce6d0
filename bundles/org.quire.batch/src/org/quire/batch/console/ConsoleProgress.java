package org.quire.batch.console;

import java.io.PrintWriter;
import java.util.Locale;

import org.quire.core.run.RunListener;

/**
 * Shows a run's progress on standard error: a one-line bar redrawn in place on a terminal, plain
 * lines ({@code progress  40% task}) otherwise, at most one per 10 % step or 5 s. Warnings are printed
 * at once; info messages only when verbose. Called from the run's threads; synchronised.
 */
public final class ConsoleProgress implements RunListener {
    private static final int BAR = 30;
    private static final long LINE_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final boolean verbose;
    private final String label;
    private final long start = System.nanoTime();
    private int lastPercent = -1;
    private long lastLine = Long.MIN_VALUE / 2;
    private boolean barShown;

    /**
     * @param err      where to write
     * @param terminal draw a bar in place (true) or write lines (false)
     * @param verbose  also show info messages
     * @param label    prefix, e.g. the algorithm id or the job run's directory
     */
    public ConsoleProgress(PrintWriter err, boolean terminal, boolean verbose, String label) {
        this.err = err;
        this.terminal = terminal;
        this.verbose = verbose;
        this.label = label;
    }

    @Override
    public synchronized void progress(String task, double fraction, String message) {
        int percent = (int) Math.floor(Math.max(0, Math.min(1, fraction)) * 100);
        String what = task == null || task.isEmpty() ? "" : task;
        if (message != null && !message.isEmpty()) {
            what = what.isEmpty() ? message : what + " - " + message;
        }
        if (terminal) {
            int filled = percent * BAR / 100;
            String bar = "#".repeat(filled) + ".".repeat(BAR - filled);
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            String line = String.format(Locale.ROOT, "\r%s [%s] %3d%% %02d:%02d %s", label, bar, percent, seconds / 60, seconds % 60, what);
            err.print(line.length() > 120 ? line.substring(0, 120) : line);
            err.print("\033[K");
            barShown = true;
            err.flush();
        } else {
            long now = System.nanoTime();
            if (percent / 10 != lastPercent / 10 || now - lastLine >= LINE_INTERVAL_NANOS) {
                err.printf(Locale.ROOT, "progress %3d%% %s %s%n", percent, label, what);
                err.flush();
                lastLine = now;
            }
        }
        lastPercent = percent;
    }

    @Override
    public synchronized void log(boolean warning, String message) {
        if (!warning && !verbose) {
            return;
        }
        endBar();
        err.println((warning ? "warning: " : "info: ") + message);
        err.flush();
    }

    /** Ends the bar line so that what follows starts on a fresh line. */
    public synchronized void done() {
        endBar();
    }

    private void endBar() {
        if (barShown) {
            err.println();
            barShown = false;
        }
    }
}
