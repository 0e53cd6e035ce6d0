package org.quire.registration;

import java.nio.file.Path;
import java.util.Locale;
import org.quire.api.InputException;
import org.quire.api.InputFile;
import org.quire.geometry.PointSet;
import org.quire.geometry.io.GeometryFiles;

/** Reads and validates input clouds (any format {@code org.quire.geometry} reads; meshes give their vertices). */
final class Clouds {
    /** Formats accepted by the registration inputs. */
    static final String[] FORMATS = {"ply", "pcd", "xyz", "csv", "txt", "obj", "stl", "off", "gz"};

    private Clouds() {
    }

    /**
     * The points of {@code file}; at least {@code min} points, all coordinates finite.
     *
     * @throws InputException naming the file and the first bad point
     */
    static PointSet read(InputFile file, int min) throws InputException {
        Path p = file.path();
        PointSet s = GeometryFiles.readPoints(p);
        if (s.size() < min) {
            throw new InputException(p, 0, "holds " + s.size() + " points; a registration needs at least " + min);
        }
        double[] xyz = s.xyzView();
        for (int i = 0; i < xyz.length; i++) {
            if (!Double.isFinite(xyz[i])) {
                throw new InputException(p, 0, String.format(Locale.ROOT,
                        "point %d (0-based) has a non-finite %s coordinate (%s); remove or repair it", i / 3,
                        "xyz".substring(i % 3, i % 3 + 1), xyz[i]));
            }
        }
        return s;
    }
}
