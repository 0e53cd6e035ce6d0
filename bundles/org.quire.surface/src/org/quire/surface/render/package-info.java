/**
 * Rendering of closest-point fields and meshes (spec §1.6): the paper's pinhole camera, the batched sphere tracer
 * with its tangent-plane refinement, a BVH ray caster for ground truth, shading and rendered-image metrics.
 */
package org.quire.surface.render;
