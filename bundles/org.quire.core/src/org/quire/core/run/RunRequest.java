package org.quire.core.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to run: an algorithm id, parameter values as text (missing ones take defaults), input files
 * in order, the seed and the thread budget. Immutable.
 *
 * @param algorithmId id such as {@code fbm.hurst}
 * @param parameters  name to text value, as on the command line
 * @param inputs      input files in order
 * @param seed        the run's seed
 * @param threads     thread budget, &ge; 1
 */
public record RunRequest(String algorithmId, Map<String, String> parameters, List<Path> inputs, long seed, int threads) {
    public RunRequest {
        Objects.requireNonNull(algorithmId, "algorithmId");
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        inputs = List.copyOf(inputs);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** The default thread budget: the number of available processors. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }
}
