package org.quire.api.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a run produced: named metrics, JSON-able values, tables, series, charts, point clouds,
 * meshes, images and verbatim files, each in the order added. Build with {@link #builder()}. Immutable.
 *
 * <p>Values may be {@code null}, {@code Boolean}, {@code Number}, {@code String}, arrays of
 * primitives or of these, {@code List}s and {@code Map}s with {@code String} keys of these.
 */
public final class Result {

    private final Map<String, Double> metrics;
    private final Map<String, Object> values;
    private final List<Table> tables;
    private final List<Series> series;
    private final List<ChartSpec> charts;
    private final List<PointCloud> clouds;
    private final List<Mesh> meshes;
    private final List<Image> images;
    private final List<ResultFile> files;

    private Result(Builder b) {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(b.metrics));
        values = Collections.unmodifiableMap(new LinkedHashMap<>(b.values));
        tables = List.copyOf(b.tables);
        series = List.copyOf(b.series);
        charts = List.copyOf(b.charts);
        clouds = List.copyOf(b.clouds);
        meshes = List.copyOf(b.meshes);
        images = List.copyOf(b.images);
        files = List.copyOf(b.files);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** An empty result. */
    public static Result empty() {
        return new Builder().build();
    }

    /** Named numbers, e.g. {@code hurst}. NaN and infinities are allowed (written as null in JSON). */
    public Map<String, Double> metrics() {
        return metrics;
    }

    /** Named JSON-able values, e.g. a 4&times;4 transform. */
    public Map<String, Object> values() {
        return values;
    }

    /** Tables. */
    public List<Table> tables() {
        return tables;
    }

    /** Standalone data series (charts carry their own). */
    public List<Series> series() {
        return series;
    }

    /** Charts. */
    public List<ChartSpec> charts() {
        return charts;
    }

    /** Point clouds. */
    public List<PointCloud> clouds() {
        return clouds;
    }

    /** Meshes. */
    public List<Mesh> meshes() {
        return meshes;
    }

    /** Images. */
    public List<Image> images() {
        return images;
    }

    /** Files written verbatim (since 1.1). */
    public List<ResultFile> files() {
        return files;
    }

    /**
     * Collects result items; names must be unique among file items (tables, series, charts, clouds, meshes, images,
     * files). Not thread-safe.
     */
    public static final class Builder {
        private final Map<String, Double> metrics = new LinkedHashMap<>();
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final List<Table> tables = new ArrayList<>();
        private final List<Series> series = new ArrayList<>();
        private final List<ChartSpec> charts = new ArrayList<>();
        private final List<PointCloud> clouds = new ArrayList<>();
        private final List<Mesh> meshes = new ArrayList<>();
        private final List<Image> images = new ArrayList<>();
        private final List<ResultFile> files = new ArrayList<>();
        private final Set<String> fileNames = new HashSet<>();

        private Builder() {
        }

        /** Adds or replaces a metric. */
        public Builder metric(String name, double value) {
            metrics.put(Objects.requireNonNull(name, "metric name"), value);
            return this;
        }

        /** Adds or replaces a JSON-able value. */
        public Builder value(String name, Object value) {
            values.put(Objects.requireNonNull(name, "value name"), value);
            return this;
        }

        /** Adds a table (written as {@code <name>.csv}). */
        public Builder table(Table table) {
            tables.add(unique("table", table.name(), table));
            return this;
        }

        /** Adds a standalone series (written as {@code <name>.csv}). */
        public Builder series(Series s) {
            Names.check("series", s.name());
            series.add(unique("series", s.name(), s));
            return this;
        }

        /** Adds a chart (written as {@code <name>.png} and {@code <name>.svg}). */
        public Builder chart(ChartSpec chart) {
            charts.add(unique("chart", chart.name(), chart));
            return this;
        }

        /** Adds a point cloud (written as {@code <name>.ply}). */
        public Builder cloud(PointCloud cloud) {
            clouds.add(unique("point cloud", cloud.name(), cloud));
            return this;
        }

        /** Adds a mesh (written as {@code <name>.ply}). */
        public Builder mesh(Mesh mesh) {
            meshes.add(unique("mesh", mesh.name(), mesh));
            return this;
        }

        /** Adds an image (written as {@code <name>.png}). */
        public Builder image(Image image) {
            images.add(unique("image", image.name(), image));
            return this;
        }

        /** Adds a file written verbatim as {@code <name>.<extension>} (since 1.1). */
        public Builder file(ResultFile file) {
            files.add(unique("file", file.name(), file));
            return this;
        }

        private <T> T unique(String kind, String name, T item) {
            if (!fileNames.add(name)) {
                throw new IllegalArgumentException(kind + " name '" + name + "' is already used by another item of this result");
            }
            return item;
        }

        /** The result. */
        public Result build() {
            return new Result(this);
        }
    }
}
