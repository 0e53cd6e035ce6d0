package org.quire.core.run;

import java.util.List;
import java.util.Objects;

import org.quire.api.AlgorithmDescriptor;
import org.quire.api.InputFile;
import org.quire.api.params.ParameterException;
import org.quire.core.internal.GuardedListener;
import org.quire.core.registry.AlgorithmRegistry;
import org.quire.core.registry.RegisteredAlgorithm;

/**
 * Checks run requests against the registry ({@link #prepare}) and runs them ({@link #execute}) with
 * a seed, a thread budget, progress, cancellation and provenance. Stateless apart from the registry;
 * thread-safe: several runs may execute at once, each in its caller's thread.
 */
public final class RunEngine {

    private final AlgorithmRegistry registry;

    /** @param registry where algorithm ids are looked up */
    public RunEngine(AlgorithmRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Checks a request: the algorithm exists, the parameters bind (defaults filled in), and the
     * input files match the slots in count and extension and are readable files. Inputs are
     * assigned to slots in order and made absolute (without "." or ".." where that names the same file).
     *
     * @throws RunSetupException {@link RunStatus#INVALID} for an unknown id (the message lists the
     *         known ones), a bad or unknown parameter (message {@code parameter <ParameterException text>}),
     *         a wrong input count or extension; {@link RunStatus#INPUT_ERROR} for an input file that
     *         is missing, a directory or unreadable (the message names the path)
     */
    public PreparedRun prepare(RunRequest request) throws RunSetupException {
        Objects.requireNonNull(request, "request");
        RegisteredAlgorithm algorithm = registry.find(request.algorithmId())
                .orElseThrow(() -> unknownAlgorithm(request.algorithmId()));
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
     * Never throws for a failure of the algorithm (only {@link ThreadDeath} propagates); the ending
     * becomes the outcome's status:
     * <ul>
     * <li>normal return: {@code OK}, or {@code WARNINGS} when the algorithm logged a warning;</li>
     * <li>{@link org.quire.api.CancelledException} (also as a cause), or the signal set when the
     * algorithm returns or throws: {@code CANCELLED}, any result dropped;</li>
     * <li>{@link org.quire.api.InputException} (also as a cause): {@code INPUT_ERROR} with its message;</li>
     * <li>{@link ParameterException} (also as a cause): {@code INVALID}, {@code parameter <its message>};</li>
     * <li>a null result: {@code FAILED}, "algorithm returned no result";</li>
     * <li>any other throwable, errors included: {@code FAILED}, {@code <ExceptionClass>: <message>}
     * from the first cause with a message of its own, the throwable kept in {@link RunOutcome#error()}.</li>
     * </ul>
     *
     * @param run      from {@link #prepare}
     * @param listener progress and log messages (null for none); its exceptions are ignored
     * @param cancel   the run's cancellation switch (null for one nobody can set)
     */
    public RunOutcome execute(PreparedRun run, RunListener listener, CancelSignal cancel) {
        Objects.requireNonNull(run, "run");
        return new RunExecution(run, GuardedListener.of(listener), cancel == null ? new CancelSignal() : cancel).run();
    }

    private RunSetupException unknownAlgorithm(String id) {
        List<String> known = registry.algorithms().stream().map(RegisteredAlgorithm::id).toList();
        return new RunSetupException(RunStatus.INVALID, "unknown algorithm '" + id + "'; "
                + (known.isEmpty() ? "none are installed" : "known: " + String.join(", ", known)));
    }
}
