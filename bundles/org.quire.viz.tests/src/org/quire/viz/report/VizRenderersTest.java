package org.quire.viz.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.Mesh;
import org.quire.api.result.PointCloud;
import org.quire.api.result.Result;
import org.quire.api.result.Series;
import org.quire.core.output.RunDirectoryWriter;
import org.quire.core.run.RunOutcome;
import org.quire.core.run.RunRequest;
import org.quire.core.run.RunStatus;

/** The shared renderer draws charts, clouds and meshes into run directories at the report sizes. */
class VizRenderersTest {

    @TempDir
    Path tmp;

    /** Width and height of a PNG: big-endian ints at bytes 16 and 20 (after the signature, in the IHDR chunk). */
    private static int[] pngSize(byte[] png) {
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        return new int[] {ByteBuffer.wrap(png, 16, 4).getInt(), ByteBuffer.wrap(png, 20, 4).getInt()};
    }

    @Test
    void chartsCloudsAndMeshesGetPicturesOfTheReportSize() throws IOException {
        PointCloud cloud = new PointCloud("scan", new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1}, null, null,
                new float[] {0, 1, 2, 3}, "residual (mm)");
        Mesh mesh = new Mesh("surface", new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1}, new int[] {0, 1, 2, 0, 1, 3});
        ChartSpec chart = ChartSpec.line("decay", "Decay", "time [s]", "value",
                Series.of("exp", new double[] {0, 1, 2, 3}, new double[] {1, 0.37, 0.14, 0.05}));
        Result result = Result.builder().cloud(cloud).mesh(mesh).chart(chart).build();
        RunOutcome outcome = new RunOutcome(new RunRequest("test.scene", Map.of(), List.of(), 1L, 1), null, null,
                Map.of(), List.of(), RunStatus.OK, "", List.of(), result, Instant.EPOCH, Instant.EPOCH, 0, null);
        Path dir = tmp.resolve("run");
        new RunDirectoryWriter(new VizRenderers()).write(outcome, dir);
        for (String name : List.of("scan.png", "surface.png")) {
            assertThat(pngSize(Files.readAllBytes(dir.resolve(name))))
                    .containsExactly(RunDirectoryWriter.SCENE_WIDTH, RunDirectoryWriter.SCENE_HEIGHT);
        }
        assertThat(pngSize(Files.readAllBytes(dir.resolve("decay.png"))))
                .containsExactly(RunDirectoryWriter.CHART_WIDTH, RunDirectoryWriter.CHART_HEIGHT);
        String svg = Files.readString(dir.resolve("decay.svg"), StandardCharsets.UTF_8);
        assertThat(svg).contains("<svg").contains("Decay");
        assertThat(Files.readString(dir.resolve("index.html"))).contains("<img src=\"scan.png\"", "<img src=\"surface.png\"");
        // the same result gives the same picture
        Path again = tmp.resolve("again");
        new RunDirectoryWriter(new VizRenderers()).write(outcome, again);
        assertThat(Files.readAllBytes(again.resolve("scan.png"))).isEqualTo(Files.readAllBytes(dir.resolve("scan.png")));
        assertThat(Files.readAllBytes(again.resolve("surface.png")))
                .isEqualTo(Files.readAllBytes(dir.resolve("surface.png")));
    }
}
