/**
 * Quire's public SPI: what a plugin implements ({@link org.quire.api.Algorithm}) and what it is given
 * while it runs ({@link org.quire.api.RunContext}, {@link org.quire.api.Progress}).
 *
 * <p>This package depends on the JDK only. Algorithms are published as OSGi services of type
 * {@code Algorithm} (for instance with a Declarative Services {@code @Component}); the same classes
 * run as plain jars in tests and on clusters. Versioned with semantic versioning: a minor bump adds,
 * a major bump breaks.
 */
package org.quire.api;
