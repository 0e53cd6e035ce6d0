/**
 * The renderers of {@code org.quire.viz} as core's output interfaces: {@link org.quire.viz.report.VizRenderers}
 * is the {@link org.quire.core.output.ChartRenderer} and {@link org.quire.core.output.SceneRenderer} that batch
 * and the workbench hand to {@link org.quire.core.output.RunDirectoryWriter}. No display needed; thread-safe.
 */
package org.quire.viz.report;
