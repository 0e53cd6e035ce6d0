package org.quire.core.internal;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import org.quire.api.CancelledException;
import org.quire.api.Progress;
import org.quire.core.run.CancelSignal;
import org.quire.core.run.RunListener;

/**
 * The progress of one run: a tree of {@link Progress} nodes shaped like Eclipse's
 * {@code SubMonitor}, reporting the root's fraction to a {@link RunListener}.
 *
 * <ul>
 * <li>{@code begin(task, total)} gives a node {@code total} units; {@code worked(n)} marks {@code n}
 * done (clamped to what is left); {@code split(n)} hands {@code n} units to a child whose own total
 * maps onto them. A node whose units are all done is complete and credits its whole share upward.</li>
 * <li>{@code begin} on a node that has already done part of its share maps the new total onto the
 * part that is left, so the fraction never goes back.</li>
 * <li>As with {@code SubMonitor}, a node's next {@code worked}, {@code split} or {@code begin} from a
 * thread completes the children that this same thread began on it. Children handed to other threads
 * should be begun there; they are then completed only by their own work (or at the end of the run).</li>
 * <li>Every {@code worked} and {@code split} checks the {@link CancelSignal} and throws
 * {@link CancelledException} when it is set.</li>
 * <li>Reports go to the listener at most once per {@value #REPORT_INTERVAL_NANOS} ns (the first
 * change is reported at once), plus one final report from {@link #finish(boolean)}. Reported
 * fractions are in [0, 1] and never decrease; the task is the deepest begun, unfinished node's on
 * the most recently begun path, the message the deepest non-empty one on that path.</li>
 * </ul>
 *
 * <p>Thread-safe: all node state is guarded by one lock per tree; the listener is called outside
 * it, by one thread at a time.
 */
public final class ProgressTree {

    /** Least time between two throttled reports: 100 ms. */
    public static final long REPORT_INTERVAL_NANOS = 100_000_000L;

    /** Guards the state of every node of this tree. */
    final Object lock = new Object();

    private final CancelSignal signal;
    private final RunListener listener;
    private final LongSupplier clock;
    private final ProgressNode root;
    private final ReentrantLock reporting = new ReentrantLock();

    private long sequence; // guarded by lock
    private volatile boolean reported;
    private volatile long lastReportNanos;
    private double lastFraction; // guarded by reporting
    private boolean finished; // guarded by reporting

    /**
     * @param signal   the run's cancellation switch
     * @param listener receives progress reports (must not throw; see {@link GuardedListener})
     */
    public ProgressTree(CancelSignal signal, RunListener listener) {
        this(signal, listener, System::nanoTime);
    }

    /** For tests: {@code clock} replaces {@link System#nanoTime()} for throttling. */
    ProgressTree(CancelSignal signal, RunListener listener, LongSupplier clock) {
        this.signal = signal;
        this.listener = listener;
        this.clock = clock;
        this.root = new ProgressNode(this, null, 0);
    }

    /** The root node, handed to the algorithm as {@link org.quire.api.RunContext#progress()}. */
    public Progress root() {
        return root;
    }

    /** The root's fraction done, in [0, 1]. */
    public double fraction() {
        synchronized (lock) {
            return root.fractionLocked();
        }
    }

    /**
     * Ends the run's progress: when {@code completed}, the root is marked complete (fraction 1);
     * then the final report is sent. Later changes are not reported. Idempotent.
     */
    public void finish(boolean completed) {
        if (completed) {
            synchronized (lock) {
                root.completeLocked();
            }
        }
        reporting.lock();
        try {
            if (!finished) {
                report();
                finished = true;
            }
        } finally {
            reporting.unlock();
        }
    }

    void checkCancelled() {
        if (signal.isCancelled()) {
            throw new CancelledException();
        }
    }

    boolean isCancelled() {
        return signal.isCancelled();
    }

    /** A number increasing with every begin; under {@link #lock}. */
    long nextSequenceLocked() {
        return ++sequence;
    }

    /** Called after every change, outside {@link #lock}: reports unless throttled or another thread is reporting. */
    void changed() {
        if (reported && clock.getAsLong() - lastReportNanos < REPORT_INTERVAL_NANOS) {
            return;
        }
        if (!reporting.tryLock()) {
            return;
        }
        try {
            if (!finished && !(reported && clock.getAsLong() - lastReportNanos < REPORT_INTERVAL_NANOS)) {
                report();
            }
        } finally {
            reporting.unlock();
        }
    }

    /** Sends one report; the caller holds {@link #reporting}. */
    private void report() {
        double fraction;
        String task;
        String message;
        synchronized (lock) {
            fraction = root.fractionLocked();
            ProgressNode node = root;
            task = root.taskLocked();
            message = root.messageLocked();
            while ((node = node.activeChildLocked()) != null) {
                if (!node.taskLocked().isEmpty()) {
                    task = node.taskLocked();
                }
                if (!node.messageLocked().isEmpty()) {
                    message = node.messageLocked();
                }
            }
        }
        fraction = Math.min(1.0, Math.max(fraction, lastFraction));
        lastFraction = fraction;
        lastReportNanos = clock.getAsLong();
        reported = true;
        listener.progress(task, fraction, message);
    }
}
