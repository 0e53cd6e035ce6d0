/**
 * Latent-MDP algorithms as OSGi DS components: {@code lmdp.plan} (exact planning and reference values) and
 * {@code lmdp.generate} (instance families); numerics live in the sub-packages {@code model}, {@code plan} and
 * {@code learn}.
 */
package org.quire.lmdp;
