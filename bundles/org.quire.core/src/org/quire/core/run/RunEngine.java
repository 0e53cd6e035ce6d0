package org.quire.core.run;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.quire.api.AlgorithmDescriptor;
import org.quire.api.InputFile;
import org.quire.api.params.ParameterException;
import org.quire.core.internal.GuardedListener;
import org.quire.core.registry.AlgorithmRegistry;
import org.quire.core.registry.RegisteredAlgorithm;
import org.quire.core.registry.RegistryProblem;

/**
 * Checks run requests against the registry ({@link #prepare}) and runs them ({@link #execute}) with
 * a seed, a thread budget, progress, cancellation and provenance. Immutable apart from the registry;
 * thread-safe: several runs may execute at once.
 *
 * <p>Fault isolation: the algorithm runs on a worker thread of its own while the caller watches it.
 * An algorithm that ignores cancellation (or overruns the {@linkplain #withTimeout timeout} and then
 * ignores the cancellation that follows) is abandoned after the {@linkplain #withCancelGrace grace
 * period}: the run ends at once, its worker (a daemon thread) is interrupted and left behind, and
 * the message says so and names the plugin. Its thread may go on using a processor until the
 * process exits; nothing it returns later is used.
 */
public final class RunEngine {

    /** Default grace period between a cancellation request and abandoning a run that ignores it. */
    public static final Duration DEFAULT_CANCEL_GRACE = Duration.ofSeconds(5);

    private final AlgorithmRegistry registry;
    private final Duration cancelGrace;
    private final Duration timeout;

    /** @param registry where algorithm ids are looked up */
    public RunEngine(AlgorithmRegistry registry) {
        this(registry, DEFAULT_CANCEL_GRACE, null);
    }

    private RunEngine(AlgorithmRegistry registry, Duration cancelGrace, Duration timeout) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.cancelGrace = Objects.requireNonNull(cancelGrace, "cancelGrace");
        this.timeout = timeout;
    }

    /**
     * An engine that abandons a run this long after cancellation was requested if the algorithm has
     * not stopped by then (default {@link #DEFAULT_CANCEL_GRACE}).
     *
     * @param grace &ge; 0
     */
    public RunEngine withCancelGrace(Duration grace) {
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("cancel grace must be >= 0, got " + grace);
        }
        return new RunEngine(registry, grace, timeout);
    }

    /**
     * An engine that cancels each run after {@code limit} of algorithm time; such a run ends
     * {@link RunStatus#FAILED} ("timed out after ..."), abandoned after the grace period if it
     * ignores the cancellation.
     *
     * @param limit &gt; 0, or null for no limit (the default)
     */
    public RunEngine withTimeout(Duration limit) {
        if (limit != null && (limit.isNegative() || limit.isZero())) {
            throw new IllegalArgumentException("timeout must be > 0, got " + limit);
        }
        return new RunEngine(registry, cancelGrace, limit);
    }

    /** The grace period after cancellation. */
    public Duration cancelGrace() {
        return cancelGrace;
    }

    /** The run time limit, or null for none. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Checks a request: the algorithm exists, the parameters bind (defaults filled in), and the
     * input files match the slots in count and extension and are readable files. Inputs are
     * assigned to slots in order and made absolute (without "." or ".." where that names the same file).
     *
     * @throws RunSetupException {@link RunStatus#FAILED} for an algorithm whose plugin is broken (its
     *         class declares the id but its component failed to activate or its schema is invalid; the
     *         message names the plugin and the problem); {@link RunStatus#INVALID} for an unknown id (the message lists the
     *         known ones), a bad or unknown parameter (message {@code parameter <ParameterException text>}),
     *         a wrong input count or extension; {@link RunStatus#INPUT_ERROR} for an input file that
     *         is missing, a directory or unreadable (the message names the path)
     */
    public PreparedRun prepare(RunRequest request) throws RunSetupException {
        Objects.requireNonNull(request, "request");
        RegisteredAlgorithm algorithm = registry.find(request.algorithmId())
                .orElseThrow(() -> unavailable(request.algorithmId()));
        AlgorithmDescriptor descriptor = algorithm.descriptor();
        Record parameters;
        try {
            parameters = descriptor.parameters().bind(request.parameters());
        } catch (ParameterException e) {
            throw new RunSetupException(RunStatus.INVALID, "parameter " + e.getMessage(), e);
        }
        List<InputFile> inputs = InputSlots.assign(descriptor, request.inputs());
        return new PreparedRun(algorithm, request, parameters, inputs);
    }

    /**
     * Runs a prepared request synchronously in the calling thread and records what happened: input
     * sizes and SHA-256, all parameters, start and end, the algorithm's own elapsed time, warnings.
     * Never throws for a failure of the algorithm; the ending
     * becomes the outcome's status:
     * <ul>
     * <li>normal return: {@code OK}, or {@code WARNINGS} when the algorithm logged a warning;</li>
     * <li>{@link org.quire.api.CancelledException} (also as a cause), or the signal set when the
     * algorithm returns or throws: {@code CANCELLED}, any result dropped;</li>
     * <li>{@link org.quire.api.InputException} (also as a cause): {@code INPUT_ERROR} with its message;</li>
     * <li>{@link ParameterException} (also as a cause): {@code INVALID}, {@code parameter <its message>};</li>
     * <li>a null result: {@code FAILED}, "algorithm returned no result";</li>
     * <li>any other throwable, errors included: {@code FAILED}, {@code <ExceptionClass>: <message>}
     * from the first cause with a message of its own, the throwable kept in {@link RunOutcome#error()};</li>
     * <li>the timeout passed: {@code FAILED}, "timed out after ...";</li>
     * <li>still running a grace period after cancellation (or the timeout): abandoned, {@code CANCELLED}
     * (or {@code FAILED} after a timeout) with a message naming the plugin.</li>
     * </ul>
     *
     * @param run      from {@link #prepare}
     * @param listener progress and log messages (null for none); its exceptions are ignored
     * @param cancel   the run's cancellation switch (null for one nobody can set)
     */
    public RunOutcome execute(PreparedRun run, RunListener listener, CancelSignal cancel) {
        Objects.requireNonNull(run, "run");
        return new RunExecution(run, GuardedListener.of(listener), cancel == null ? new CancelSignal() : cancel, cancelGrace,
                timeout).run();
    }

    private RunSetupException unavailable(String id) {
        RegistryProblem problem = registry.problemFor(id).orElse(null);
        if (problem != null) {
            return new RunSetupException(RunStatus.FAILED, "algorithm '" + id + "' is unavailable: plugin "
                    + (problem.bundle().isEmpty() ? problem.source() : problem.bundle()) + " is broken: " + problem.message()
                    + " (see 'quire plugins list')");
        }
        return unknownAlgorithm(id);
    }

    private RunSetupException unknownAlgorithm(String id) {
        List<String> known = registry.algorithms().stream().map(RegisteredAlgorithm::id).toList();
        return new RunSetupException(RunStatus.INVALID, "unknown algorithm '" + id + "'; "
                + (known.isEmpty() ? "none are installed" : "known: " + String.join(", ", known)));
    }
}
