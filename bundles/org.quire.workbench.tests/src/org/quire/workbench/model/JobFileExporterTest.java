package org.quire.workbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.core.job.JobFile;
import org.quire.core.job.JobRun;
import org.quire.core.job.JobSpec;
import org.quire.core.run.RunRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

class JobFileExporterTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    /** Parameter values that YAML would misread unquoted: numbers-looking text, booleans, comments, colons, quotes, blanks. */
    private static Map<String, String> awkwardParams() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("steps", "200");
        p.put("rate", "1e-3");
        p.put("flag", "true");
        p.put("label", "a: b # not a comment");
        p.put("quote", "say \"hi\" and 'bye'");
        p.put("empty", "");
        p.put("padded", "  two spaces  ");
        p.put("octal", "0777");
        p.put("unicode", "\u00b5m \u2192 \u00c5");
        p.put("nullish", "null");
        return p;
    }

    private RunRequest request() {
        return new RunRequest("test.walk", awkwardParams(),
                List.of(dir.resolve("data dir/offsets one.csv"), dir.resolve("b.csv")), -9_007_199_254_740_993L, 3);
    }

    @Test
    void yamlHoldsEveryFieldOfTheRunAsWritten() throws Exception {
        String text = JobFileExporter.toYaml(request(), "walk-run1", List.of("first comment", "second: with colon"));

        assertThat(text).startsWith("# first comment\n# second: with colon\n");
        JsonNode job = YAML.readTree(text);
        assertThat(job.get("name").asText()).isEqualTo("walk-run1");
        assertThat(job.get("runs")).hasSize(1);
        JsonNode run = job.get("runs").get(0);
        assertThat(run.get("algorithm").asText()).isEqualTo("test.walk");
        assertThat(run.get("name").asText()).isEqualTo("test.walk");
        Map<String, String> params = new LinkedHashMap<>();
        run.get("params").fields().forEachRemaining(e -> {
            assertThat(e.getValue().isTextual()).as("param %s is written as text", e.getKey()).isTrue();
            params.put(e.getKey(), e.getValue().asText());
        });
        assertThat(params).containsExactlyEntriesOf(awkwardParams());
        assertThat(run.get("inputs")).hasSize(2);
        assertThat(run.get("inputs").get(0).asText()).isEqualTo(dir.resolve("data dir/offsets one.csv").toString());
        assertThat(run.get("inputs").get(1).asText()).isEqualTo(dir.resolve("b.csv").toString());
        assertThat(run.get("seed").isIntegralNumber()).isTrue();
        assertThat(run.get("seed").asLong()).isEqualTo(-9_007_199_254_740_993L);
        assertThat(run.get("threads").asInt()).isEqualTo(3);
    }

    @Test
    void theJobFileReaderGetsBackTheSameRequest() throws Exception {
        Path file = dir.resolve("exported/job.yaml");
        RunRequest request = request();

        JobFileExporter.write(request, "walk-run1", List.of("exported by a test"), file);

        JobSpec spec = JobFile.read(file);
        assertThat(spec.name()).isEqualTo("walk-run1");
        List<JobRun> runs = spec.expand();
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).directory()).isEqualTo("test.walk");
        assertThat(runs.get(0).request()).isEqualTo(request);
        assertThat(runs.get(0).request().parameters()).containsExactlyEntriesOf(awkwardParams());
        assertThat(Files.list(file.getParent()).map(p -> p.getFileName().toString()))
                .as("no temporary file is left").containsExactly("job.yaml");
    }

    @Test
    void relativeInputsAreWrittenAbsoluteAndARunWithoutInputsHasNoInputsKey() throws Exception {
        RunRequest relative = new RunRequest("test.walk", Map.of(), List.of(Path.of("some/../rel.csv")), 1, 1);
        JsonNode run = YAML.readTree(JobFileExporter.toYaml(relative, "j", List.of())).get("runs").get(0);
        assertThat(run.get("inputs").get(0).asText()).isEqualTo(Path.of("rel.csv").toAbsolutePath().toString());

        RunRequest none = new RunRequest("test.echo", Map.of(), List.of(), 1, 1);
        JsonNode echo = YAML.readTree(JobFileExporter.toYaml(none, "j", List.of())).get("runs").get(0);
        assertThat(echo.has("inputs")).isFalse();
        assertThat(echo.get("params").size()).isZero();
    }

    @Test
    void overwritingKeepsOnlyTheNewContent() throws Exception {
        Path file = dir.resolve("job.yaml");
        Files.writeString(file, "old content that is much longer than the new one ".repeat(100), StandardCharsets.UTF_8);

        JobFileExporter.write(new RunRequest("test.echo", Map.of("count", "4"), List.of(), 5, 1), "j", List.of(), file);

        assertThat(JobFile.read(file).expand().get(0).request().parameters()).containsExactlyEntriesOf(Map.of("count", "4"));
    }

    @Test
    void badNamesAndMultiLineCommentsAreRejected() {
        RunRequest r = new RunRequest("test.echo", Map.of(), List.of(), 1, 1);
        assertThatThrownBy(() -> JobFileExporter.toYaml(r, "-bad name", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'-bad name'");
        assertThatThrownBy(() -> JobFileExporter.toYaml(r, "ok", List.of("two\nlines")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
    }

    @Test
    void anUnwritableTargetNamesTheFile() throws Exception {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file where a directory is needed");
        Path file = blocker.resolve("job.yaml");
        RunRequest r = new RunRequest("test.echo", Map.of(), List.of(), 1, 1);

        assertThatThrownBy(() -> JobFileExporter.write(r, "j", List.of(), file))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("blocker");
    }
}
