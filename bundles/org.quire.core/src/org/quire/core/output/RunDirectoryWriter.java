package org.quire.core.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.quire.api.result.ChartSpec;
import org.quire.api.result.Image;
import org.quire.api.result.ResultFile;
import org.quire.api.result.Mesh;
import org.quire.api.result.PointCloud;
import org.quire.api.result.Result;
import org.quire.api.result.Series;
import org.quire.api.result.Table;
import org.quire.core.run.RunOutcome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a finished run into a directory: {@code run.json} (provenance), {@code results.json}
 * (metrics and values), one CSV per table and per standalone series, one PLY per point cloud and mesh,
 * one PNG per image, a PNG ({@value #CHART_WIDTH}&times;{@value #CHART_HEIGHT} pixels) and an SVG per
 * chart, a PNG picture ({@value #SCENE_WIDTH}&times;{@value #SCENE_HEIGHT} pixels) of each point cloud and
 * mesh that has points or triangles, named {@code <name>.png} (result names are unique across files, so this
 * cannot collide with an image or chart), and {@code index.html}, a report a person can read.
 *
 * <p>Every file is written to a temporary name and renamed into place, and {@code run.json} is written
 * last: its presence means the directory is complete. The {@code run.json} of an earlier run in the same
 * directory is removed first, as are the files it listed that this run does not write again; a run whose
 * status has no result (invalid, input error, failed, cancelled) writes only {@code run.json} and
 * {@code index.html} and leaves no {@code results.json}.
 *
 * <p>Thread-safe when the chart renderer is; two writers must not share a directory at the same time.
 */
public final class RunDirectoryWriter {

    /** Width of chart PNGs and SVGs, pixels. */
    public static final int CHART_WIDTH = 900;

    /** Height of chart PNGs and SVGs, pixels. */
    public static final int CHART_HEIGHT = 560;

    /** Width of the pictures of clouds and meshes, pixels. */
    public static final int SCENE_WIDTH = 900;

    /** Height of the pictures of clouds and meshes, pixels. */
    public static final int SCENE_HEIGHT = 560;

    /** The provenance file; written last. */
    public static final String RUN_JSON = "run.json";

    /** The metrics and values file; only for statuses with a result. */
    public static final String RESULTS_JSON = "results.json";

    /** The report page. */
    public static final String INDEX_HTML = "index.html";

    /** Names an earlier run may have written (all result item names are of this form too). */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final ChartRenderer charts;
    private final SceneRenderer scenes;

    /**
     * A writer whose pictures of clouds and meshes come from {@code charts} when it also implements
     * {@link SceneRenderer}, and are left out otherwise.
     *
     * @param charts renders charts to PNG and SVG; null skips charts (the report then says so)
     */
    public RunDirectoryWriter(ChartRenderer charts) {
        this(charts, charts instanceof SceneRenderer s ? s : null);
    }

    /**
     * @param charts renders charts to PNG and SVG; null skips charts (the report then says so)
     * @param scenes renders clouds and meshes to PNG; null skips those pictures (the report lists the PLY files only)
     */
    public RunDirectoryWriter(ChartRenderer charts, SceneRenderer scenes) {
        this.charts = charts;
        this.scenes = scenes;
    }

    /**
     * Writes the run directory, creating it (and its parents) when needed.
     *
     * @param outcome the finished run
     * @param dir     the run directory
     * @throws IOException when a file cannot be written, a result value has an unsupported type (the message
     *                     names the value), or the chart or scene renderer fails (the message names the item); the
     *                     directory then has no {@code run.json} and no temporary files
     */
    public void write(RunOutcome outcome, Path dir) throws IOException {
        Result result = outcome.status().hasResult() ? (outcome.result() == null ? Result.empty() : outcome.result()) : null;
        // Convert everything that can fail on content before touching the directory.
        ObjectNode resultsJson = null;
        Map<String, JsonNode> values = new LinkedHashMap<>();
        if (result != null) {
            resultsJson = RunJson.results(outcome, result);
            resultsJson.get("values").properties().forEach(e -> values.put(e.getKey(), e.getValue()));
        }
        RunJson.provenance(outcome, List.of()); // fails now, not after the data files, on a parameter JSON cannot hold

        Files.createDirectories(dir);
        Set<String> stale = previousFiles(dir);
        Files.deleteIfExists(dir.resolve(RUN_JSON));
        if (result == null) {
            Files.deleteIfExists(dir.resolve(RESULTS_JSON));
        }

        List<String> written = new ArrayList<>();
        boolean chartsRendered = false;
        Set<String> pictures = new HashSet<>();
        if (result != null) {
            writeData(result, dir, written);
            writePictures(result, dir, written, pictures);
            chartsRendered = charts != null && !result.charts().isEmpty();
            ObjectNode rj = resultsJson;
            AtomicFiles.write(dir, RESULTS_JSON, out -> JsonValues.write(rj, out));
            written.add(RESULTS_JSON);
        }
        AtomicFiles.writeText(dir, INDEX_HTML, RunReportHtml.page(outcome, result, values, chartsRendered, pictures,
                written));
        written.add(INDEX_HTML);

        stale.removeAll(written);
        stale.remove(RUN_JSON);
        for (String name : stale) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                Files.deleteIfExists(p);
            }
        }

        written.add(RUN_JSON);
        ObjectNode runJson = RunJson.provenance(outcome, written);
        AtomicFiles.write(dir, RUN_JSON, out -> JsonValues.write(runJson, out));
    }

    private void writeData(Result result, Path dir, List<String> written) throws IOException {
        for (Table t : result.tables()) {
            written.add(write(dir, t.name() + ".csv", out -> CsvWriter.write(t, out)));
        }
        for (Series s : result.series()) {
            written.add(write(dir, s.name() + ".csv", out -> CsvWriter.write(s, out)));
        }
        for (PointCloud c : result.clouds()) {
            written.add(write(dir, c.name() + ".ply", out -> PlyWriter.write(c, out)));
        }
        for (Mesh m : result.meshes()) {
            written.add(write(dir, m.name() + ".ply", out -> PlyWriter.write(m, out)));
        }
        for (Image i : result.images()) {
            written.add(write(dir, i.name() + ".png", out -> PngWriter.write(i, out)));
        }
        for (ResultFile f : result.files()) {
            written.add(write(dir, f.fileName(), out -> out.write(f.content())));
        }
        if (charts != null) {
            for (ChartSpec c : result.charts()) {
                written.add(write(dir, c.name() + ".png", out -> render(c, true, out)));
                written.add(write(dir, c.name() + ".svg", out -> render(c, false, out)));
            }
        }
    }

    /** The PNG pictures of clouds and meshes with content; adds the item names to {@code pictures}. */
    private void writePictures(Result result, Path dir, List<String> written, Set<String> pictures) throws IOException {
        if (scenes == null) {
            return;
        }
        for (PointCloud c : result.clouds()) {
            if (c.size() > 0) {
                written.add(write(dir, c.name() + ".png", out -> picture("point cloud", c.name(),
                        () -> scenes.writePng(c, SCENE_WIDTH, SCENE_HEIGHT, out))));
                pictures.add(c.name());
            }
        }
        for (Mesh m : result.meshes()) {
            if (m.triangleCount() > 0) {
                written.add(write(dir, m.name() + ".png", out -> picture("mesh", m.name(),
                        () -> scenes.writePng(m, SCENE_WIDTH, SCENE_HEIGHT, out))));
                pictures.add(m.name());
            }
        }
    }

    private interface Drawing {
        void draw() throws IOException;
    }

    private static void picture(String kind, String name, Drawing drawing) throws IOException {
        try {
            drawing.draw();
        } catch (IOException | RuntimeException e) {
            throw new IOException(kind + " '" + name + "': cannot render PNG picture: " + e.getMessage(), e);
        }
    }

    private void render(ChartSpec chart, boolean png, java.io.OutputStream out) throws IOException {
        try {
            if (png) {
                charts.writePng(chart, CHART_WIDTH, CHART_HEIGHT, out);
            } else {
                charts.writeSvg(chart, CHART_WIDTH, CHART_HEIGHT, out);
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException("chart '" + chart.name() + "': cannot render " + (png ? "PNG" : "SVG") + ": " + e.getMessage(), e);
        }
    }

    private static String write(Path dir, String name, AtomicFiles.Content content) throws IOException {
        AtomicFiles.write(dir, name, content);
        return name;
    }

    /**
     * The files listed by an earlier {@code run.json} in the directory (plain names only, never paths);
     * empty when there is none or it cannot be read.
     */
    private static Set<String> previousFiles(Path dir) {
        Set<String> names = new HashSet<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(dir.resolve(RUN_JSON));
        } catch (IOException e) {
            return names; // none (NoSuchFileException) or unreadable: nothing to clean up after
        }
        try {
            JsonNode files = JsonValues.read(bytes).path("files");
            for (JsonNode f : files) {
                String name = f.asText("");
                if (PLAIN_NAME.matcher(name).matches()) {
                    names.add(name);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a damaged run.json: nothing to learn from it; it is replaced below
        }
        return names;
    }
}
