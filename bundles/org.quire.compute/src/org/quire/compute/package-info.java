/**
 * Shared numerics for algorithm bundles: deterministic random streams ({@link org.quire.compute.RandomStreams}),
 * parallel loops and reductions whose results do not depend on the thread count
 * ({@link org.quire.compute.Parallel}), compensated summation ({@link org.quire.compute.NeumaierSum}) and
 * small statistics helpers ({@link org.quire.compute.Numerics}, {@link org.quire.compute.Summary}).
 *
 * <p>Depends on {@code org.quire.api} and Hipparchus only, uses no OSGi API and runs as a plain jar.
 */
package org.quire.compute;
