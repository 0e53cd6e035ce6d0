package org.quire.batch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's acceptance flow: after {@code ./mvnw install}, the plugin template and the Sinkhorn
 * example build with plain Maven in folders of their own, {@code quire plugins install} puts them
 * into a fresh QUIRE_HOME, {@code quire list} shows their algorithms, and {@code quire run} runs
 * them to numbers checked against independent references; {@code quire plugins remove} takes one
 * out again.
 */
class PluginAcceptanceIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;
    static QuireProcess quire;
    static Path templateJar;
    static Path sinkhornJar;

    @BeforeAll
    static void buildExamplesWithPlainMaven() throws Exception {
        Path work = Files.createDirectories(root.resolve("builds"));
        templateJar = MavenBuild.packageExample("plugin-template", work);
        sinkhornJar = MavenBuild.packageExample("org.quire.examples.sinkhorn", work);
        quire = new QuireProcess(QuireProcess.emptyHome(root, "home"), root);
    }

    @Test
    void theTemplateInstallsIsListedAndRunsToTheMeanOfItsData() throws Exception {
        QuireProcess.Outcome installed = quire.run("plugins", "install", templateJar.toString());
        assertThat(installed.exit()).as(installed.toString()).isZero();
        assertThat(installed.out()).contains("installed org.example.quire.rolling ", "algorithms: example.rolling");

        QuireProcess.Outcome list = quire.run("list");
        assertThat(list.exit()).as(list.toString()).isIn(0, 1); // 1 only when some other bundle has a problem
        assertThat(list.out()).contains("example.rolling", "fbm.hurst");
        int problems = list.out().indexOf("problems (");
        assertThat(problems < 0 ? "" : list.out().substring(problems)).as(list.toString()).doesNotContain("org.example.quire.rolling");
        QuireProcess.Outcome describe = quire.run("describe", "example.rolling");
        assertThat(describe.exit()).as(describe.toString()).isZero();
        assertThat(describe.out()).contains("window");

        Path data = MavenBuild.ROOT.resolve("examples/plugin-template/data/temperature.csv");
        Path out = root.resolve("rolling");
        QuireProcess.Outcome run = quire.run("run", "example.rolling", "--input", data.toString(), "--param", "column=temperature",
                "--out", out.toString());
        assertThat(run.exit()).as(run.toString()).isZero();
        JsonNode results = JSON.readTree(out.resolve("results.json").toFile());
        List<String> lines = Files.readAllLines(data).stream().skip(1).filter(l -> !l.isBlank()).toList();
        double[] t = lines.stream().mapToDouble(l -> Double.parseDouble(l.split(",")[1].trim())).toArray();
        double mean = java.util.Arrays.stream(t).sum() / t.length;
        assertThat(results.get("metrics").get("rows").asInt()).isEqualTo(t.length);
        assertThat(results.get("metrics").get("seriesMean").asDouble()).isCloseTo(mean, within(1e-9));
        JsonNode provenance = JSON.readTree(out.resolve("run.json").toFile());
        assertThat(provenance.get("algorithm").get("bundle").asText()).isEqualTo("org.example.quire.rolling");
    }

    @Test
    void theSinkhornExampleInstallsRunsToTheMonotoneTransportCostAndIsRemovedByAlgorithmId() throws Exception {
        QuireProcess.Outcome installed = quire.run("plugins", "install", sinkhornJar.toString());
        assertThat(installed.exit()).as(installed.toString()).isZero();
        assertThat(installed.out()).contains("installed org.quire.examples.sinkhorn ", "algorithms: ot.sinkhorn");
        assertThat(quire.run("list").out()).contains("ot.sinkhorn");

        // 1-D, uniform weights: the optimal plan for squared cost is the monotone one, 0 -> 0.5 and 1 -> 2,
        // cost (0.25 + 1) / 2 = 0.625; the crossed plan costs (4 + 0.25) / 2 = 2.125, so at eps = 0.01 the
        // entropic plan differs from the monotone one by a weight of order exp(-1.5 / 0.01).
        Path source = Files.writeString(root.resolve("source.csv"), "x\n0\n1\n");
        Path target = Files.writeString(root.resolve("target.csv"), "x\n0.5\n2\n");
        Path out = root.resolve("sinkhorn");
        QuireProcess.Outcome run = quire.run("run", "ot.sinkhorn", "--input", source.toString(), "--input", target.toString(),
                "--param", "reg=0.01", "--out", out.toString());
        assertThat(run.exit()).as(run.toString()).isZero();
        JsonNode metrics = JSON.readTree(out.resolve("results.json").toFile()).get("metrics");
        assertThat(metrics.get("transportCost").asDouble()).isCloseTo(0.625, within(1e-6));
        assertThat(metrics.get("marginalError").asDouble()).isLessThan(1e-6);

        QuireProcess.Outcome removed = quire.run("plugins", "remove", "ot.sinkhorn");
        assertThat(removed.exit()).as(removed.toString()).isZero();
        assertThat(removed.out()).contains("removed org.quire.examples.sinkhorn");
        assertThat(quire.run("list").out()).doesNotContain("ot.sinkhorn");
        QuireProcess.Outcome gone = quire.run("run", "ot.sinkhorn", "--input", source.toString(), "--input", target.toString(),
                "--out", root.resolve("gone").toString());
        assertThat(gone.exit()).isEqualTo(2);
        assertThat(gone.err()).contains("unknown algorithm 'ot.sinkhorn'");
    }
}
