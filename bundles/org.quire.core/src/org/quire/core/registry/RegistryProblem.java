package org.quire.core.registry;

import java.util.Objects;

/**
 * Something wrong with a plugin's algorithm that kept it out of the registry: a descriptor that
 * could not be read, or an id already taken. Immutable.
 *
 * @param source  the bundle, version and class concerned, e.g.
 *                {@code org.quire.fbm 0.1.0 (class org.quire.fbm.Hurst)}
 * @param message what is wrong and what was expected
 */
public record RegistryProblem(String source, String message) {
    public RegistryProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return source + ": " + message;
    }
}
