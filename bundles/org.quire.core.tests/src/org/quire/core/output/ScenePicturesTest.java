package org.quire.core.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quire.core.output.OutputFixtures.names;
import static org.quire.core.output.OutputFixtures.ok;
import static org.quire.core.output.OutputFixtures.read;
import static org.quire.core.output.OutputFixtures.temporaries;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.Mesh;
import org.quire.api.result.PointCloud;
import org.quire.api.result.Result;
import org.quire.api.result.Series;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** PNG pictures of clouds and meshes in run directories and job reports. */
class ScenePicturesTest {

    @TempDir
    Path tmp;

    /** Writes "PNG:<kind>:<name>:<w>x<h>" and records the calls. */
    static class FakeScenes implements SceneRenderer {
        final List<String> calls = new ArrayList<>();

        @Override
        public synchronized void writePng(PointCloud cloud, int width, int height, OutputStream out) throws IOException {
            calls.add("cloud " + cloud.name());
            out.write(("PNG:cloud:" + cloud.name() + ":" + width + "x" + height).getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public synchronized void writePng(Mesh mesh, int width, int height, OutputStream out) throws IOException {
            calls.add("mesh " + mesh.name());
            out.write(("PNG:mesh:" + mesh.name() + ":" + width + "x" + height).getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** A chart renderer that draws scenes too, as the batch adapter does. */
    static final class ChartsAndScenes implements ChartRenderer, SceneRenderer {
        final OutputFixtures.FakeCharts charts = new OutputFixtures.FakeCharts();
        final FakeScenes scenes = new FakeScenes();

        @Override
        public void writePng(ChartSpec chart, int width, int height, OutputStream out) throws IOException {
            charts.writePng(chart, width, height, out);
        }

        @Override
        public void writeSvg(ChartSpec chart, int width, int height, OutputStream out) throws IOException {
            charts.writeSvg(chart, width, height, out);
        }

        @Override
        public void writePng(PointCloud cloud, int width, int height, OutputStream out) throws IOException {
            scenes.writePng(cloud, width, height, out);
        }

        @Override
        public void writePng(Mesh mesh, int width, int height, OutputStream out) throws IOException {
            scenes.writePng(mesh, width, height, out);
        }
    }

    private static Result geometry() {
        return Result.builder()
                .cloud(new PointCloud("scan", new float[] {0, 0, 0, 1, 1, 1}, null, null, new float[] {0.5f, 2f},
                        "residual (mm)"))
                .cloud(new PointCloud("nothing", new float[0], null, null))
                .mesh(new Mesh("surface", new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 2}))
                .build();
    }

    @Test
    void eachCloudAndMeshWithContentGetsAPictureShownInTheReport() throws IOException {
        FakeScenes scenes = new FakeScenes();
        Path dir = tmp.resolve("run");
        new RunDirectoryWriter(null, scenes).write(ok(geometry()), dir);

        assertThat(scenes.calls).containsExactly("cloud scan", "mesh surface");
        assertThat(read(dir.resolve("scan.png"))).isEqualTo("PNG:cloud:scan:" + RunDirectoryWriter.SCENE_WIDTH + "x"
                + RunDirectoryWriter.SCENE_HEIGHT);
        assertThat(read(dir.resolve("surface.png"))).startsWith("PNG:mesh:surface:");
        assertThat(names(dir)).containsExactly("index.html", "nothing.ply", "results.json", "run.json", "scan.ply", "scan.png",
                "surface.ply", "surface.png");
        String html = read(dir.resolve("index.html"));
        assertThat(html).contains("<img src=\"scan.png\" alt=\"scan\" width=\"900\" height=\"560\">");
        assertThat(html).contains("<img src=\"surface.png\"");
        assertThat(html).contains("point cloud, 2 points, scalar residual (mm)");
        assertThat(html).contains("<a href=\"nothing.ply\">nothing.ply</a> &mdash; point cloud, 0 points</p>");
        assertThat(html).doesNotContain("nothing.png");
        JsonNode files = new ObjectMapper().readTree(dir.resolve("run.json").toFile()).get("files");
        List<String> listed = new ArrayList<>();
        files.forEach(f -> listed.add(f.asText()));
        assertThat(listed).contains("scan.png", "surface.png", "scan.ply");
    }

    @Test
    void aChartRendererThatAlsoDrawsScenesIsUsedForBoth() throws IOException {
        ChartsAndScenes both = new ChartsAndScenes();
        Result r = Result.builder().chart(ChartSpec.line("loss", "Loss", "x", "y", Series.indexed("loss", new double[] {2, 1})))
                .mesh(new Mesh("m", new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 2})).build();
        Path dir = tmp.resolve("run");
        new RunDirectoryWriter(both).write(ok(r), dir);
        assertThat(both.scenes.calls).containsExactly("mesh m");
        assertThat(names(dir)).contains("loss.png", "loss.svg", "m.png", "m.ply");
    }

    @Test
    void withoutASceneRendererOnlyThePlyFilesAreWritten() throws IOException {
        Path dir = tmp.resolve("run");
        new RunDirectoryWriter(new OutputFixtures.FakeCharts()).write(ok(geometry()), dir);
        assertThat(names(dir)).containsExactly("index.html", "nothing.ply", "results.json", "run.json", "scan.ply",
                "surface.ply");
        assertThat(read(dir.resolve("index.html"))).doesNotContain("<img");
    }

    @Test
    void aFailingRendererNamesTheItemAndLeavesNoRunJson() throws IOException {
        SceneRenderer broken = new FakeScenes() {
            @Override
            public synchronized void writePng(Mesh mesh, int width, int height, OutputStream out) {
                throw new IllegalStateException("no light");
            }
        };
        Path dir = tmp.resolve("run");
        assertThatThrownBy(() -> new RunDirectoryWriter(null, broken).write(ok(geometry()), dir))
                .isInstanceOf(IOException.class).hasMessage("mesh 'surface': cannot render PNG picture: no light");
        assertThat(Files.exists(dir.resolve("run.json"))).isFalse();
        assertThat(temporaries(dir)).isEmpty();
    }

    @Test
    void theJobPageShowsThePictureOfTheFirstCloudAsAThumbnail() throws IOException {
        RunDirectoryWriter writer = new RunDirectoryWriter(null, new FakeScenes());
        List<JobRunSummary> runs = List.of(new JobRunSummary("a", ok(geometry())),
                new JobRunSummary("b", ok(Result.builder().metric("m", 1).build())));
        for (JobRunSummary r : runs) {
            writer.write(r.outcome(), tmp.resolve(r.directory()));
        }
        new JobReportWriter().write("job", runs, tmp);
        String html = read(tmp.resolve("index.html"));
        assertThat(html).contains("<img class=\"thumb\" src=\"a/scan.png\" alt=\"scan (3D)\">");
        assertThat(html.split("<img", -1)).hasSize(2);
    }
}
