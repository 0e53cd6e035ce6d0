package org.quire.core.output;

import java.io.IOException;
import java.io.OutputStream;

import org.quire.api.result.ChartSpec;

/**
 * Turns a chart specification into PNG and SVG bytes. Implemented outside core (with JFreeChart in
 * {@code org.quire.viz}) and handed to {@link RunDirectoryWriter}, so that core needs no charting
 * library. Implementations are thread-safe and need no display.
 */
public interface ChartRenderer {
    /** Writes the chart as PNG of the given size in pixels. */
    void writePng(ChartSpec chart, int width, int height, OutputStream out) throws IOException;

    /** Writes the chart as a standalone SVG document of the given size in pixels. */
    void writeSvg(ChartSpec chart, int width, int height, OutputStream out) throws IOException;
}
