package org.quire.api;

import java.util.List;

import org.quire.api.result.Result;

/**
 * An algorithm that Quire can run: the service type every plugin publishes.
 *
 * <p>Implementations are stateless or at least thread-safe: hosts may run the same instance
 * concurrently with different parameters. A run must be deterministic for a given seed, parameters
 * and inputs, whatever {@link RunContext#threads()} is. Long work reports through
 * {@link RunContext#progress()} and stops with {@link CancelledException} when asked to.
 *
 * <pre>{@code
 * @Component(service = Algorithm.class)
 * @AlgorithmInfo(id = "demo.mean", name = "Mean", description = "Mean of a column")
 * @Input(name = "table", formats = "csv")
 * public final class Mean implements Algorithm<Mean.Params> {
 *     public record Params(@Param(label = "Column", defaultValue = "0", min = 0) int column) {}
 *     public Class<Params> parameterType() { return Params.class; }
 *     public Result run(Params p, List<InputFile> in, RunContext ctx) { ... }
 * }
 * }</pre>
 *
 * @param <P> the parameter record type, whose components carry {@link org.quire.api.params.Param}
 */
public interface Algorithm<P extends Record> {

    /** The parameter record class; its components define the parameter schema. */
    Class<P> parameterType();

    /**
     * Runs the algorithm.
     *
     * @param parameters validated parameters (ranges and choices already checked by the host)
     * @param inputs     input files in declaration order, already checked for count and extension
     * @param context    seed, threads, progress, cancellation and log for this run
     * @return the result; never null
     * @throws InputException     when an input cannot be read or is malformed (exit code 3 in batch)
     * @throws CancelledException when cancelled (exit code 5)
     * @throws Exception          any other failure (exit code 4), reported with its message
     */
    Result run(P parameters, List<InputFile> inputs, RunContext context) throws Exception;

    /**
     * The descriptor; by default read from this class's {@link AlgorithmInfo} and {@link Input}
     * annotations. Hosts call this once per service and cache it.
     */
    default AlgorithmDescriptor descriptor() {
        return AlgorithmDescriptor.of(getClass(), parameterType());
    }
}
