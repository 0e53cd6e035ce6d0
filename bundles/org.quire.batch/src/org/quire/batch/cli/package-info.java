/**
 * The {@code quire} command line (picocli): {@code list}, {@code describe}, {@code run},
 * {@code validate}, {@code doctor}. Independent of OSGi: everything it needs comes in a
 * {@link org.quire.batch.cli.CliEnvironment}, so tests drive it with a plain registry.
 */
package org.quire.batch.cli;
