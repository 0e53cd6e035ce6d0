/**
 * The headless Equinox application behind {@code quire}: boots the registry, loads user plugins,
 * wires signals to cancellation and hands the arguments to the command line in
 * {@link org.quire.batch.cli}.
 */
package org.quire.batch;
