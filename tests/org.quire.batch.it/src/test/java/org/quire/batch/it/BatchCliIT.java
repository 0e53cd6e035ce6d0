package org.quire.batch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch product end to end, through the real {@code quire} script: every DS component
 * satisfied, no UI bundle, the test algorithms run with progress, seeds, provenance, every exit
 * code and atomic outputs, job files, and cancellation by signal.
 */
class BatchCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;
    static QuireProcess quire;

    @BeforeAll
    static void install() throws IOException {
        quire = new QuireProcess(QuireProcess.homeWithTestAlgorithms(root), root);
    }

    @Test
    void doctorReportsEveryComponentSatisfiedAndNoUiBundle() throws Exception {
        QuireProcess.Outcome o = quire.run("doctor", "--json");
        assertThat(o.exit()).as(o.toString()).isZero();
        JsonNode d = JSON.readTree(o.out());
        assertThat(d.get("healthy").asBoolean()).isTrue();
        List<String> bundles = new ArrayList<>();
        d.get("bundles").forEach(b -> bundles.add(b.get("symbolicName").asText()));
        assertThat(bundles).contains("org.quire.core", "org.quire.batch", "org.apache.felix.scr", "org.quire.testalgorithms");
        assertThat(bundles).noneMatch(b -> b.startsWith("org.eclipse.swt") || b.startsWith("org.eclipse.jface")
                || b.startsWith("org.eclipse.e4.ui") || b.startsWith("wrapped.org.openjfx") || b.startsWith("org.quire.workbench")
                || b.startsWith("org.quire.viz.swt"));
        assertThat(d.get("components").size()).isGreaterThanOrEqualTo(3);
        d.get("components").forEach(c -> {
            assertThat(c.get("state").asText()).as(c.toString()).isIn("active", "satisfied");
            assertThat(c.path("problems").size()).as(c.toString()).isZero();
        });
        assertThat(d.get("plugins").get(0).get("active").asBoolean()).isTrue();
        List<String> algorithms = new ArrayList<>();
        d.get("algorithms").forEach(a -> algorithms.add(a.asText()));
        assertThat(algorithms).contains("test.walk", "test.echo");
    }

    @Test
    void listJsonIsValidJsonWithParameterSchemas() throws Exception {
        QuireProcess.Outcome o = quire.run("list", "--json");
        assertThat(o.exit()).as(o.toString()).isZero();
        JsonNode list = JSON.readTree(o.out());
        JsonNode walk = find(list.get("algorithms"), "test.walk");
        assertThat(walk.get("family").asText()).isEqualTo("test");
        assertThat(walk.get("origin").get("bundle").asText()).isEqualTo("org.quire.testalgorithms");
        JsonNode steps = findParam(walk, "steps");
        assertThat(steps.get("type").asText()).isEqualTo("integer");
        assertThat(steps.get("minimum").asLong()).isEqualTo(1);
        assertThat(steps.get("default").asLong()).isEqualTo(1000);
        assertThat(findParam(walk, "mode").get("enum")).hasSize(2);
        assertThat(walk.get("inputs").get(0).get("formats").get(0).asText()).isEqualTo("csv");

        QuireProcess.Outcome text = quire.run("list");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("test.walk", "test.echo");
    }

    @Test
    void describeShowsParametersAndUnknownAlgorithmExits2() throws Exception {
        QuireProcess.Outcome o = quire.run("describe", "test.walk");
        assertThat(o.exit()).as(o.toString()).isZero();
        assertThat(o.out()).contains("steps", "default 1000", "--input");
        QuireProcess.Outcome bad = quire.run("describe", "no.such");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown algorithm 'no.such'", "test.walk");
    }

    @Test
    void unknownAlgorithmExits2NamingKnownOnesAndWritesNothing() throws Exception {
        Path out = root.resolve("unknown");
        QuireProcess.Outcome o = quire.run("run", "no.such.algorithm", "--out", out.toString());
        assertThat(o.exit()).as(o.toString()).isEqualTo(2);
        assertThat(o.err()).contains("no.such.algorithm", "test.walk", "test.echo");
        assertThat(out).doesNotExist();
    }

    @Test
    void parameterErrorsExit2NamingTheParameter() throws Exception {
        QuireProcess.Outcome notNumber = quire.run("run", "test.walk", "--param", "steps=many", "--out", root.resolve("p1").toString());
        assertThat(notNumber.exit()).as(notNumber.toString()).isEqualTo(2);
        assertThat(notNumber.err()).contains("steps", "many");
        QuireProcess.Outcome range = quire.run("run", "test.walk", "--param", "steps=0", "--out", root.resolve("p2").toString());
        assertThat(range.exit()).isEqualTo(2);
        assertThat(range.err()).contains("steps", "out of range");
        QuireProcess.Outcome unknown = quire.run("run", "test.walk", "--param", "stpes=3", "--out", root.resolve("p3").toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("stpes", "steps");
        QuireProcess.Outcome badOption = quire.run("run", "test.walk", "--sede", "3", "--out", root.resolve("p4").toString());
        assertThat(badOption.exit()).isEqualTo(2);
        assertThat(badOption.err()).contains("--sede");
        assertThat(root.resolve("p1")).doesNotExist();
    }

    @Test
    void unreadableOrMalformedInputExits3() throws Exception {
        QuireProcess.Outcome missing = quire.run("run", "test.walk", "--input", "nowhere/offsets.csv", "--out", root.resolve("i1").toString());
        assertThat(missing.exit()).as(missing.toString()).isEqualTo(3);
        assertThat(missing.err()).contains("offsets.csv");
        Path bad = Files.writeString(root.resolve("bad-offsets.csv"), "offset\n1.5\nseven\n");
        QuireProcess.Outcome malformed = quire.run("run", "test.walk", "--input", bad.toString(), "--out", root.resolve("i2").toString());
        assertThat(malformed.exit()).as(malformed.toString()).isEqualTo(3);
        assertThat(malformed.err()).contains("bad-offsets.csv:3", "seven");
        assertThat(root.resolve("i2/results.json")).doesNotExist();
    }

    @Test
    void runWritesProvenanceResultsAndReportAtomically() throws Exception {
        Path out = root.resolve("walk");
        QuireProcess.Outcome o = quire.run("run", "test.walk", "--param", "steps=500", "--param", "paths=3", "--seed", "42",
                "--threads", "2", "--out", out.toString());
        assertThat(o.exit()).as(o.toString()).isZero();
        assertThat(o.out()).contains("test.walk: ok", "finalMean");
        assertThat(o.err()).contains("progress");
        JsonNode run = JSON.readTree(out.resolve("run.json").toFile());
        assertThat(run.get("status").asText()).isEqualTo("ok");
        assertThat(run.get("seed").asLong()).isEqualTo(42);
        assertThat(run.get("threads").asInt()).isEqualTo(2);
        assertThat(run.get("algorithm").get("id").asText()).isEqualTo("test.walk");
        assertThat(run.get("algorithm").get("bundle").asText()).isEqualTo("org.quire.testalgorithms");
        assertThat(run.get("algorithm").get("bundleVersion").asText()).startsWith("0.1.0");
        assertThat(run.get("parameters").get("steps").asInt()).isEqualTo(500);
        assertThat(run.get("parameters").get("mode").asText()).isEqualTo("gaussian");
        assertThat(run.get("algorithmElapsedSeconds").asDouble()).isPositive();
        JsonNode results = JSON.readTree(out.resolve("results.json").toFile());
        assertThat(results.get("algorithm").asText()).isEqualTo("test.walk");
        assertThat(results.get("status").asText()).isEqualTo("ok");
        assertThat(results.get("metrics").get("finalSd").isNumber()).isTrue();
        assertThat(results.get("values").get("finalPositions")).hasSize(3);
        assertThat(out.resolve("index.html")).isRegularFile();
        try (Stream<Path> files = Files.list(out)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).anyMatch(n -> n.endsWith(".png")).anyMatch(n -> n.endsWith(".svg"))
                    .anyMatch(n -> n.endsWith(".csv")).anyMatch(n -> n.endsWith(".ply"));
            assertThat(names).noneMatch(n -> n.contains(".tmp"));
        }
        assertThat(Files.readString(out.resolve("index.html"))).contains("test.walk", "finalMean");
    }

    @Test
    void sameSeedSameNumbersWhateverTheThreadCount() throws Exception {
        JsonNode one = metrics("seed-a", "--seed", "7", "--threads", "1");
        JsonNode four = metrics("seed-b", "--seed", "7", "--threads", "4");
        JsonNode other = metrics("seed-c", "--seed", "8", "--threads", "1");
        assertThat(four).isEqualTo(one);
        assertThat(other.get("finalMean").asDouble()).isNotEqualTo(one.get("finalMean").asDouble());
    }

    private JsonNode metrics(String dir, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "test.walk", "--param", "paths=5", "--param", "steps=300", "-q",
                "--out", root.resolve(dir).toString()));
        args.addAll(List.of(extra));
        QuireProcess.Outcome o = quire.run(args.toArray(String[]::new));
        assertThat(o.exit()).as(o.toString()).isZero();
        return JSON.readTree(root.resolve(dir).resolve("results.json").toFile()).get("metrics");
    }

    @Test
    void warningsExit1AndFailuresExit4WithoutResults() throws Exception {
        QuireProcess.Outcome warn = quire.run("run", "test.walk", "--param", "warn=true", "-q", "--out", root.resolve("w").toString());
        assertThat(warn.exit()).as(warn.toString()).isEqualTo(1);
        assertThat(warn.err()).contains("warning: ");
        JsonNode run = JSON.readTree(root.resolve("w/run.json").toFile());
        assertThat(run.get("status").asText()).isEqualTo("warnings");
        assertThat(run.get("warnings")).hasSize(1);

        QuireProcess.Outcome fail = quire.run("run", "test.walk", "--param", "fail=true", "-q", "--out", root.resolve("f").toString());
        assertThat(fail.exit()).as(fail.toString()).isEqualTo(4);
        assertThat(fail.err()).contains("failure requested by the test parameter").doesNotContain("\tat ");
        assertThat(root.resolve("f/results.json")).doesNotExist();
        assertThat(JSON.readTree(root.resolve("f/run.json").toFile()).get("status").asText()).isEqualTo("failed");

        QuireProcess.Outcome verbose = quire.run("run", "test.walk", "--param", "fail=true", "-q", "--verbose", "--out", root.resolve("fv").toString());
        assertThat(verbose.exit()).isEqualTo(4);
        assertThat(verbose.err()).contains("\tat ");
    }

    @Test
    void sigtermCancelsExit5AndLeavesNoCompleteLookingResult() throws Exception {
        cancelWith("TERM", "cancel-term");
    }

    @Test
    void sigintCancelsExit5() throws Exception {
        cancelWith("INT", "cancel-int");
    }

    private void cancelWith(String signal, String dir) throws Exception {
        Path out = root.resolve(dir);
        // earlier complete run in the same directory: must not survive as a complete-looking result
        QuireProcess.Outcome first = quire.run("run", "test.walk", "-q", "--out", out.toString());
        assertThat(first.exit()).isZero();
        assertThat(out.resolve("results.json")).exists();
        Process p = quire.start("run", "test.walk", "--param", "steps=100000", "--param", "sleepMillisPerStep=1", "--out", out.toString());
        p.getOutputStream().close();
        QuireProcess.StreamCollector err = new QuireProcess.StreamCollector(p.getErrorStream());
        QuireProcess.StreamCollector stdout = new QuireProcess.StreamCollector(p.getInputStream());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!err.sofar().contains("progress") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(err.sofar()).as("run started").contains("progress");
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("process ended after SIG" + signal).isTrue();
        String errText = err.text();
        assertThat(p.exitValue()).as(errText + stdout.text()).isEqualTo(5);
        assertThat(errText).contains("cancel");
        assertThat(out.resolve("results.json")).doesNotExist();
        assertThat(JSON.readTree(out.resolve("run.json").toFile()).get("status").asText()).isEqualTo("cancelled");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains(".tmp"));
        }
    }

    @Test
    void jobFileRunsSweepsAndWritesASummary() throws Exception {
        Path job = Files.writeString(root.resolve("sweep.yaml"), """
                name: sweep
                runs:
                  - name: walk
                    algorithm: test.walk
                    params: {paths: 2}
                    sweep: {steps: [10, 20]}
                    seeds: [1, 2]
                  - algorithm: test.echo
                """);
        QuireProcess.Outcome v = quire.run("validate", job.toString());
        assertThat(v.exit()).as(v.toString()).isZero();
        assertThat(v.out()).contains("5 runs");
        Path out = root.resolve("job");
        QuireProcess.Outcome o = quire.run("run", "--job", job.toString(), "--out", out.toString());
        assertThat(o.exit()).as(o.toString()).isZero();
        assertThat(out.resolve("index.html")).isRegularFile();
        try (Stream<Path> dirs = Files.list(out)) {
            assertThat(dirs.filter(Files::isDirectory).count()).isEqualTo(5);
        }
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary).hasSize(5);
    }

    @Test
    void malformedJobFileExits2NamingLineAndColumn() throws Exception {
        Path job = Files.writeString(root.resolve("broken.yaml"), "runs:\n  - algorithm: test.walk\n    params: {steps: [1, 2}\n");
        QuireProcess.Outcome v = quire.run("validate", job.toString());
        assertThat(v.exit()).as(v.toString()).isEqualTo(2);
        assertThat(v.err()).containsPattern("broken\\.yaml:3:\\d+");
        QuireProcess.Outcome r = quire.run("run", "--job", job.toString(), "--out", root.resolve("broken").toString());
        assertThat(r.exit()).isEqualTo(2);
        Path badParam = Files.writeString(root.resolve("badparam.yaml"), "runs:\n  - algorithm: test.walk\n    params:\n      steps: -3\n");
        QuireProcess.Outcome p = quire.run("validate", badParam.toString());
        assertThat(p.exit()).isEqualTo(2);
        assertThat(p.err()).contains("badparam.yaml:4:", "steps");
    }

    private static JsonNode find(JsonNode algorithms, String id) {
        for (JsonNode a : algorithms) {
            if (a.get("id").asText().equals(id)) {
                return a;
            }
        }
        throw new AssertionError(id + " not listed in " + algorithms);
    }

    private static JsonNode findParam(JsonNode algorithm, String name) {
        for (JsonNode p : algorithm.get("parameters")) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError(name + " not in " + algorithm);
    }
}
