package org.quire.viz.scene;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.quire.api.result.Mesh;
import org.quire.api.result.PointCloud;
import org.quire.viz.Palette;

/**
 * What one picture shows: point clouds and meshes overlaid in one view (a "before" and an "after" cloud, a
 * cloud on its reconstructed surface). Each item has an item colour, the {@link Palette} colour of its
 * position in the scene, used for clouds without colours or scalars and for meshes. Immutable and
 * thread-safe.
 */
public final class Scene {

    /** One cloud or mesh with its position in the scene. */
    public record Item(PointCloud cloud, Mesh mesh, int index) {
        /** The item's name. */
        public String name() {
            return cloud != null ? cloud.name() : mesh.name();
        }

        /** Number of points (cloud) or vertices (mesh). */
        public int vertexCount() {
            return cloud != null ? cloud.size() : mesh.vertexCount();
        }
    }

    private final List<Item> items;
    private final List<PointCloud> clouds;
    private final List<Mesh> meshes;

    private Scene(List<Item> items) {
        this.items = Collections.unmodifiableList(items);
        List<PointCloud> c = new ArrayList<>();
        List<Mesh> m = new ArrayList<>();
        for (Item i : items) {
            if (i.cloud() != null) {
                c.add(i.cloud());
            } else {
                m.add(i.mesh());
            }
        }
        clouds = Collections.unmodifiableList(c);
        meshes = Collections.unmodifiableList(m);
    }

    /** A scene of the given clouds, then the given meshes. */
    public static Scene of(List<PointCloud> clouds, List<Mesh> meshes) {
        Builder b = builder();
        clouds.forEach(b::add);
        meshes.forEach(b::add);
        return b.build();
    }

    /** A scene of one cloud. */
    public static Scene of(PointCloud cloud) {
        return builder().add(cloud).build();
    }

    /** A scene of one mesh. */
    public static Scene of(Mesh mesh) {
        return builder().add(mesh).build();
    }

    /** A builder; items keep the order in which they are added. */
    public static Builder builder() {
        return new Builder();
    }

    /** The items in order. */
    public List<Item> items() {
        return items;
    }

    /** The clouds in order. */
    public List<PointCloud> clouds() {
        return clouds;
    }

    /** The meshes in order. */
    public List<Mesh> meshes() {
        return meshes;
    }

    /** Whether there is nothing to draw: no point and no triangle. */
    public boolean isEmpty() {
        for (PointCloud c : clouds) {
            if (c.size() > 0) {
                return false;
            }
        }
        for (Mesh m : meshes) {
            if (m.triangleCount() > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bounding box of all points and all mesh vertices: minx, miny, minz, maxx, maxy, maxz.
     *
     * @throws IllegalArgumentException when the scene {@linkplain #isEmpty() is empty} or holds a
     *                                  non-finite coordinate (the message names the item)
     */
    public double[] bounds() {
        if (isEmpty()) {
            throw new IllegalArgumentException("scene: nothing to draw (no points and no triangles)");
        }
        double[] b = { Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY };
        for (Item i : items) {
            if (i.cloud() == null && i.mesh().triangleCount() == 0) {
                continue;
            }
            float[] xyz = i.cloud() != null ? i.cloud().xyz() : i.mesh().vertices();
            for (int k = 0; k < xyz.length; k++) {
                float v = xyz[k];
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("scene: '" + i.name() + "' has a non-finite coordinate at point "
                            + k / 3);
                }
                int a = k % 3;
                if (v < b[a]) {
                    b[a] = v;
                }
                if (v > b[a + 3]) {
                    b[a + 3] = v;
                }
            }
        }
        return b;
    }

    /** The item colour of item {@code index} (0-based), 0xRRGGBB. */
    public static int itemColour(int index) {
        return Palette.color(index).getRGB() & 0xFFFFFF;
    }

    /**
     * The base colour of a mesh at item {@code index}: its item colour mixed 2 : 3 with light grey
     * (0xD0D0D0), so that surfaces stay quieter than the clouds drawn on them and still differ from each other.
     */
    public static int meshColour(int index) {
        int c = itemColour(index);
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int v = (c >> shift) & 0xFF;
            out |= (int) Math.round(0.4 * v + 0.6 * 0xD0) << shift;
        }
        return out;
    }

    /** Whether the cloud is coloured through the colour map under this mode. */
    public static boolean byScalar(PointCloud c, ColourMode mode) {
        return c.scalars() != null && (mode == ColourMode.AUTO || mode == ColourMode.SCALAR);
    }

    /** Whether the cloud is drawn in its own rgb colours under this mode. */
    public static boolean byRgb(PointCloud c, ColourMode mode) {
        return c.rgb() != null && !byScalar(c, mode) && (mode == ColourMode.AUTO || mode == ColourMode.RGB);
    }

    /**
     * The range of the scalars of all clouds coloured by scalar under this mode (one shared colour bar), or
     * null when none is. The label is the clouds' label, or their distinct labels joined by "; ".
     */
    public ScalarRange scalarRange(ColourMode mode) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        List<String> labels = new ArrayList<>();
        for (PointCloud c : clouds) {
            if (!byScalar(c, mode) || c.size() == 0) {
                continue;
            }
            for (float s : c.scalars()) {
                min = Math.min(min, s);
                max = Math.max(max, s);
            }
            if (!labels.contains(c.scalarLabel())) {
                labels.add(c.scalarLabel());
            }
        }
        return labels.isEmpty() ? null : new ScalarRange(min, max, String.join("; ", labels));
    }

    /**
     * The colour of every point of a cloud of this scene, 0xRRGGBB: by scalar (through {@code map} on
     * {@code range}), by rgb, or the item colour, as {@code mode} says.
     *
     * @param range the scene's {@link #scalarRange(ColourMode)} for this mode
     */
    public int[] pointColours(Item item, ColourMode mode, ColourMap map, ScalarRange range) {
        PointCloud c = Objects.requireNonNull(item.cloud(), "item is not a cloud");
        int n = c.size();
        int[] out = new int[n];
        if (byScalar(c, mode)) {
            float[] s = c.scalars();
            for (int i = 0; i < n; i++) {
                out[i] = map.rgb(s[i], range.min(), range.max());
            }
        } else if (byRgb(c, mode)) {
            int[] rgb = c.rgb();
            for (int i = 0; i < n; i++) {
                out[i] = rgb[i] & 0xFFFFFF;
            }
        } else {
            java.util.Arrays.fill(out, itemColour(item.index()));
        }
        return out;
    }

    /** Collects items. Not thread-safe. */
    public static final class Builder {
        private final List<Item> items = new ArrayList<>();

        private Builder() {
        }

        /** Adds a cloud. */
        public Builder add(PointCloud cloud) {
            items.add(new Item(Objects.requireNonNull(cloud, "cloud"), null, items.size()));
            return this;
        }

        /** Adds a mesh. */
        public Builder add(Mesh mesh) {
            items.add(new Item(null, Objects.requireNonNull(mesh, "mesh"), items.size()));
            return this;
        }

        /** The scene. */
        public Scene build() {
            return new Scene(new ArrayList<>(items));
        }
    }
}
