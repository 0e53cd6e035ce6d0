/**
 * Algorithms used only by tests (never shipped in a product), published as Declarative Services
 * components of type {@link org.quire.api.Algorithm} in family {@code test}:
 * {@link org.quire.testalgorithms.RandomWalk} ({@code test.walk}: every result kind, slow runs, warnings,
 * failures, cancellation, a CSV input) and {@link org.quire.testalgorithms.Echo} ({@code test.echo}: one
 * parameter of each type, returned as is).
 */
package org.quire.testalgorithms;
