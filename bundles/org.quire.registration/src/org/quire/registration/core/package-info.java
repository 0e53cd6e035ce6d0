/**
 * Rigid-motion mathematics shared by the registration stages: {@link org.quire.registration.core.RigidTransform}
 * (rotation plus translation, 4×4 row-major I/O), weighted Kabsch fitting, PCA frames and local roughness (on
 * {@code org.quire.geometry.SymmetricEigen3}; PCA normals come from {@code org.quire.geometry.Normals}), subsampling
 * and the nearest-neighbour abstraction the ICP stage queries. Pure Java, no state.
 */
package org.quire.registration.core;
