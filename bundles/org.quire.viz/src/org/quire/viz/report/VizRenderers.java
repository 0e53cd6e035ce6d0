package org.quire.viz.report;

import java.io.IOException;
import java.io.OutputStream;

import org.quire.api.result.ChartSpec;
import org.quire.api.result.Mesh;
import org.quire.api.result.PointCloud;
import org.quire.core.output.ChartRenderer;
import org.quire.core.output.RunDirectoryWriter;
import org.quire.core.output.SceneRenderer;
import org.quire.viz.ChartImages;
import org.quire.viz.scene.Scene;
import org.quire.viz.scene.SceneImages;

/**
 * Renders the pictures of a run directory without a display: charts as PNG and SVG with {@link ChartImages}
 * (JFreeChart) and clouds and meshes as PNG with {@link SceneImages} (software 3D). A {@link RunDirectoryWriter}
 * given this renderer writes both. Stateless, hence thread-safe; one instance may serve every run.
 */
public final class VizRenderers implements ChartRenderer, SceneRenderer {

    @Override
    public void writePng(ChartSpec chart, int width, int height, OutputStream out) throws IOException {
        ChartImages.writePng(chart, width, height, out);
    }

    @Override
    public void writeSvg(ChartSpec chart, int width, int height, OutputStream out) throws IOException {
        ChartImages.writeSvg(chart, width, height, out);
    }

    @Override
    public void writePng(PointCloud cloud, int width, int height, OutputStream out) throws IOException {
        SceneImages.writePng(Scene.of(cloud), width, height, out);
    }

    @Override
    public void writePng(Mesh mesh, int width, int height, OutputStream out) throws IOException {
        SceneImages.writePng(Scene.of(mesh), width, height, out);
    }
}
