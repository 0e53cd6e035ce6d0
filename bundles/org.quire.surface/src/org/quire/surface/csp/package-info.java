/**
 * Closest-surface-point (CSP) fields (Venkatesh et al., ICCV 2021): the field SPI, the learned {@link
 * org.quire.surface.csp.CspNetwork} with its exact Jacobian, exact sources (meshes through a BVH, analytic shapes),
 * the paper's training-data mix, the trainer, the UDF shell mesher and the derived normals.
 */
package org.quire.surface.csp;
