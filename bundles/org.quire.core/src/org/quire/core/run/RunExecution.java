package org.quire.core.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
 * {@code <ExceptionClass>: <message>} (see {@link Failures#describe}); {@link ThreadDeath} is rethrown.</li>
 * </ul>
 * The throwable is kept in {@link RunOutcome#error()} unless the run was cancelled by a
 * {@link CancelledException}. {@link RunOutcome#algorithmNanos()} covers the algorithm's
 * {@code run} call only.
 */
final class RunExecution {

    private final PreparedRun run;
    private final RunListener listener;
    private final CancelSignal signal;
    private final Instant startedAt = Instant.now();
    private final Map<String, Object> parameters;

    RunExecution(PreparedRun run, RunListener listener, CancelSignal signal) {
        this.run = run;
        this.listener = listener;
        this.signal = signal;
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
        Result result = null;
        Throwable failure = null;
        long start = System.nanoTime();
        try {
            result = invoke(run.algorithm().algorithm(), run.parameters(), run.inputs(), context);
        } catch (ThreadDeath death) {
            throw death;
        } catch (Throwable t) {
            failure = t;
        }
        long nanos = System.nanoTime() - start;
        List<String> warnings = log.close();
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        RunOutcome outcome = failure == null ? returned(inputs, result, warnings, nanos) : threw(inputs, failure, warnings, nanos);
        progress.finish(outcome.status().hasResult());
        return outcome;
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
