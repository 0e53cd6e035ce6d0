package org.quire.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.Input;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.params.ParameterException;
import org.quire.api.result.Result;
import org.quire.core.registry.AlgorithmRegistry;
import org.quire.core.registry.Origin;

class JobValidatorTest {

    @AlgorithmInfo(id = "test.walk", name = "Walk")
    @Input(name = "table", formats = "csv")
    static final class Walk implements Algorithm<Walk.Params> {
        record Params(@Param(defaultValue = "100", min = 1) int steps,
                @Param(defaultValue = "0.5", min = 0, max = 1, minExclusive = true) double rate,
                @Param(defaultValue = "x") String label,
                @Param(defaultValue = "1", min = 0) double low,
                @Param(defaultValue = "2", min = 0) double high) {
            Params {
                if (low > high) {
                    throw new ParameterException("low", "must not exceed high (" + high + "), got " + low);
                }
            }
        }

        @Override
        public Class<Params> parameterType() {
            return Params.class;
        }

        @Override
        public Result run(Params p, List<InputFile> inputs, RunContext context) {
            return Result.empty();
        }
    }

    @AlgorithmInfo(id = "test.other", name = "Other")
    static final class Other implements Algorithm<Other.Params> {
        record Params() {
        }

        @Override
        public Class<Params> parameterType() {
            return Params.class;
        }

        @Override
        public Result run(Params p, List<InputFile> inputs, RunContext context) {
            return Result.empty();
        }
    }

    @TempDir
    Path tmp;

    private final AlgorithmRegistry registry = new AlgorithmRegistry();

    @BeforeEach
    void setUp() throws IOException {
        assertThat(registry.add(new Walk(), Origin.of(Walk.class))).isNotNull();
        assertThat(registry.add(new Other(), Origin.of(Other.class))).isNotNull();
        Files.createDirectories(tmp.resolve("data"));
        Files.writeString(tmp.resolve("data/a.csv"), "x\n1\n");
        Files.writeString(tmp.resolve("data/a.txt"), "x\n1\n");
    }

    private Path write(String... lines) throws IOException {
        Path p = tmp.resolve("job.yaml");
        Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void aValidJobGivesNoMessages() throws Exception {
        Path p = write(
                "runs:",
                "  - algorithm: test.walk",
                "    inputs: [data/a.csv]",
                "    params: {steps: 5, label: hi, low: 0.5}",
                "    sweep: {rate: [0.1, 1], high: [1, 3]}",
                "  - algorithm: test.other");
        assertThat(JobValidator.validate(JobFile.read(p), registry)).isEmpty();
    }

    @Test
    void eachProblemIsReportedWithFileLineColumnAndPath() throws Exception {
        Path p = write(
                "defaults:",
                "  params: {steps: 3}",
                "runs:",
                "  - algorithm: nope.x",
                "  - algorithm: test.walk",
                "    inputs: [data/a.txt, data/missing.csv]",
                "    params: {steps: 0, colour: red}",
                "    sweep: {rate: [0.5, 1.5, x]}",
                "  - name: other",
                "    algorithm: test.other",
                "  - name: pair",
                "    algorithm: test.walk",
                "    inputs: [data/a.csv]",
                "    params: {low: 5, high: 2}");
        List<String> messages = JobValidator.validate(JobFile.read(p), registry);
        String f = p.toString();
        assertThat(messages).containsExactly(
                f + ":4:16: runs[0].algorithm: unknown algorithm 'nope.x'; known: test.other, test.walk",
                f + ":7:21: runs[1].params.steps: 0 is out of range [1, inf]",
                f + ":7:32: runs[1].params.colour: unknown parameter 'colour'; known: steps, rate, label, low, high",
                f + ":8:25: runs[1].sweep.rate[1]: 1.5 is out of range (0, 1]",
                f + ":8:30: runs[1].sweep.rate[2]: 'x' is not a number",
                f + ":6:13: runs[1].inputs: 'test.walk' takes exactly 1 input file, got 2 (slot 'table': 1 csv)",
                f + ":6:14: runs[1].inputs[0]: 'a.txt' is not in a format of slot 'table'; expected csv",
                f + ":6:26: runs[1].inputs[1]: file not found: " + tmp.resolve("data/missing.csv").toAbsolutePath(),
                f + ":2:19: defaults.params.steps (for runs[2], test.other): unknown parameter 'steps'; known: (none)",
                f + ":11:5: runs[3]: low: must not exceed high (2.0), got 5.0");
    }

    @Test
    void unknownSweptParameterAndMissingInputAreReported() throws Exception {
        Path p = write(
                "runs:",
                "  - algorithm: test.walk",
                "    sweep:",
                "      nope: [1, 2]");
        String f = p.toString();
        assertThat(JobValidator.validate(JobFile.read(p), registry)).containsExactly(
                f + ":4:7: runs[0].sweep.nope: unknown parameter 'nope'; known: steps, rate, label, low, high",
                f + ":2:5: runs[0].inputs: 'test.walk' takes exactly 1 input file, got 0 (slot 'table': 1 csv)");
    }

    @Test
    void inputsOfAnUnknownAlgorithmAreStillChecked() throws Exception {
        Path p = write(
                "runs:",
                "  - algorithm: test.wlak",
                "    inputs: [data/a.csv, nowhere.csv]");
        assertThat(JobValidator.validate(JobFile.read(p), registry)).containsExactly(
                p + ":2:16: runs[0].algorithm: unknown algorithm 'test.wlak'; known: test.other, test.walk",
                p + ":3:26: runs[0].inputs[1]: file not found: " + tmp.resolve("nowhere.csv").toAbsolutePath());
    }

    @Test
    void aDirectoryIsNotAnInputFile() throws Exception {
        Path p = write(
                "runs:",
                "  - algorithm: test.walk",
                "    inputs: [data]");
        assertThat(JobValidator.validate(JobFile.read(p), registry)).containsExactly(
                p + ":3:14: runs[0].inputs[0]: 'data' is not in a format of slot 'table'; expected csv",
                p + ":3:14: runs[0].inputs[0]: " + tmp.resolve("data").toAbsolutePath() + " is a directory; expected a file");
    }
}
