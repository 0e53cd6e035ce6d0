/**
 * Metrics of learned closest-point fields (spec §1.8): Chamfer distances between point samples, closest-point and
 * distance errors, and normal agreement of the Jacobian and forward normals.
 */
package org.quire.surface.eval;
