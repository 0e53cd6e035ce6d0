/**
 * Analytic surfaces with exact closest-point maps (spec §6.1): sphere, plane, disk, open cylinder, hemisphere, torus
 * and Möbius strip, in normalised coordinates (inside [−0.5, 0.5]³), each with a tessellation. They serve as test
 * oracles and as training sources for {@code surface.fit}.
 */
package org.quire.surface.analytic;
