/**
 * The surface family: closest-surface-point (CSP) implicit surfaces; exact and learned closest points, normals, sphere tracing and meshing.
 */
package org.quire.surface;
