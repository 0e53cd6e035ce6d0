package org.quire.geometry.io;

import java.nio.file.Path;
import org.quire.api.InputException;
import org.quire.geometry.PointSet;
import org.quire.geometry.TriangleMesh;

/** What a reader found: positions, optional normals and colours, and triangles (null for point formats). */
final class RawGeometry {
    final double[] xyz;
    final double[] normals;
    final int[] rgb;
    final int[] triangles;

    RawGeometry(double[] xyz, double[] normals, int[] rgb, int[] triangles) {
        this.xyz = xyz;
        this.normals = normals;
        this.rgb = rgb;
        this.triangles = triangles;
    }

    PointSet points() {
        return PointSet.adopt(xyz, normals, rgb);
    }

    TriangleMesh mesh(Path file) throws InputException {
        if (triangles == null || triangles.length == 0) {
            throw new InputException(file, 0, "holds points only (" + xyz.length / 3
                    + " vertices, no faces); expected a mesh with faces");
        }
        return TriangleMesh.adopt(xyz, triangles);
    }
}
