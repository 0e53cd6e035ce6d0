package org.quire.api.result;

/**
 * A named point cloud: positions, and optionally normals, colours and one scalar per point (a residual, a
 * distance) that viewers map to colours with a colour bar. Written as PLY (the scalar as a vertex property
 * named after {@code scalarLabel}).
 *
 * @param name        file stem
 * @param xyz         positions, x0 y0 z0 x1 ... (length 3n)
 * @param normals     unit normals, same layout, or null
 * @param rgb         colours as 0xRRGGBB, one per point, or null
 * @param scalars     one finite value per point, or null (since 1.1)
 * @param scalarLabel what the scalars are, with unit, e.g. "residual (mm)"; null when there are no scalars (since 1.1)
 */
public record PointCloud(String name, float[] xyz, float[] normals, int[] rgb, float[] scalars, String scalarLabel) {
    /** A cloud without a scalar field (the 1.0 constructor). */
    public PointCloud(String name, float[] xyz, float[] normals, int[] rgb) {
        this(name, xyz, normals, rgb, null, null);
    }

    public PointCloud {
        Names.check("point cloud", name);
        if (xyz == null || xyz.length % 3 != 0) {
            throw new IllegalArgumentException("point cloud '" + name + "': xyz length must be a multiple of 3");
        }
        if (normals != null && normals.length != xyz.length) {
            throw new IllegalArgumentException("point cloud '" + name + "': normals must have the length of xyz");
        }
        if (rgb != null && rgb.length != xyz.length / 3) {
            throw new IllegalArgumentException("point cloud '" + name + "': one colour per point expected");
        }
        if (scalars != null) {
            if (scalars.length != xyz.length / 3) {
                throw new IllegalArgumentException("point cloud '" + name + "': one scalar per point expected");
            }
            for (int i = 0; i < scalars.length; i++) {
                if (!Float.isFinite(scalars[i])) {
                    throw new IllegalArgumentException("point cloud '" + name + "': scalar " + i + " is not finite");
                }
            }
            if (scalarLabel == null || scalarLabel.isBlank()) {
                throw new IllegalArgumentException("point cloud '" + name + "': scalars need a label");
            }
        } else if (scalarLabel != null) {
            throw new IllegalArgumentException("point cloud '" + name + "': a scalar label without scalars");
        }
        scalars = scalars == null ? null : scalars.clone();
        xyz = xyz.clone();
        normals = normals == null ? null : normals.clone();
        rgb = rgb == null ? null : rgb.clone();
    }

    /** Number of points. */
    public int size() {
        return xyz.length / 3;
    }

    @Override
    public float[] xyz() {
        return xyz.clone();
    }

    @Override
    public float[] normals() {
        return normals == null ? null : normals.clone();
    }

    @Override
    public int[] rgb() {
        return rgb == null ? null : rgb.clone();
    }

    @Override
    public float[] scalars() {
        return scalars == null ? null : scalars.clone();
    }
}
