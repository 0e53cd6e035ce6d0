package org.quire.core.registry;

import java.util.Objects;

/**
 * Something wrong with a plugin's algorithm that kept it out of the registry: a descriptor or
 * parameter schema that could not be read, an id already taken, or a component that failed to
 * activate. Immutable.
 *
 * @param source      the bundle, version and class concerned, e.g.
 *                    {@code org.quire.fbm 0.1.0 (class org.quire.fbm.Hurst)}
 * @param message     what is wrong and what was expected
 * @param bundle      the providing bundle's symbolic name (empty when unknown)
 * @param algorithmId the algorithm id the class declares in {@code @AlgorithmInfo} (empty when unknown)
 */
public record RegistryProblem(String source, String message, String bundle, String algorithmId) {
    public RegistryProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        bundle = bundle == null ? "" : bundle;
        algorithmId = algorithmId == null ? "" : algorithmId;
    }

    /** A problem whose bundle and algorithm id are unknown. */
    public RegistryProblem(String source, String message) {
        this(source, message, "", "");
    }

    @Override
    public String toString() {
        return source + ": " + message;
    }
}
