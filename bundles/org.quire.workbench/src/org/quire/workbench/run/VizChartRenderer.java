package org.quire.workbench.run;

import java.io.IOException;
import java.io.OutputStream;

import org.quire.api.result.ChartSpec;
import org.quire.core.output.ChartRenderer;
import org.quire.viz.ChartImages;

/** Renders charts for run directories with {@link ChartImages} (JFreeChart; no display needed). Thread-safe. */
public final class VizChartRenderer implements ChartRenderer {

    @Override
    public void writePng(ChartSpec chart, int width, int height, OutputStream out) throws IOException {
        ChartImages.writePng(chart, width, height, out);
    }

    @Override
    public void writeSvg(ChartSpec chart, int width, int height, OutputStream out) throws IOException {
        ChartImages.writeSvg(chart, width, height, out);
    }
}
