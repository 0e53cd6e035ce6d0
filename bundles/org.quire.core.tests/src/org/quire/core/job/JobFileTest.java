package org.quire.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.core.run.RunRequest;

class JobFileTest {

    @TempDir
    Path tmp;

    private Path write(String name, String... lines) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return p;
    }

    private JobFileException error(String name, String... lines) throws IOException {
        Path p = write(name, lines);
        JobFileException e = catchThrowableOfType(JobFileException.class, () -> JobFile.read(p));
        assertThat(e).as("expected a JobFileException for %s", name).isNotNull();
        assertThat(e.file()).isEqualTo(p);
        return e;
    }

    /** (directory, request) pairs, which is what must agree between equivalent YAML and JSON files. */
    private static List<String> shape(JobSpec spec) {
        return spec.expand().stream().map(r -> r.directory() + " " + r.request()).toList();
    }

    @Test
    void anEmptyRunListIsAJobThatRunsNothing() throws Exception {
        JobSpec spec = JobFile.read(write("empty.yaml", "name: tour\nruns: []\n"));
        assertThat(spec.name()).isEqualTo("tour");
        assertThat(spec.expand()).isEmpty();
    }

    @Test
    void yamlAndJsonEquivalentsExpandEqually() throws Exception {
        Path yaml = write("tour.yaml",
                "name: tour",
                "defaults:",
                "  seed: 7",
                "  threads: 2",
                "  params: {steps: 100, verbose: true}",
                "runs:",
                "  - name: walk",
                "    algorithm: test.walk",
                "    params: {label: x, rate: 0.10}",
                "    inputs: [data/a.csv]",
                "    seeds: [1, 2]",
                "    sweep: {steps: [10, 1e3]}",
                "  - algorithm: test.other",
                "    threads: 1");
        Path json = write("tour.json",
                "{\"name\": \"tour\",",
                " \"defaults\": {\"seed\": 7, \"threads\": 2, \"params\": {\"steps\": 100, \"verbose\": true}},",
                " \"runs\": [",
                "  {\"name\": \"walk\", \"algorithm\": \"test.walk\", \"params\": {\"label\": \"x\", \"rate\": 0.10},",
                "   \"inputs\": [\"data/a.csv\"], \"seeds\": [1, 2], \"sweep\": {\"steps\": [10, 1e3]}},",
                "  {\"algorithm\": \"test.other\", \"threads\": 1}",
                " ]}");
        JobSpec a = JobFile.read(yaml);
        JobSpec b = JobFile.read(json);
        assertThat(a.name()).isEqualTo("tour");
        assertThat(shape(a)).isEqualTo(shape(b));
        assertThat(shape(a)).hasSize(5);
        assertThat(a.entries()).hasSize(2);
        assertThat(a.entries().get(0).params()).isEqualTo(b.entries().get(0).params());
        assertThat(a.entries().get(0).sweep()).isEqualTo(b.entries().get(0).sweep());
    }

    @Test
    void sweepIsTheCartesianProductInWrittenOrderTimesSeeds() throws Exception {
        Path p = write("job.yaml",
                "runs:",
                "  - name: walk",
                "    algorithm: test.walk",
                "    params: {label: x}",
                "    seeds: [1, 2]",
                "    sweep: {steps: [10, 100], rate: [0.1, 0.2]}");
        List<JobRun> runs = JobFile.read(p).expand();
        assertThat(runs.stream().map(JobRun::directory)).containsExactly(
                "walk-steps_10-rate_0.1-seed_1", "walk-steps_10-rate_0.1-seed_2",
                "walk-steps_10-rate_0.2-seed_1", "walk-steps_10-rate_0.2-seed_2",
                "walk-steps_100-rate_0.1-seed_1", "walk-steps_100-rate_0.1-seed_2",
                "walk-steps_100-rate_0.2-seed_1", "walk-steps_100-rate_0.2-seed_2");
        JobRun third = runs.get(2);
        assertThat(third.request().parameters()).containsExactly(Map.entry("label", "x"), Map.entry("steps", "10"),
                Map.entry("rate", "0.2"));
        assertThat(third.request().seed()).isEqualTo(1L);
        assertThat(third.request().algorithmId()).isEqualTo("test.walk");
        assertThat(third.line()).isEqualTo(2);
        assertThat(third.column()).isEqualTo(5);
    }

    @Test
    void directoryNamesAreFileSystemSafeAndPlainWithoutSweepOrSeedList() throws Exception {
        Path p = write("job.yaml",
                "runs:",
                "  - algorithm: test.walk",
                "  - name: labels",
                "    algorithm: test.walk",
                "    sweep: {label: ['a b/c', 'x=y,z']}",
                "  - name: seeded",
                "    algorithm: test.walk",
                "    seeds: [3, 4]",
                "  - name: single",
                "    algorithm: test.walk",
                "    seeds: [9]");
        assertThat(JobFile.read(p).expand().stream().map(JobRun::directory)).containsExactly(
                "test.walk", "labels-label_a_b_c-seed_1", "labels-label_x_y_z-seed_1", "seeded-seed_3", "seeded-seed_4", "single");
    }

    @Test
    void valuesAreKeptAsWrittenAndDefaultsApply() throws Exception {
        Path p = write("Some Job.yml",
                "defaults:",
                "  params: {steps: 100, rate: 0.5}",
                "runs:",
                "  - algorithm: test.walk",
                "    params: {rate: 0.50, exp: 1e-3, flag: True, big: 12345678901234567890, quoted: '007'}");
        JobSpec spec = JobFile.read(p);
        assertThat(spec.name()).isEqualTo("Some Job");
        RunRequest r = spec.expand().get(0).request();
        assertThat(r.parameters()).containsExactly(Map.entry("steps", "100"), Map.entry("rate", "0.50"), Map.entry("exp", "1e-3"),
                Map.entry("flag", "True"), Map.entry("big", "12345678901234567890"), Map.entry("quoted", "007"));
        assertThat(r.seed()).as("default seed").isEqualTo(JobFile.DEFAULT_SEED).isEqualTo(1L);
        assertThat(r.threads()).isEqualTo(RunRequest.defaultThreads());
        assertThat(spec.entries().get(0).locate("params.steps").path()).isEqualTo("defaults.params.steps");
        assertThat(spec.entries().get(0).locate("params.rate").path()).isEqualTo("runs[0].params.rate");
    }

    @Test
    void runValuesOverrideDefaults() throws Exception {
        Path p = write("job.yaml",
                "defaults: {seeds: [5, 6], threads: 3}",
                "runs:",
                "  - {algorithm: test.walk, seed: 8, threads: 1}",
                "  - {name: two, algorithm: test.walk}");
        List<JobRun> runs = JobFile.read(p).expand();
        assertThat(runs.stream().map(r -> r.directory() + "/" + r.request().seed() + "/" + r.request().threads()))
                .containsExactly("test.walk/8/1", "two-seed_5/5/3", "two-seed_6/6/3");
    }

    @Test
    void relativeInputsResolveAgainstTheJobFilesDirectory() throws Exception {
        Path p = write("jobs/sub/job.yaml",
                "runs:",
                "  - algorithm: test.walk",
                "    inputs: [data/a.csv, ../b.csv, /abs/c.csv]");
        List<Path> inputs = JobFile.read(p).expand().get(0).request().inputs();
        Path base = tmp.resolve("jobs/sub").toAbsolutePath();
        assertThat(inputs).containsExactly(base.resolve("data/a.csv"), tmp.resolve("jobs/b.csv").toAbsolutePath(),
                Path.of("/abs/c.csv"));
    }

    @Test
    void yamlSyntaxErrorHasTheProblemsLineAndColumn() throws Exception {
        JobFileException e = error("job.yaml",
                "runs:",
                "  - algorithm: test.walk",
                "    seed: 1: 2");
        // the second ':' of line 3 ("    seed: 1: 2") is at column 12
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(12);
        assertThat(e.getMessage()).startsWith(e.file() + ":3:12: invalid YAML: mapping values are not allowed here");
    }

    @Test
    void yamlTabIndentationIsReportedWhereTheTabIs() throws Exception {
        JobFileException e = error("job.yaml",
                "runs:",
                "  - algorithm: test.walk",
                "\tseed: 1");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.problem()).startsWith("invalid YAML:").contains("TAB");
    }

    @Test
    void jsonSyntaxErrorHasLineAndColumn() throws Exception {
        JobFileException e = error("job.json",
                "{",
                "  \"runs\": [",
                "    {\"algorithm\": \"test.walk\" \"seed\": 1}",
                "  ]",
                "}");
        // line 3: 4 spaces, then {"algorithm": "test.walk" (25 characters, columns 5-29), a space, and '"' at column 31
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(31);
        assertThat(e.getMessage()).startsWith(e.file() + ":3:31: invalid JSON: Unexpected character");
    }

    @Test
    void unknownKeyIsReportedAtTheKey() throws Exception {
        JobFileException e = error("job.yaml",
                "name: t",
                "runs:",
                "  - algorithm: test.walk",
                "    sede: 4");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.problem()).isEqualTo("runs[0].sede: unknown key; expected one of name, algorithm, params, inputs, seed, seeds, "
                + "threads, sweep");

        JobFileException top = error("top.yaml",
                "runs:",
                "  - algorithm: test.walk",
                "default:",
                "  seed: 1");
        assertThat(top.line()).isEqualTo(3);
        assertThat(top.column()).isEqualTo(1);
        assertThat(top.problem()).startsWith("default: unknown key");
    }

    @Test
    void wrongTypeIsReportedAtTheValue() throws Exception {
        JobFileException e = error("job.yaml",
                "runs:",
                "  - algorithm: test.walk",
                "    seeds:",
                "      - 3",
                "      - three");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.column()).isEqualTo(9);
        assertThat(e.problem()).isEqualTo("runs[0].seeds[1]: expected an integer, found text 'three'");

        JobFileException f = error("f.yaml",
                "runs:",
                "  - algorithm: test.walk",
                "    threads: 0.5");
        assertThat(f.line()).isEqualTo(3);
        assertThat(f.column()).isEqualTo(14);
        assertThat(f.problem()).isEqualTo("runs[0].threads: expected an integer, found the number 0.5");

        JobFileException g = error("g.yaml",
                "runs:",
                "  - algorithm: test.walk",
                "    params:",
                "      steps: [1, 2]");
        assertThat(g.line()).isEqualTo(4);
        assertThat(g.column()).isEqualTo(14);
        assertThat(g.problem()).isEqualTo("runs[0].params.steps: expected a number, boolean or text, found a list");
    }

    @Test
    void exampleFromTheBriefLine4Column7() throws Exception {
        JobFileException e = error("job.yaml",
                "runs:",
                "  - algorithm: test.walk",
                "    sweep:",
                "      steps: 10");
        // sweep values must be a list; the key "steps" starts at column 7, its value at column 14
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(14);
        JobFileException k = error("k.yaml",
                "runs:",
                "  - algorithm: test.walk",
                "    sweep: {steps: [1]}",
                "    params:",
                "      steps: 10");
        assertThat(k.problem()).startsWith("runs[0].sweep.steps: 'steps' is both fixed in params and swept");
        assertThat(k.line()).isEqualTo(3);
        assertThat(k.column()).isEqualTo(13);
        JobFileException d = error("d.yaml",
                "runs:",
                "  - algorithm: test.walk",
                "    seed: 1",
                "    seed: 2");
        assertThat(d.line() == 4 && d.column() == 5).as("duplicate key at 4:5, got %d:%d", d.line(), d.column()).isTrue();
        assertThat(d.problem()).isEqualTo("duplicate key 'seed' (first at line 3, column 5)");
        JobFileException s = error("s.yaml",
                "runs:",
                "  - algorithm: test.walk",
                "    sweep:",
                "      rate: [0.1, 0.2, 0.1]");
        assertThat(s.line() == 4 && s.column() == 24).as("duplicate sweep value at 4:24, got %d:%d", s.line(), s.column()).isTrue();
        assertThat(s.problem()).isEqualTo("runs[0].sweep.rate[2]: duplicate value '0.1' (first at line 4, column 14)");
    }

    @Test
    void missingAlgorithmIsReportedAtTheRun() throws Exception {
        JobFileException e = error("job.yaml",
                "runs:",
                "  - algorithm: test.walk",
                "  - name: second",
                "    seed: 2");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.problem()).isEqualTo("runs[1]: missing key 'algorithm' (the id of the algorithm to run)");
    }

    @Test
    void duplicatedDirectoriesAreReportedAtTheSecondEntry() throws Exception {
        JobFileException e = error("job.yaml",
                "runs:",
                "  - algorithm: test.walk",
                "    seed: 1",
                "  - algorithm: test.walk",
                "    seed: 2");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.problem()).isEqualTo("runs[1]: directory 'test.walk' is already used by runs[0] at line 2, column 5; "
                + "give this run a different 'name'");

        JobFileException json = error("job.json",
                "{\"runs\": [",
                "  {\"name\": \"a-seed_1\", \"algorithm\": \"test.walk\"},",
                "  {\"name\": \"a\", \"algorithm\": \"test.walk\", \"seeds\": [1, 2]}",
                "]}");
        assertThat(json.line()).isEqualTo(3);
        assertThat(json.column()).isEqualTo(3);
        assertThat(json.problem()).startsWith("runs[1]: directory 'a-seed_1' is already used by runs[0]");

        JobFileException sanitised = error("s.yaml",
                "runs:",
                "  - name: w",
                "    algorithm: test.walk",
                "    sweep: {label: ['a b', 'a_b']}");
        assertThat(sanitised.line()).isEqualTo(2);
        assertThat(sanitised.problem()).contains("directory 'w-label_a_b-seed_1' is already used by this run twice");
    }

    @Test
    void seedAndSeedsTogetherAreRejectedAtTheLaterKey() throws Exception {
        JobFileException e = error("job.yaml",
                "runs:",
                "  - seeds: [1, 2]",
                "    algorithm: test.walk",
                "    seed: 3");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.problem()).isEqualTo("runs[0].seed: give either 'seed' or 'seeds', not both");
    }

    @Test
    void emptyMissingAndUnknownFilesAreReported() throws Exception {
        JobFileException empty = error("empty.yaml", "# nothing here");
        assertThat(empty.line()).isEqualTo(1);
        assertThat(empty.problem()).contains("empty");

        JobFileException noRuns = error("noruns.yaml", "name: x");
        assertThat(noRuns.line()).isEqualTo(1);
        assertThat(noRuns.column()).isEqualTo(1);
        assertThat(noRuns.problem()).isEqualTo("(top level): missing key 'runs' (the list of runs)");

        Path txt = write("job.txt", "runs: []");
        JobFileException ext = catchThrowableOfType(JobFileException.class, () -> JobFile.read(txt));
        assertThat(ext.line()).isZero();
        assertThat(ext.getMessage()).isEqualTo(txt + ": unknown job file type; expected a .yaml, .yml or .json file");

        Path missing = tmp.resolve("missing.yaml");
        JobFileException gone = catchThrowableOfType(JobFileException.class, () -> JobFile.read(missing));
        assertThat(gone.line()).isZero();
        assertThat(gone.getMessage()).startsWith(missing + ": cannot read the job file");
    }

    @Test
    void badRunNamesAreRejected() throws Exception {
        JobFileException e = error("job.yaml",
                "runs:",
                "  - name: ../escape",
                "    algorithm: test.walk");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(11);
        assertThat(e.problem()).startsWith("runs[0].name: '../escape' is not a usable directory name");
    }
}
