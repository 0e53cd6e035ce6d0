/**
 * Spatial indexes: a KD-tree for exact k-nearest and radius queries over points and a BVH for exact closest points on triangle meshes. Built once, then safe for concurrent queries.
 */
package org.quire.geometry.index;
