/**
 * Interactive 3D views of point clouds and meshes in SWT. {@link org.quire.viz.fx.SceneViewers#create} gives
 * a JavaFX 3D view embedded on the SWT thread ({@link org.quire.viz.fx.EmbeddedFxCanvas}, Quire's own
 * embedding on JavaFX 21's embedding interfaces) where JavaFX starts with 3D support, and otherwise the
 * software renderer of {@code org.quire.viz.scene} in an SWT canvas, re-rendered on interaction; it logs
 * which one is used. Both orbit on drag, zoom on the wheel, and colour clouds by rgb or by scalar with a
 * colour bar. Everything here runs on the SWT UI thread only.
 */
package org.quire.viz.fx;
