package org.quire.batch.cli;

import java.util.stream.Collectors;

import org.quire.core.registry.AlgorithmRegistry;

/** Messages shared by several commands. */
final class Messages {
    private Messages() {
    }

    static String unknownAlgorithm(String id, AlgorithmRegistry registry) {
        String known = registry.algorithms().stream().map(a -> a.descriptor().id()).collect(Collectors.joining(", "));
        return "unknown algorithm '" + id + "'; known: " + (known.isEmpty() ? "none are installed" : known);
    }
}
