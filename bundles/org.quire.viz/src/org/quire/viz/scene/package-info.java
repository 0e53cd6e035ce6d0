/**
 * 3D pictures of point clouds and triangle meshes without a display: a small software renderer (pure Java
 * raster with a z-buffer, round point splats, flat Lambert-shaded triangles) with a camera fitted to the
 * scene's bounds, a perceptual colour map with a colour bar for per-point scalars, a legend and an axes
 * triad. {@link org.quire.viz.scene.SceneImages} is the entry point; the same input always gives the
 * same pixels and the same PNG bytes. All classes are immutable or confined to one call, hence thread-safe.
 */
package org.quire.viz.scene;
