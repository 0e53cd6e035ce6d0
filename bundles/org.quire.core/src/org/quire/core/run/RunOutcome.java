package org.quire.core.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.quire.api.AlgorithmDescriptor;
import org.quire.api.result.Result;
import org.quire.core.registry.Origin;

/**
 * Everything known about a finished run: provenance and result. This is what {@code run.json}
 * and {@code results.json} are written from. Immutable.
 *
 * @param request          what was asked
 * @param descriptor       the algorithm's descriptor
 * @param origin           the bundle (and version) that provided the algorithm
 * @param parameters       all parameters after defaults, typed (numbers, booleans, strings)
 * @param inputs           input files with checksums
 * @param status           how it ended
 * @param message          error or cancellation message, empty when OK
 * @param warnings         warnings logged by the algorithm, in order
 * @param result           the result, or null when the status has none
 * @param startedAt        wall-clock start
 * @param finishedAt       wall-clock end
 * @param algorithmNanos   the algorithm's own elapsed time in nanoseconds (excludes process start and writing)
 * @param error            the failure, or null (for {@code --verbose} stack traces; never serialised)
 */
public record RunOutcome(RunRequest request, AlgorithmDescriptor descriptor, Origin origin, Map<String, Object> parameters,
        List<InputRecord> inputs, RunStatus status, String message, List<String> warnings, Result result,
        Instant startedAt, Instant finishedAt, long algorithmNanos, Throwable error) {

    public RunOutcome {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        inputs = List.copyOf(inputs);
        warnings = List.copyOf(warnings);
        message = message == null ? "" : message;
    }
}
