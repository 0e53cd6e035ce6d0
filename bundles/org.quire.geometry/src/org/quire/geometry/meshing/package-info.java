/**
 * Surface extraction from sampled fields (marching cubes on signed or unsigned distance grids).
 */
package org.quire.geometry.meshing;
