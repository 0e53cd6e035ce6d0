package org.quire.core.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.quire.api.Algorithm;
import org.quire.api.CancelledException;
import org.quire.api.InputException;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.params.ParameterException;
import org.quire.api.result.Result;
import org.quire.core.internal.CollectingLog;
import org.quire.core.internal.EngineContext;
import org.quire.core.internal.Failures;
import org.quire.core.internal.InputDigests;
import org.quire.core.internal.ProgressTree;

/**
 * One execution of a {@link PreparedRun}, used once (the mapping is documented on
 * {@link RunEngine#execute}). How it ends:
 * <ul>
 * <li>normal return: {@link RunStatus#OK}, or {@link RunStatus#WARNINGS} when a warning was logged;</li>
 * <li>{@link CancelledException} anywhere in the cause chain, or the signal set when the algorithm
 * returns or throws: {@link RunStatus#CANCELLED}, any result dropped;</li>
 * <li>{@link InputException} (also as a cause): {@link RunStatus#INPUT_ERROR} with its message;</li>
 * <li>{@link ParameterException} (also as a cause): {@link RunStatus#INVALID}, {@code parameter <its message>};</li>
 * <li>a null result: {@link RunStatus#FAILED}, "algorithm returned no result";</li>
 * <li>any other throwable, errors included: {@link RunStatus#FAILED} with
 * {@code <ExceptionClass>: <message>} (see {@link Failures#describe}).</li>
 * </ul>
 * The throwable is kept in {@link RunOutcome#error()} unless the run was cancelled by a
 * {@link CancelledException}. {@link RunOutcome#algorithmNanos()} covers the algorithm's
 * {@code run} call only.
 *
 * <p>The algorithm runs on a daemon worker thread; the calling thread watches it, raises the signal
 * when the timeout passes, and abandons the worker when it is still running {@code grace} after the
 * signal was raised (the listener is then closed, so a late progress call from the abandoned
 * worker prints nothing).
 */
final class RunExecution {

    /** How often the watching thread looks at the signal and the clock. */
    private static final long WATCH_MILLIS = 20;

    private final PreparedRun run;
    private final Gate listener;
    private final CancelSignal signal;
    private final Duration grace;
    private final Duration timeout;
    private final Instant startedAt = Instant.now();
    private final Map<String, Object> parameters;

    RunExecution(PreparedRun run, RunListener listener, CancelSignal signal, Duration grace, Duration timeout) {
        this.run = run;
        this.listener = new Gate(listener);
        this.signal = signal;
        this.grace = grace;
        this.timeout = timeout;
        this.parameters = run.algorithm().descriptor().parameters().toValues(run.parameters());
    }

    RunOutcome run() {
        List<InputRecord> inputs;
        try {
            inputs = InputDigests.of(run.inputs(), signal);
        } catch (InputException e) {
            return outcome(List.of(), RunStatus.INPUT_ERROR, e.getMessage(), List.of(), null, 0, e);
        } catch (CancelledException e) {
            return outcome(List.of(), RunStatus.CANCELLED, "cancelled before the algorithm started", List.of(), null, 0, null);
        }
        if (signal.isCancelled()) {
            return outcome(inputs, RunStatus.CANCELLED, "cancelled before the algorithm started", List.of(), null, 0, null);
        }
        ProgressTree progress = new ProgressTree(signal, listener);
        CollectingLog log = new CollectingLog(listener);
        RunContext context = new EngineContext(run.request().seed(), run.request().threads(), progress.root(), log);
        Worker worker = new Worker(run, context);
        worker.start();
        Watch watch = watch(worker);
        if (watch.abandoned()) {
            progress.finish(false);
            listener.close();
            List<String> warnings = log.close();
            RunStatus status = watch.timedOut() ? RunStatus.FAILED : RunStatus.CANCELLED;
            String message = (watch.timedOut() ? "timed out after " + seconds(timeout) + " and " : "")
                    + "did not stop within " + seconds(grace) + " of being cancelled (" + plugin()
                    + " does not check for cancellation); the run was abandoned";
            RunOutcome outcome = outcome(inputs, status, message, warnings, null, watch.nanos(), null);
            return outcome;
        }
        Result result = worker.result;
        Throwable failure = worker.failure;
        long nanos = worker.nanos;
        List<String> warnings = log.close();
        RunOutcome outcome;
        if (watch.timedOut()) {
            outcome = outcome(inputs, RunStatus.FAILED, "timed out after " + seconds(timeout) + "; stopped", warnings, null, nanos,
                    failure == null || Failures.find(failure, CancelledException.class) != null ? null : failure);
        } else {
            outcome = failure == null ? returned(inputs, result, warnings, nanos) : threw(inputs, failure, warnings, nanos);
        }
        progress.finish(outcome.status().hasResult());
        listener.close();
        return outcome;
    }

    /** How the watch over the worker ended. */
    private record Watch(boolean abandoned, boolean timedOut, long nanos) {
    }

    /** Waits for the worker, raising the signal at the timeout and abandoning the worker after the grace period. */
    private Watch watch(Worker worker) {
        long start = System.nanoTime();
        long limit = timeout == null ? Long.MAX_VALUE : timeout.toNanos();
        long cancelledAt = -1;
        boolean timedOut = false;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (worker.done.await(WATCH_MILLIS, TimeUnit.MILLISECONDS)) {
                        return new Watch(false, timedOut, worker.nanos);
                    }
                } catch (InterruptedException e) {
                    interrupted = true; // the caller's thread was interrupted: treat it as a cancellation request
                    signal.cancel();
                }
                long now = System.nanoTime();
                if (!timedOut && now - start >= limit) {
                    timedOut = true;
                    signal.cancel();
                }
                if (signal.isCancelled()) {
                    if (cancelledAt < 0) {
                        cancelledAt = now;
                    } else if (now - cancelledAt >= grace.toNanos()) {
                        worker.interrupt();
                        return new Watch(true, timedOut, now - start);
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** "plugin org.example 1.0.0" for the algorithm's bundle. */
    private String plugin() {
        return "plugin " + run.algorithm().origin().bundle() + " " + run.algorithm().origin().version();
    }

    private static String seconds(Duration d) {
        double s = d.toNanos() / 1e9;
        return (s == Math.rint(s) ? Long.toString((long) s) : String.format(Locale.ROOT, "%.1f", s)) + " s";
    }

    /** Runs the algorithm on a daemon thread of its own, keeping what it returned or threw. */
    private static final class Worker extends Thread {
        private final PreparedRun run;
        private final RunContext context;
        final CountDownLatch done = new CountDownLatch(1);
        volatile Result result;
        volatile Throwable failure;
        volatile long nanos;

        Worker(PreparedRun run, RunContext context) {
            super("quire-run " + run.algorithm().id());
            this.run = run;
            this.context = context;
            setDaemon(true);
            setContextClassLoader(Thread.currentThread().getContextClassLoader());
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            try {
                result = invoke(run.algorithm().algorithm(), run.parameters(), run.inputs(), context);
            } catch (Throwable t) {
                failure = t;
            } finally {
                nanos = System.nanoTime() - start;
                done.countDown();
            }
        }
    }

    /** Forwards to the run's listener until closed; calls from an abandoned worker after that are dropped. */
    private static final class Gate implements RunListener {
        private final RunListener delegate;
        private volatile boolean open = true;

        Gate(RunListener delegate) {
            this.delegate = delegate;
        }

        void close() {
            open = false;
        }

        @Override
        public void progress(String task, double fraction, String message) {
            if (open) {
                delegate.progress(task, fraction, message);
            }
        }

        @Override
        public void log(boolean warning, String message) {
            if (open) {
                delegate.log(warning, message);
            }
        }
    }

    private RunOutcome returned(List<InputRecord> inputs, Result result, List<String> warnings, long nanos) {
        if (signal.isCancelled()) {
            return outcome(inputs, RunStatus.CANCELLED, "cancelled; the result was discarded", warnings, null, nanos, null);
        }
        if (result == null) {
            return outcome(inputs, RunStatus.FAILED, "algorithm returned no result", warnings, null, nanos, null);
        }
        return outcome(inputs, warnings.isEmpty() ? RunStatus.OK : RunStatus.WARNINGS, "", warnings, result, nanos, null);
    }

    private RunOutcome threw(List<InputRecord> inputs, Throwable failure, List<String> warnings, long nanos) {
        if (Failures.find(failure, CancelledException.class) != null) {
            return outcome(inputs, RunStatus.CANCELLED, "cancelled", warnings, null, nanos, null);
        }
        if (signal.isCancelled()) {
            return outcome(inputs, RunStatus.CANCELLED, "cancelled (the algorithm stopped with "
                    + Failures.describe(failure) + ")", warnings, null, nanos, failure);
        }
        InputException input = Failures.find(failure, InputException.class);
        if (input != null) {
            return outcome(inputs, RunStatus.INPUT_ERROR, input.getMessage(), warnings, null, nanos, failure);
        }
        ParameterException parameter = Failures.find(failure, ParameterException.class);
        if (parameter != null) {
            return outcome(inputs, RunStatus.INVALID, "parameter " + parameter.getMessage(), warnings, null, nanos, failure);
        }
        return outcome(inputs, RunStatus.FAILED, Failures.describe(failure), warnings, null, nanos, failure);
    }

    private RunOutcome outcome(List<InputRecord> inputs, RunStatus status, String message, List<String> warnings,
            Result result, long nanos, Throwable error) {
        return new RunOutcome(run.request(), run.algorithm().descriptor(), run.algorithm().origin(), parameters, inputs,
                status, message, warnings, result, startedAt, Instant.now(), nanos, error);
    }

    @SuppressWarnings("unchecked")
    private static Result invoke(Algorithm<?> algorithm, Record parameters, List<InputFile> inputs, RunContext context)
            throws Exception {
        return ((Algorithm<Record>) algorithm).run(parameters, inputs, context);
    }
}
