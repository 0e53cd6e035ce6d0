package org.quire.api.result;

/**
 * A named point cloud: positions, and optionally normals and colours. Written as PLY.
 *
 * @param name    file stem
 * @param xyz     positions, x0 y0 z0 x1 ... (length 3n)
 * @param normals unit normals, same layout, or null
 * @param rgb     colours as 0xRRGGBB, one per point, or null
 */
public record PointCloud(String name, float[] xyz, float[] normals, int[] rgb) {
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
}
