package org.quire.core.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quire.core.output.OutputFixtures.names;
import static org.quire.core.output.OutputFixtures.ok;
import static org.quire.core.output.OutputFixtures.outcome;
import static org.quire.core.output.OutputFixtures.read;
import static org.quire.core.output.OutputFixtures.temporaries;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.Image;
import org.quire.api.result.Mesh;
import org.quire.api.result.PointCloud;
import org.quire.api.result.Result;
import org.quire.api.result.Series;
import org.quire.api.result.Table;
import org.quire.core.run.RunOutcome;
import org.quire.core.run.RunStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class RunDirectoryWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    record Point(double x, String label) {
    }

    @Test
    void resultsJsonRoundTripsMetricsAndValuesFieldByField() throws IOException {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("inner", Map.of("k", List.of(1, 2.5, "z")));
        nested.put("none", null);
        Result r = Result.builder()
                .metric("hurst", 0.7123456789012345)
                .metric("nan", Double.NaN)
                .metric("inf", Double.POSITIVE_INFINITY)
                .metric("negInf", Double.NEGATIVE_INFINITY)
                .metric("tiny", 4.9e-324)
                .value("nothing", null)
                .value("flag", true)
                .value("count", 42)
                .value("big", 9_007_199_254_740_993L)
                .value("real", -1.0e-300)
                .value("realNaN", Double.NaN)
                .value("text", "ä \"quoted\" \n line")
                .value("doubles", new double[] {1.5, Double.NaN, -0.0})
                .value("floats", new float[] {0.1f, 2f})
                .value("ints", new int[] {1, -2, 3})
                .value("longs", new long[] {Long.MIN_VALUE})
                .value("bools", new boolean[] {true, false})
                .value("matrix", new double[][] {{1, 0}, {0, 1}})
                .value("strings", new String[] {"a", null})
                .value("list", List.of(1, "two", List.of(3.0)))
                .value("nested", nested)
                .value("point", new Point(2.5, "p"))
                .build();
        Path dir = tmp.resolve("run");
        new RunDirectoryWriter(null).write(ok(r), dir);

        JsonNode root = JSON.readTree(dir.resolve("results.json").toFile());
        assertThat(fieldNames(root)).containsExactly("algorithm", "status", "metrics", "values");
        assertThat(root.get("algorithm").textValue()).isEqualTo("test.walk");
        assertThat(root.get("status").textValue()).isEqualTo("ok");
        JsonNode m = root.get("metrics");
        assertThat(fieldNames(m)).containsExactly("hurst", "nan", "inf", "negInf", "tiny");
        assertThat(m.get("hurst").doubleValue()).isEqualTo(0.7123456789012345);
        assertThat(m.get("nan").isNull()).isTrue();
        assertThat(m.get("inf").isNull()).isTrue();
        assertThat(m.get("negInf").isNull()).isTrue();
        assertThat(m.get("tiny").doubleValue()).isEqualTo(4.9e-324);

        JsonNode v = root.get("values");
        assertThat(fieldNames(v)).containsExactly("nothing", "flag", "count", "big", "real", "realNaN", "text", "doubles", "floats",
                "ints", "longs", "bools", "matrix", "strings", "list", "nested", "point");
        assertThat(v.get("nothing").isNull()).isTrue();
        assertThat(v.get("flag").booleanValue()).isTrue();
        assertThat(v.get("count").isInt()).isTrue();
        assertThat(v.get("count").intValue()).isEqualTo(42);
        assertThat(v.get("big").longValue()).isEqualTo(9_007_199_254_740_993L);
        assertThat(v.get("real").doubleValue()).isEqualTo(-1.0e-300);
        assertThat(v.get("realNaN").isNull()).isTrue();
        assertThat(v.get("text").textValue()).isEqualTo("ä \"quoted\" \n line");
        assertThat(v.get("doubles")).hasSize(3);
        assertThat(v.get("doubles").get(0).doubleValue()).isEqualTo(1.5);
        assertThat(v.get("doubles").get(1).isNull()).isTrue();
        assertThat(Double.doubleToRawLongBits(v.get("doubles").get(2).doubleValue())).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat((float) v.get("floats").get(0).doubleValue()).isEqualTo(0.1f);
        assertThat(v.get("floats").get(1).doubleValue()).isEqualTo(2.0);
        assertThat(ints(v.get("ints"))).containsExactly(1, -2, 3);
        assertThat(v.get("longs").get(0).longValue()).isEqualTo(Long.MIN_VALUE);
        assertThat(v.get("bools").get(0).booleanValue()).isTrue();
        assertThat(v.get("bools").get(1).booleanValue()).isFalse();
        assertThat(v.get("matrix").get(0).get(0).doubleValue()).isEqualTo(1.0);
        assertThat(v.get("matrix").get(0).get(1).doubleValue()).isEqualTo(0.0);
        assertThat(v.get("matrix").get(1).get(1).doubleValue()).isEqualTo(1.0);
        assertThat(v.get("strings").get(0).textValue()).isEqualTo("a");
        assertThat(v.get("strings").get(1).isNull()).isTrue();
        assertThat(v.get("list").get(0).intValue()).isEqualTo(1);
        assertThat(v.get("list").get(1).textValue()).isEqualTo("two");
        assertThat(v.get("list").get(2).get(0).doubleValue()).isEqualTo(3.0);
        assertThat(fieldNames(v.get("nested"))).containsExactly("inner", "none");
        assertThat(v.get("nested").get("inner").get("k").get(1).doubleValue()).isEqualTo(2.5);
        assertThat(v.get("nested").get("inner").get("k").get(2).textValue()).isEqualTo("z");
        assertThat(v.get("nested").get("none").isNull()).isTrue();
        assertThat(fieldNames(v.get("point"))).containsExactly("x", "label");
        assertThat(v.get("point").get("x").doubleValue()).isEqualTo(2.5);
        assertThat(v.get("point").get("label").textValue()).isEqualTo("p");
    }

    @Test
    void runJsonRecordsProvenanceAndListsEveryFileWrittenWithRunJsonLast() throws IOException {
        Result r = Result.builder().metric("m", 1)
                .table(Table.builder("t").numeric("a", new double[] {1}).build())
                .chart(ChartSpec.line("loss", "Loss", "step", "loss", Series.indexed("loss", new double[] {3, 2, 1})))
                .build();
        Path dir = tmp.resolve("a/b/run");
        new RunDirectoryWriter(new OutputFixtures.FakeCharts())
                .write(outcome(RunStatus.WARNINGS, r, "partly converged", List.of("w1 <x>", "w2")), dir);

        JsonNode root = JSON.readTree(dir.resolve("run.json").toFile());
        assertThat(fieldNames(root)).containsExactly("quire", "algorithm", "status", "message", "parameters", "seed", "threads",
                "inputs", "startedAt", "finishedAt", "algorithmElapsedSeconds", "warnings", "host", "files");
        assertThat(root.get("quire").get("version").textValue()).isNotBlank();
        JsonNode alg = root.get("algorithm");
        assertThat(alg.get("id").textValue()).isEqualTo("test.walk");
        assertThat(alg.get("name").textValue()).isEqualTo("Random walk");
        assertThat(alg.get("family").textValue()).isEqualTo("test");
        assertThat(alg.get("bundle").textValue()).isEqualTo("org.quire.testalgorithms");
        assertThat(alg.get("bundleVersion").textValue()).isEqualTo("0.1.0.v20251128-1000");
        assertThat(root.get("status").textValue()).isEqualTo("warnings");
        assertThat(root.get("message").textValue()).isEqualTo("partly converged");
        JsonNode p = root.get("parameters");
        assertThat(fieldNames(p)).containsExactly("steps", "rate", "label", "verbose");
        assertThat(p.get("steps").isInt()).isTrue();
        assertThat(p.get("steps").intValue()).isEqualTo(200);
        assertThat(p.get("rate").isDouble()).isTrue();
        assertThat(p.get("rate").doubleValue()).isEqualTo(0.25);
        assertThat(p.get("label").textValue()).isEqualTo("a,b \"c\"");
        assertThat(p.get("verbose").isBoolean()).isTrue();
        assertThat(root.get("seed").longValue()).isEqualTo(42L);
        assertThat(root.get("threads").intValue()).isEqualTo(3);
        JsonNode in = root.get("inputs").get(0);
        assertThat(root.get("inputs")).hasSize(1);
        assertThat(in.get("slot").textValue()).isEqualTo("table");
        assertThat(in.get("path").textValue()).isEqualTo(Path.of("/data/a.csv").toString());
        assertThat(in.get("bytes").longValue()).isEqualTo(1234L);
        assertThat(in.get("sha256").textValue()).isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        assertThat(root.get("startedAt").textValue()).isEqualTo("2025-11-28T10:00:00Z");
        assertThat(Instant.parse(root.get("finishedAt").textValue())).isEqualTo(OutputFixtures.FINISHED);
        assertThat(root.get("algorithmElapsedSeconds").doubleValue()).isEqualTo(1.25);
        assertThat(root.get("warnings")).hasSize(2);
        assertThat(root.get("warnings").get(0).textValue()).isEqualTo("w1 <x>");
        JsonNode host = root.get("host");
        assertThat(host.get("java").textValue()).startsWith(System.getProperty("java.version"));
        assertThat(host.get("os").textValue()).startsWith(System.getProperty("os.name"));
        assertThat(host.get("processors").intValue()).isEqualTo(Runtime.getRuntime().availableProcessors());

        List<String> files = new ArrayList<>();
        root.get("files").forEach(f -> files.add(f.textValue()));
        assertThat(files).containsExactly("t.csv", "loss.png", "loss.svg", "results.json", "index.html", "run.json");
        assertThat(names(dir)).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void unsupportedValueTypeFailsNamingTheValueAndLeavesNoRunJson() throws IOException {
        Result r = Result.builder().value("fine", 1).value("bad", List.of(1, new StringBuilder("sb"))).build();
        Path dir = tmp.resolve("run");
        assertThatThrownBy(() -> new RunDirectoryWriter(null).write(ok(r), dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("values.bad[1]")
                .hasMessageContaining("java.lang.StringBuilder");
        assertThat(Files.exists(dir.resolve("run.json"))).isFalse();
        assertThat(Files.exists(dir.resolve("results.json"))).isFalse();
        if (Files.isDirectory(dir)) {
            assertThat(temporaries(dir)).isEmpty();
        }
    }

    @Test
    void nonStringMapKeysAndCyclesAreRejected() {
        Result keys = Result.builder().value("m", Map.of(1, "one")).build();
        assertThatThrownBy(() -> new RunDirectoryWriter(null).write(ok(keys), tmp.resolve("k")))
                .isInstanceOf(IOException.class).hasMessageContaining("values.m").hasMessageContaining("String keys");
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        Result cyclic = Result.builder().value("c", cycle).build();
        assertThatThrownBy(() -> new RunDirectoryWriter(null).write(ok(cyclic), tmp.resolve("c")))
                .isInstanceOf(IOException.class).hasMessageContaining("values.c[0][0]").hasMessageContaining("nested deeper");
    }

    @Test
    void tableCsvQuotesCommasQuotesAndNewlinesAndKeepsNumbersExact() throws IOException {
        double[] nums = {0.1, Double.NaN, Double.POSITIVE_INFINITY, -1.0e-300, 1234567.0};
        String[] texts = {"plain", "a,b", "say \"hi\"", "two\nlines", null};
        Table t = Table.builder("data").numeric("length", "mm", nums).text("note, with comma", texts)
                .numeric("plain", new double[] {1, 2, 3, 4, 5}).build();
        Path dir = tmp.resolve("run");
        new RunDirectoryWriter(null).write(ok(Result.builder().table(t).build()), dir);

        String csv = read(dir.resolve("data.csv"));
        assertThat(csv).startsWith("length [mm],\"note, with comma\",plain\n");
        assertThat(csv).contains("\n0.1,plain,1.0\n");
        assertThat(csv).contains("NaN,\"a,b\",2.0\n");
        assertThat(csv).contains("Infinity,\"say \"\"hi\"\"\",3.0\n");
        assertThat(csv).contains("-1.0E-300,\"two\nlines\",4.0\n");
        assertThat(csv).endsWith("1234567.0,,5.0\n");

        List<List<String>> rows = TestCsvReader.parse(csv);
        assertThat(rows).hasSize(6);
        assertThat(rows.get(0)).containsExactly("length [mm]", "note, with comma", "plain");
        for (int i = 0; i < nums.length; i++) {
            List<String> row = rows.get(i + 1);
            assertThat(row).hasSize(3);
            assertThat(Double.doubleToLongBits(Double.parseDouble(row.get(0)))).as("row %d", i)
                    .isEqualTo(Double.doubleToLongBits(nums[i]));
            assertThat(row.get(1)).isEqualTo(texts[i] == null ? "" : texts[i]);
            assertThat(Double.parseDouble(row.get(2))).isEqualTo(i + 1.0);
        }
    }

    @Test
    void seriesCsvHasXyAndOptionalBand() throws IOException {
        Series plain = Series.of("plain", new double[] {0, 0.5}, new double[] {1.25, Double.NaN});
        Series band = new Series("band", new double[] {1, 2}, new double[] {10, 20}, new double[] {9, 18}, new double[] {11, 22.5});
        Path dir = tmp.resolve("run");
        new RunDirectoryWriter(null).write(ok(Result.builder().series(plain).series(band).build()), dir);
        assertThat(read(dir.resolve("plain.csv"))).isEqualTo("x,y\n0.0,1.25\n0.5,NaN\n");
        assertThat(read(dir.resolve("band.csv"))).isEqualTo("x,y,low,high\n1.0,10.0,9.0,11.0\n2.0,20.0,18.0,22.5\n");
    }

    @Test
    void pointCloudPlyReadsBackWithNormalsAndColours() throws IOException {
        float[] xyz = {0f, 1.5f, -2.25f, 1e-7f, Float.MAX_VALUE, 3f};
        float[] normals = {0f, 0f, 1f, 0.6f, 0.8f, 0f};
        int[] rgb = {0xFF0080, 0x010203};
        Path dir = tmp.resolve("run");
        PointCloud full = new PointCloud("cloud", xyz, normals, rgb);
        PointCloud bare = new PointCloud("bare", new float[] {1, 2, 3}, null, null);
        new RunDirectoryWriter(null).write(ok(Result.builder().cloud(full).cloud(bare).build()), dir);

        TestPlyReader ply = new TestPlyReader(Files.readAllBytes(dir.resolve("cloud.ply")));
        assertThat(ply.headerLines.get(0)).isEqualTo("ply");
        assertThat(ply.elements.keySet()).containsExactly("vertex");
        assertThat(ply.elements.get("vertex").count()).isEqualTo(2);
        assertThat(ply.elements.get("vertex").properties().stream().map(TestPlyReader.Property::name))
                .containsExactly("x", "y", "z", "nx", "ny", "nz", "red", "green", "blue");
        assertThat(ply.floats("vertex", "x")).containsExactly(0f, 1e-7f);
        assertThat(ply.floats("vertex", "y")).containsExactly(1.5f, Float.MAX_VALUE);
        assertThat(ply.floats("vertex", "z")).containsExactly(-2.25f, 3f);
        assertThat(ply.floats("vertex", "nx")).containsExactly(0f, 0.6f);
        assertThat(ply.floats("vertex", "ny")).containsExactly(0f, 0.8f);
        assertThat(ply.floats("vertex", "nz")).containsExactly(1f, 0f);
        assertThat(ply.ints("vertex", "red")).containsExactly(0xFF, 0x01);
        assertThat(ply.ints("vertex", "green")).containsExactly(0x00, 0x02);
        assertThat(ply.ints("vertex", "blue")).containsExactly(0x80, 0x03);

        TestPlyReader plain = new TestPlyReader(Files.readAllBytes(dir.resolve("bare.ply")));
        assertThat(plain.elements.get("vertex").properties().stream().map(TestPlyReader.Property::name)).containsExactly("x", "y", "z");
        assertThat(plain.floats("vertex", "z")).containsExactly(3f);
        // 3 floats per point after the header: nothing else in the body
        byte[] bytes = Files.readAllBytes(dir.resolve("bare.ply"));
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(bytes.length - (text.indexOf("end_header\n") + "end_header\n".length())).isEqualTo(12);
    }

    @Test
    void pointCloudScalarsAreAVertexPropertyWithTheLabelInAComment() throws IOException {
        Path dir = tmp.resolve("run");
        PointCloud residuals = new PointCloud("res", new float[] {0, 0, 0, 1, 1, 1}, null, null,
                new float[] {0.25f, -3.5f}, "residual (mm)");
        new RunDirectoryWriter(null).write(ok(Result.builder().cloud(residuals).build()), dir);

        TestPlyReader ply = new TestPlyReader(Files.readAllBytes(dir.resolve("res.ply")));
        assertThat(ply.headerLines).contains("comment scalar: residual (mm)");
        assertThat(ply.elements.get("vertex").properties().stream().map(TestPlyReader.Property::name))
                .containsExactly("x", "y", "z", "scalar");
        assertThat(ply.floats("vertex", "scalar")).containsExactly(0.25f, -3.5f);
        assertThat(ply.floats("vertex", "z")).containsExactly(0f, 1f);
    }

    @Test
    void resultFilesAreWrittenVerbatimListedAndLinked() throws IOException {
        Path dir = tmp.resolve("run");
        byte[] bytes = {0, (byte) 0xFF, 10, 13, 'x'};
        Result r = Result.builder()
                .file(new org.quire.api.result.ResultFile("blob", "bin", bytes, "raw <bytes>"))
                .file(org.quire.api.result.ResultFile.text("transform", "txt", "1 0 0 0\n", ""))
                .build();
        new RunDirectoryWriter(null).write(ok(r), dir);

        assertThat(Files.readAllBytes(dir.resolve("blob.bin"))).isEqualTo(bytes);
        assertThat(read(dir.resolve("transform.txt"))).isEqualTo("1 0 0 0\n");
        List<String> files = new ArrayList<>();
        JSON.readTree(dir.resolve("run.json").toFile()).get("files").forEach(f -> files.add(f.textValue()));
        assertThat(files).contains("blob.bin", "transform.txt");
        assertThat(read(dir.resolve("index.html"))).contains("<a href=\"blob.bin\">blob.bin</a> (5 bytes) &mdash; raw &lt;bytes&gt;");
    }

    @Test
    void meshPlyReadsBackVerticesAndFaces() throws IOException {
        float[] v = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1};
        int[] tri = {0, 1, 2, 0, 1, 3, 1, 2, 3};
        Path dir = tmp.resolve("run");
        new RunDirectoryWriter(null).write(ok(Result.builder().mesh(new Mesh("tet", v, tri)).build()), dir);

        TestPlyReader ply = new TestPlyReader(Files.readAllBytes(dir.resolve("tet.ply")));
        assertThat(ply.headerLines).contains("format binary_little_endian 1.0", "element vertex 4", "element face 3",
                "property list uchar int vertex_indices");
        assertThat(ply.elements.keySet()).containsExactly("vertex", "face");
        assertThat(ply.floats("vertex", "x")).containsExactly(0f, 1f, 0f, 0f);
        assertThat(ply.floats("vertex", "y")).containsExactly(0f, 0f, 1f, 0f);
        assertThat(ply.floats("vertex", "z")).containsExactly(0f, 0f, 0f, 1f);
        List<Object> faces = ply.elements.get("face").values().get("vertex_indices");
        assertThat(faces).hasSize(3);
        assertThat((int[]) faces.get(0)).containsExactly(0, 1, 2);
        assertThat((int[]) faces.get(1)).containsExactly(0, 1, 3);
        assertThat((int[]) faces.get(2)).containsExactly(1, 2, 3);
    }

    @Test
    void imagePngReadsBackPixelExactIncludingAlpha() throws IOException {
        int w = 7;
        int h = 5;
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            int a = i % 4 == 0 ? 0xFF : (i * 37) & 0xFF;
            argb[i] = (a << 24) | ((i * 53) & 0xFF) << 16 | ((i * 97) & 0xFF) << 8 | ((i * 11) & 0xFF);
        }
        argb[3] = 0x00123456;
        argb[5] = 0x7FFFFFFF;
        Path dir = tmp.resolve("run");
        new RunDirectoryWriter(null).write(ok(Result.builder().image(new Image("pic", w, h, argb)).build()), dir);

        BufferedImage img = ImageIO.read(dir.resolve("pic.png").toFile());
        assertThat(img.getWidth()).isEqualTo(w);
        assertThat(img.getHeight()).isEqualTo(h);
        int[] back = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < argb.length; i++) {
            assertThat(Integer.toHexString(back[i])).as("pixel %d", i).isEqualTo(Integer.toHexString(argb[i]));
        }
    }

    @Test
    void chartsAreRenderedAsPngAndSvgAtTheAgreedSizeAndShownInTheReport() throws IOException {
        OutputFixtures.FakeCharts charts = new OutputFixtures.FakeCharts();
        Result r = Result.builder()
                .chart(ChartSpec.line("loss", "Training loss", "epoch", "loss", Series.indexed("loss", new double[] {3, 1})))
                .chart(ChartSpec.histogram("spread", "Spread", "value", 10, new double[] {1, 2, 3}))
                .build();
        Path dir = tmp.resolve("run");
        new RunDirectoryWriter(charts).write(ok(r), dir);

        assertThat(charts.calls).containsExactly("png loss 900x560", "svg loss 900x560", "png spread 900x560", "svg spread 900x560");
        assertThat(Files.readAllBytes(dir.resolve("loss.png"))).isEqualTo(OutputFixtures.FakeCharts.png("loss"));
        assertThat(Files.readAllBytes(dir.resolve("loss.svg"))).isEqualTo(OutputFixtures.FakeCharts.svg("loss"));
        assertThat(Files.readAllBytes(dir.resolve("spread.svg"))).isEqualTo(OutputFixtures.FakeCharts.svg("spread"));
        String html = read(dir.resolve("index.html"));
        assertThat(html).contains("<img src=\"loss.png\"").contains("<a href=\"loss.svg\">SVG</a>").contains("<img src=\"spread.png\"");
    }

    @Test
    void withoutRendererChartsAreSkippedWithANote() throws IOException {
        Result r = Result.builder().chart(ChartSpec.line("loss", "Loss", "x", "y", Series.indexed("loss", new double[] {1}))).build();
        Path dir = tmp.resolve("run");
        new RunDirectoryWriter(null).write(ok(r), dir);
        assertThat(names(dir)).containsExactly("index.html", "results.json", "run.json");
        String html = read(dir.resolve("index.html"));
        assertThat(html).contains("Charts were not rendered").contains("<code>loss</code>").doesNotContain("loss.png");
    }

    @Test
    void failedOutcomeWritesOnlyRunJsonAndIndexHtml() throws IOException {
        Path dir = tmp.resolve("run");
        Result ignored = Result.builder().metric("m", 1).table(Table.builder("t").numeric("a", new double[] {1}).build()).build();
        new RunDirectoryWriter(new OutputFixtures.FakeCharts())
                .write(outcome(RunStatus.FAILED, ignored, "matrix is singular at row 3", List.of()), dir);

        assertThat(names(dir)).containsExactly("index.html", "run.json");
        JsonNode run = JSON.readTree(dir.resolve("run.json").toFile());
        assertThat(run.get("status").textValue()).isEqualTo("failed");
        assertThat(run.get("message").textValue()).isEqualTo("matrix is singular at row 3");
        assertThat(run.get("files").toString()).isEqualTo("[\"index.html\",\"run.json\"]");
        String html = read(dir.resolve("index.html"));
        assertThat(html).contains("badge s-failed").contains("matrix is singular at row 3");
    }

    @Test
    void invalidOutcomeWithoutDescriptorNamesTheRequestedAlgorithm() throws IOException {
        RunOutcome o = outcome(RunStatus.INVALID, null, "unknown algorithm 'test.wlak'; known: test.walk", List.of());
        RunOutcome invalid = new RunOutcome(o.request(), null, null, Map.of(), List.of(), RunStatus.INVALID, o.message(), List.of(),
                null, null, null, 0L, null);
        Path dir = tmp.resolve("run");
        new RunDirectoryWriter(null).write(invalid, dir);
        assertThat(names(dir)).containsExactly("index.html", "run.json");
        JsonNode run = JSON.readTree(dir.resolve("run.json").toFile());
        assertThat(run.get("algorithm").get("id").textValue()).isEqualTo("test.walk");
        assertThat(run.get("algorithm").get("name").isNull()).isTrue();
        assertThat(run.get("algorithm").get("bundle").isNull()).isTrue();
        assertThat(run.get("status").textValue()).isEqualTo("invalid");
        assertThat(run.get("startedAt").isNull()).isTrue();
        assertThat(run.get("parameters").size()).isZero();
        assertThat(read(dir.resolve("index.html"))).contains("badge s-invalid").contains("unknown algorithm &#39;test.wlak&#39;");
    }

    @Test
    void cancelledRerunDeletesStaleResultsAndFilesOfTheEarlierRun() throws IOException {
        Path dir = tmp.resolve("run");
        Result r = Result.builder().metric("m", 1).table(Table.builder("t").numeric("a", new double[] {1}).build()).build();
        new RunDirectoryWriter(null).write(ok(r), dir);
        Files.writeString(dir.resolve("notes.txt"), "mine");
        assertThat(names(dir)).containsExactly("index.html", "notes.txt", "results.json", "run.json", "t.csv");

        new RunDirectoryWriter(null).write(outcome(RunStatus.CANCELLED, null, "cancelled by the user", List.of()), dir);

        assertThat(names(dir)).containsExactly("index.html", "notes.txt", "run.json");
        assertThat(JSON.readTree(dir.resolve("run.json").toFile()).get("status").textValue()).isEqualTo("cancelled");
    }

    @Test
    void staleResultsJsonWithoutRunJsonIsDeletedForACancelledOutcome() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(dir.resolve("results.json"), "{\"algorithm\":\"test.walk\",\"status\":\"ok\"}");
        new RunDirectoryWriter(null).write(outcome(RunStatus.CANCELLED, null, "cancelled", List.of()), dir);
        assertThat(names(dir)).containsExactly("index.html", "run.json");
    }

    @Test
    void rendererFailureLeavesNoTempFilesAndNoRunJsonEvenAfterAnEarlierRun() throws IOException {
        Path dir = tmp.resolve("run");
        Result r = Result.builder().metric("m", 1)
                .chart(ChartSpec.line("loss", "Loss", "x", "y", Series.indexed("loss", new double[] {1}))).build();
        new RunDirectoryWriter(new OutputFixtures.FakeCharts()).write(ok(r), dir);
        assertThat(Files.exists(dir.resolve("run.json"))).isTrue();

        ChartRenderer broken = new ChartRenderer() {
            @Override
            public void writePng(ChartSpec chart, int width, int height, OutputStream out) throws IOException {
                out.write(new byte[] {1, 2, 3});
                throw new IllegalStateException("log axis needs positive values");
            }

            @Override
            public void writeSvg(ChartSpec chart, int width, int height, OutputStream out) {
                throw new AssertionError("not reached");
            }
        };
        assertThatThrownBy(() -> new RunDirectoryWriter(broken).write(ok(r), dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("chart 'loss'")
                .hasMessageContaining("log axis needs positive values");
        assertThat(temporaries(dir)).isEmpty();
        assertThat(Files.exists(dir.resolve("run.json"))).as("an incomplete directory has no run.json").isFalse();
        assertThat(Files.readAllBytes(dir.resolve("loss.png"))).as("the earlier complete file is untouched")
                .isEqualTo(OutputFixtures.FakeCharts.png("loss"));
    }

    @Test
    void successfulWritesLeaveNoTemporaryFiles() throws IOException {
        Path dir = tmp.resolve("run");
        Result r = Result.builder().metric("m", 1).table(Table.builder("t").numeric("a", new double[] {1}).build())
                .cloud(new PointCloud("c", new float[] {1, 2, 3}, null, null))
                .image(new Image("i", 1, 1, new int[] {0xFF00FF00})).build();
        new RunDirectoryWriter(new OutputFixtures.FakeCharts()).write(ok(r), dir);
        new RunDirectoryWriter(new OutputFixtures.FakeCharts()).write(ok(r), dir);
        assertThat(temporaries(dir)).isEmpty();
        assertThat(names(dir)).containsExactly("c.ply", "i.png", "index.html", "results.json", "run.json", "t.csv");
    }

    @Test
    void htmlEscapesAllTextAndHasNoScriptOrExternalResources() throws IOException {
        Result r = Result.builder()
                .metric("<script>alert(1)</script>", 1.5)
                .value("a&b", "<b>bold</b>")
                .table(Table.builder("t").text("<th>", new String[] {"x<y & \"z\""}).build())
                .build();
        Path dir = tmp.resolve("run");
        new RunDirectoryWriter(null).write(outcome(RunStatus.WARNINGS, r, "message <i>", List.of("warn <img src=x>")), dir);
        String html = read(dir.resolve("index.html"));
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html.toLowerCase()).doesNotContain("<script");
        assertThat(html).doesNotContain("<b>bold</b>").contains("&lt;b&gt;bold&lt;/b&gt;");
        assertThat(html).contains("<code>a&amp;b</code>");
        assertThat(html).contains("x&lt;y &amp; &quot;z&quot;");
        assertThat(html).contains("message &lt;i&gt;").contains("warn &lt;img src=x&gt;");
        assertThat(html).contains("A walk of &lt;n&gt; steps &amp; more");
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<link");
    }

    @Test
    void reportShowsTitleStatusMetricsFirstRowsAndProvenance() throws IOException {
        double[] col = new double[120];
        Arrays.setAll(col, i -> i * 0.5);
        double[] big = new double[400];
        Arrays.setAll(big, i -> i);
        Result r = Result.builder().metric("hurst", 0.75).value("short", List.of(1, 2)).value("long", big)
                .table(Table.builder("rows").numeric("v", "s", col).build()).build();
        Path dir = tmp.resolve("run");
        new RunDirectoryWriter(null).write(ok(r), dir);
        String html = read(dir.resolve("index.html"));

        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(html).contains("<title>Random walk (test.walk) - ok</title>");
        assertThat(html).contains("<h1>Random walk <code>test.walk</code> <span class=\"badge s-ok\">ok</span></h1>");
        assertThat(html).contains("<td>hurst</td><td class=\"num\" title=\"0.75\">0.75</td>");
        assertThat(html).contains("<details><summary><code>long</code>");
        assertThat(html).doesNotContain("<details><summary><code>short</code>");
        String table = html.substring(html.indexOf("Table <code>rows</code>"), html.indexOf("</table>", html.indexOf("Table <code>rows</code>")));
        assertThat(table).contains("<th>v [s]</th>").contains("the first 50 shown").contains("<a href=\"rows.csv\">rows.csv</a>");
        assertThat(count(table, "<td class=\"num\">")).isEqualTo(50);
        assertThat(table).contains(">24.5</td>").doesNotContain(">25.0</td>");
        int provenance = html.indexOf("<h2>Provenance</h2>");
        assertThat(provenance).isGreaterThan(html.indexOf("Table <code>rows</code>"));
        String tail = html.substring(provenance);
        assertThat(tail).contains("<td>steps</td><td><code>200</code></td>").contains("<th>seed</th><td>42</td>")
                .contains("<th>threads</th><td>3</td>").contains("/data/a.csv").contains("9f86d081884c7d65")
                .contains("2025-11-28T10:00:00Z").contains("1.25 s").contains("org.quire.testalgorithms 0.1.0.v20251128-1000");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).intValue();
        }
        return out;
    }
}
