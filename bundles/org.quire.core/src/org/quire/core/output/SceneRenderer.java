package org.quire.core.output;

import java.io.IOException;
import java.io.OutputStream;

import org.quire.api.result.Mesh;
import org.quire.api.result.PointCloud;

/**
 * Turns point clouds and meshes into PNG pictures (a fixed camera fitted to the item's bounds; clouds with
 * scalars coloured through a colour map with a colour bar). Implemented outside core (with the software
 * renderer of {@code org.quire.viz}) and handed to {@link RunDirectoryWriter}, so that core needs no
 * graphics code. Implementations are thread-safe and need no display.
 */
public interface SceneRenderer {
    /**
     * Writes a picture of the cloud as PNG of the given size in pixels.
     *
     * @throws IllegalArgumentException when the cloud has no point
     */
    void writePng(PointCloud cloud, int width, int height, OutputStream out) throws IOException;

    /**
     * Writes a picture of the mesh as PNG of the given size in pixels.
     *
     * @throws IllegalArgumentException when the mesh has no triangle
     */
    void writePng(Mesh mesh, int width, int height, OutputStream out) throws IOException;
}
