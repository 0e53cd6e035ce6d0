package org.quire.api;

/**
 * Toolkit-neutral progress and cancellation, shaped like Eclipse's {@code SubMonitor}: a task has a
 * number of work units, and a part of them can be handed to a sub-task with {@link #split(long)}.
 *
 * <p>Algorithms call {@link #checkCancelled()} (or any {@code worked}/{@code split}, which check
 * too) at least every 100 ms of work. Implementations are thread-safe: parallel workers may call
 * {@link #worked(long)} concurrently.
 */
public interface Progress {

    /**
     * Names the current task and sets its total work; resets what was done on this node.
     *
     * @param task  short description shown to the user
     * @param total total work units, &ge; 0
     */
    void begin(String task, long total);

    /**
     * Marks {@code units} more units done (clamped to the total) and checks cancellation.
     *
     * @throws CancelledException when the run has been cancelled
     */
    void worked(long units);

    /**
     * A child that consumes {@code units} of this node's total: the child's own total maps onto
     * them. Checks cancellation.
     *
     * @throws CancelledException when the run has been cancelled
     */
    Progress split(long units);

    /** Sets a short status message below the task (e.g. "epoch 3/10"). */
    void message(String message);

    /** Whether the run has been asked to stop. Cheap; safe to call in inner loops. */
    boolean isCancelled();

    /**
     * Throws when the run has been asked to stop.
     *
     * @throws CancelledException when cancelled
     */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** A progress that reports nowhere and is never cancelled, for tests and plain-jar use. */
    static Progress none() {
        return NullProgress.INSTANCE;
    }
}
