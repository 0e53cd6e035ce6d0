package org.quire.core.registry;

import java.util.Objects;

import org.quire.api.Algorithm;
import org.quire.api.AlgorithmDescriptor;

/**
 * An algorithm known to the {@link AlgorithmRegistry}: its descriptor (read once), the service
 * instance and where it came from. Immutable.
 *
 * @param descriptor the algorithm's descriptor
 * @param algorithm  the algorithm instance (thread-safe by the {@link Algorithm} contract)
 * @param origin     the providing bundle and version
 */
public record RegisteredAlgorithm(AlgorithmDescriptor descriptor, Algorithm<?> algorithm, Origin origin) {
    public RegisteredAlgorithm {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(origin, "origin");
    }

    /** The algorithm's id, e.g. {@code fbm.hurst}. */
    public String id() {
        return descriptor.id();
    }
}
