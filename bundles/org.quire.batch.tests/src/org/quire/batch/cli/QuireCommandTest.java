package org.quire.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in-process: listing, schemas, exit codes, outputs, jobs and the tour. */
class QuireCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir);
    }

    @Test
    void listJsonCarriesJsonSchemaWords() throws Exception {
        CliHarness.Outcome o = cli.run("list", "--json");
        assertThat(o.exit()).as(o.toString()).isZero();
        JsonNode square = JSON.readTree(o.out()).get("algorithms").get(1);
        assertThat(square.get("id").asText()).isEqualTo("demo.square");
        assertThat(square.get("origin").get("version").asText()).isEqualTo("1.0.0");
        JsonNode x = square.get("parameters").get(0);
        assertThat(x.get("type").asText()).isEqualTo("number");
        assertThat(x.get("minimum").asDouble()).isEqualTo(-10.0);
        assertThat(x.get("maximum").asDouble()).isEqualTo(10.0);
        assertThat(x.get("default").asDouble()).isEqualTo(3.0);
        assertThat(x.get("unit").asText()).isEqualTo("m");
        assertThat(square.get("parameters").get(2).get("enum").toString()).isEqualTo("[\"plain\",\"fancy\"]");
        JsonNode lines = JSON.readTree(o.out()).get("algorithms").get(0);
        assertThat(lines.get("parameters").get(0).get("minimum").isIntegralNumber()).isTrue();
    }

    @Test
    void listTextGroupsByFamily() {
        CliHarness.Outcome o = cli.run("list");
        assertThat(o.exit()).isZero();
        assertThat(o.out()).startsWith("demo\n").contains("  demo.lines   Line count", "  demo.square  Square");
    }

    @Test
    void describeShowsRangesUnitsChoicesAndReferences() {
        CliHarness.Outcome o = cli.run("describe", "demo.square");
        assertThat(o.exit()).isZero();
        assertThat(o.out()).contains("x (number, m) default 3, range [-10, 10]", "style (string) default plain, one of plain|fancy",
                "Euclid, Elements");
    }

    @Test
    void missingCommandAndUnknownOptionAreUsageErrors() {
        assertThat(cli.run().exit()).isEqualTo(2);
        CliHarness.Outcome o = cli.run("run", "demo.square", "--out", "x", "--bogus");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("--bogus", "quire run --help");
        assertThat(cli.run("run", "demo.square").err()).contains("--out");
    }

    @Test
    void runWritesTheDirectoryAndPrintsMetrics() throws Exception {
        CliHarness.Outcome o = cli.run("run", "demo.square", "--param", "x=-2.5", "--seed", "9", "--threads", "3", "--out", "sq");
        assertThat(o.exit()).as(o.toString()).isZero();
        assertThat(o.out()).contains("demo.square: ok", "seed 9, 3 threads", "square = 6.25000");
        JsonNode run = JSON.readTree(dir.resolve("sq/run.json").toFile());
        assertThat(run.get("parameters").get("x").asDouble()).isEqualTo(-2.5);
        assertThat(run.get("parameters").get("style").asText()).isEqualTo("plain");
        assertThat(JSON.readTree(dir.resolve("sq/results.json").toFile()).get("metrics").get("square").asDouble()).isEqualTo(6.25);
        assertThat(dir.resolve("sq/index.html")).isRegularFile();
    }

    @Test
    void exitCodesFollowTheContract() throws Exception {
        assertThat(cli.run("run", "demo.square", "--param", "warn=true", "--out", "w").exit()).isEqualTo(1);
        CliHarness.Outcome unknown = cli.run("run", "demo.nothing", "--out", "u");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown algorithm 'demo.nothing'; known: demo.lines, demo.square");
        assertThat(dir.resolve("u")).doesNotExist();
        assertThat(cli.run("run", "demo.square", "--param", "x=11", "--out", "r").err()).contains("x", "out of range [-10, 10]");
        assertThat(cli.run("run", "demo.square", "--param", "x", "--out", "r").err()).contains("expected NAME=VALUE");
        assertThat(cli.run("run", "demo.square", "--param", "x=1", "--param", "x=2", "--out", "r").exit()).isEqualTo(2);
        assertThat(cli.run("run", "demo.square", "--threads", "0", "--out", "r").exit()).isEqualTo(2);
        CliHarness.Outcome missing = cli.run("run", "demo.lines", "--input", "absent.txt", "--out", "m");
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err()).contains("absent.txt");
        Files.writeString(dir.resolve("empty.txt"), "");
        CliHarness.Outcome empty = cli.run("run", "demo.lines", "--input", "empty.txt", "--out", "e");
        assertThat(empty.exit()).isEqualTo(3);
        assertThat(empty.err()).contains("empty.txt:1: expected at least one line");
        Files.writeString(dir.resolve("a.csv"), "x\n");
        assertThat(cli.run("run", "demo.lines", "--input", "a.csv", "--out", "f").exit()).isEqualTo(2);
        Files.writeString(dir.resolve("file"), "not a directory");
        assertThat(cli.run("run", "demo.square", "--out", "file").err()).contains("exists and is not a directory");
    }

    @Test
    void cancellationBeforeTheRunGivesExit5AndNoResult() throws Exception {
        cli.cancellation.cancel();
        CliHarness.Outcome o = cli.run("run", "demo.square", "--out", "c");
        assertThat(o.exit()).isEqualTo(5);
        assertThat(dir.resolve("c/results.json")).doesNotExist();
        assertThat(JSON.readTree(dir.resolve("c/run.json").toFile()).get("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void jobRunsEveryPointAndStopsBeforeRunningWhenOneRunIsInvalid() throws Exception {
        Files.writeString(dir.resolve("text.txt"), "a\nb\nc\nd\n");
        Files.writeString(dir.resolve("job.yaml"), """
                name: demo job
                runs:
                  - algorithm: demo.square
                    sweep: {x: [1, 2]}
                  - algorithm: demo.lines
                    inputs: [text.txt]
                    params: {every: 2}
                """);
        CliHarness.Outcome o = cli.run("run", "--job", "job.yaml", "--out", "out");
        assertThat(o.exit()).as(o.toString()).isZero();
        JsonNode summary = JSON.readTree(dir.resolve("out/summary.json").toFile());
        assertThat(summary).hasSize(3);
        assertThat(summary.get(2).get("metrics").get("lines").asDouble()).isEqualTo(2.0);
        assertThat(cli.run("validate", "job.yaml").out()).contains("valid, 3 runs");

        Files.writeString(dir.resolve("bad.yaml"), "runs:\n  - algorithm: demo.square\n  - algorithm: demo.lines\n    inputs: [nope.txt]\n");
        CliHarness.Outcome bad = cli.run("run", "--job", "bad.yaml", "--out", "bad");
        assertThat(bad.exit()).isEqualTo(3);
        assertThat(bad.err()).contains("bad.yaml:3:", "nope.txt", "nothing was run");
        assertThat(dir.resolve("bad")).doesNotExist();
        assertThat(cli.run("run", "--job", "job.yaml", "demo.square", "--out", "x").exit()).isEqualTo(2);
    }

    @Test
    void tourSkipsUninstalledFamiliesAndSaysWhichRan() throws Exception {
        Files.writeString(dir.resolve("tour.yaml"), """
                name: tour
                runs:
                  - algorithm: demo.square
                  - algorithm: fbm.hurst
                """);
        CliHarness.Outcome o = cli.run("tour", "--job", "tour.yaml", "--out", "t");
        assertThat(o.exit()).as(o.toString()).isZero();
        assertThat(o.out()).contains("families in this tour: demo", "t/index.html");
        assertThat(o.err()).contains("not installed: fbm.hurst");

        Files.writeString(dir.resolve("empty-tour.yaml"), "name: tour\nruns: []\n");
        CliHarness.Outcome none = cli.run("tour", "--job", "empty-tour.yaml", "--out", "t2");
        assertThat(none.exit()).as(none.toString()).isZero();
        assertThat(none.out()).contains("families in this tour: none yet");
        assertThat(dir.resolve("t2/index.html")).isRegularFile();
    }

    @Test
    void doctorWithoutRuntimeIsHealthyAndJson() throws Exception {
        CliHarness.Outcome o = cli.run("doctor", "--json");
        assertThat(o.exit()).isZero();
        assertThat(JSON.readTree(o.out()).get("algorithms")).hasSize(2);
    }
}
