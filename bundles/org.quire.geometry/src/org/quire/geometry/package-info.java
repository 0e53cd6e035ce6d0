/**
 * Point sets and triangle meshes in double precision (immutable, safe to share between threads), with transforms,
 * bounds, edge statistics and conversion to the API's result items; PCA normal estimation and orientation, voxel and
 * random subsampling, and area-weighted surface sampling of meshes.
 */
package org.quire.geometry;
