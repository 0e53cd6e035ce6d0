package org.quire.surface;

import java.nio.file.Path;
import java.util.Locale;

import org.quire.api.InputException;
import org.quire.api.InputFile;
import org.quire.geometry.TriangleMesh;
import org.quire.geometry.io.GeometryFiles;

/** Reading the family's inputs with errors that name the file and what was expected. Stateless. */
final class SurfaceInputs {

    /** Mesh formats read through {@link GeometryFiles#readMesh(Path)}. */
    static final String[] MESH_FORMATS = {"obj", "ply", "off", "stl"};

    private SurfaceInputs() {
    }

    /**
     * A mesh with at least one triangle of positive area and finite coordinates.
     *
     * @throws InputException naming the file when it cannot be read, has no triangles or only degenerate ones
     */
    static TriangleMesh mesh(InputFile in) throws InputException {
        Path p = in.path();
        TriangleMesh m;
        try {
            m = GeometryFiles.readMesh(p);
        } catch (IllegalArgumentException e) {
            throw new InputException(p, 0, e.getMessage(), e);
        }
        if (m.triangleCount() == 0) {
            throw new InputException(p, 0, "the mesh has no triangles (" + m.vertexCount()
                    + " vertices): a closest surface point needs a surface");
        }
        if (!(m.area() > 0)) {
            throw new InputException(p, 0, "all " + m.triangleCount() + " triangles are degenerate (zero area)");
        }
        return m;
    }

    /** Whether a file is a model written by surface.fit (by extension). */
    static boolean isModel(InputFile in) {
        return in.fileName().toLowerCase(Locale.ROOT).endsWith(".csv");
    }
}
