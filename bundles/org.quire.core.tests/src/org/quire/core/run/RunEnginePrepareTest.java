package org.quire.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

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
import org.quire.api.params.ParameterSchema;
import org.quire.api.result.Result;
import org.quire.core.registry.AlgorithmRegistry;
import org.quire.core.registry.Origin;

class RunEnginePrepareTest {

    public record Params(@Param(defaultValue = "3", min = 1, max = 10) int order,
            @Param(defaultValue = "0.5", min = 0, max = 1, maxExclusive = true) double weight,
            @Param(defaultValue = "fast", choices = { "fast", "exact" }) String mode) {
    }

    @AlgorithmInfo(id = "demo.register", name = "Register")
    @Input(name = "model", formats = { "ply", "pcd" })
    @Input(name = "scans", formats = "ply", minCount = 1, maxCount = 3)
    static final class Register implements Algorithm<Params> {
        @Override
        public Class<Params> parameterType() {
            return Params.class;
        }

        @Override
        public Result run(Params p, List<InputFile> in, RunContext ctx) {
            return Result.empty();
        }
    }

    public record NoParams() {
    }

    @AlgorithmInfo(id = "demo.none", name = "No inputs")
    static final class NoInputs implements Algorithm<NoParams> {
        @Override
        public Class<NoParams> parameterType() {
            return NoParams.class;
        }

        @Override
        public Result run(NoParams p, List<InputFile> in, RunContext ctx) {
            return Result.empty();
        }
    }

    @AlgorithmInfo(id = "demo.anything", name = "Any inputs")
    @Input(name = "files", minCount = 0, maxCount = Integer.MAX_VALUE)
    static final class AnyInputs implements Algorithm<NoParams> {
        @Override
        public Class<NoParams> parameterType() {
            return NoParams.class;
        }

        @Override
        public Result run(NoParams p, List<InputFile> in, RunContext ctx) {
            return Result.empty();
        }
    }

    @TempDir
    Path dir;

    private RunEngine engine;
    private Path model;
    private Path scan1;
    private Path scan2;

    @BeforeEach
    void setUp() throws IOException {
        AlgorithmRegistry registry = new AlgorithmRegistry();
        registry.add(new Register(), new Origin("org.example", "1.0.0"));
        registry.add(new NoInputs(), new Origin("org.example", "1.0.0"));
        registry.add(new AnyInputs(), new Origin("org.example", "1.0.0"));
        engine = new RunEngine(registry);
        model = Files.writeString(dir.resolve("model.pcd"), "x");
        scan1 = Files.writeString(dir.resolve("scan1.ply"), "x");
        scan2 = Files.writeString(dir.resolve("SCAN2.PLY"), "x");
    }

    private static RunRequest request(String id, Map<String, String> params, Path... inputs) {
        return new RunRequest(id, params, List.of(inputs), 42, 1);
    }

    private RunSetupException failure(RunRequest request) {
        return catchThrowableOfType(() -> engine.prepare(request), RunSetupException.class);
    }

    @Test
    void unknownIdListsTheKnownOnes() {
        RunSetupException e = failure(request("demo.regster", Map.of()));
        assertThat(e.status()).isEqualTo(RunStatus.INVALID);
        assertThat(e).hasMessage("unknown algorithm 'demo.regster'; known: demo.anything, demo.none, demo.register");
    }

    @Test
    void unknownIdWithEmptyRegistrySaysNoneAreInstalled() {
        RunSetupException e = catchThrowableOfType(() -> new RunEngine(new AlgorithmRegistry()).prepare(request("demo.x", Map.of())),
                RunSetupException.class);
        assertThat(e.status()).isEqualTo(RunStatus.INVALID);
        assertThat(e).hasMessage("unknown algorithm 'demo.x'; none are installed");
    }

    @Test
    void badParameterValueGivesTheSchemaMessageVerbatim() {
        Map<String, String> bad = Map.of("order", "abc");
        String schemaText = assertThrows(ParameterException.class, () -> ParameterSchema.of(Params.class).bind(bad)).getMessage();
        RunSetupException e = failure(request("demo.register", bad, model, scan1));
        assertThat(e.status()).isEqualTo(RunStatus.INVALID);
        assertThat(e).hasMessage("parameter " + schemaText).hasMessage("parameter order: 'abc' is not an integer");
    }

    @Test
    void outOfRangeAndNotAChoiceAreInvalid() {
        RunSetupException range = failure(request("demo.register", Map.of("weight", "1"), model, scan1));
        assertThat(range.status()).isEqualTo(RunStatus.INVALID);
        assertThat(range).hasMessage("parameter weight: 1.0 is out of range [0, 1)");

        RunSetupException choice = failure(request("demo.register", Map.of("mode", "slow"), model, scan1));
        assertThat(choice).hasMessage("parameter mode: 'slow' is not one of fast, exact");
    }

    @Test
    void unknownParameterListsTheKnownOnes() {
        RunSetupException e = failure(request("demo.register", Map.of("bogus", "1"), model, scan1));
        assertThat(e.status()).isEqualTo(RunStatus.INVALID);
        assertThat(e).hasMessage("parameter bogus: unknown parameter; known: order, weight, mode");
    }

    @Test
    void tooFewOrTooManyInputsNameEachSlotWithCountAndFormats() {
        String slots = "slot 'model' expects exactly 1 file (.ply or .pcd); slot 'scans' expects 1 to 3 files (.ply)";
        RunSetupException few = failure(request("demo.register", Map.of(), model));
        assertThat(few.status()).isEqualTo(RunStatus.INVALID);
        assertThat(few).hasMessage("algorithm 'demo.register' takes 2 to 4 input files, got 1: " + slots);

        RunSetupException many = failure(request("demo.register", Map.of(), model, scan1, scan2, scan1, scan2));
        assertThat(many).hasMessage("algorithm 'demo.register' takes 2 to 4 input files, got 5: " + slots);
    }

    @Test
    void inputsForAnAlgorithmWithoutSlotsAreInvalid() {
        RunSetupException e = failure(request("demo.none", Map.of(), model));
        assertThat(e.status()).isEqualTo(RunStatus.INVALID);
        assertThat(e).hasMessage("algorithm 'demo.none' takes no input files, got 1");
    }

    @Test
    void wrongExtensionNamesFileSlotAndAcceptedFormats() throws IOException {
        Path xyz = Files.writeString(dir.resolve("cloud.xyz"), "x");
        RunSetupException e = failure(request("demo.register", Map.of(), xyz, scan1));
        assertThat(e.status()).isEqualTo(RunStatus.INVALID);
        assertThat(e).hasMessage("input 1 '" + xyz + "' for slot 'model' of 'demo.register' is not in an accepted format; "
                + "expected .ply or .pcd");

        RunSetupException second = failure(request("demo.register", Map.of(), model, model));
        assertThat(second).hasMessageContaining("input 2 '" + model + "' for slot 'scans'").hasMessageEndingWith("expected .ply");
    }

    @Test
    void usageErrorsAreReportedBeforeMissingFiles() {
        Path missing = dir.resolve("missing.txt");
        RunSetupException e = failure(request("demo.register", Map.of(), missing, scan1));
        assertThat(e.status()).isEqualTo(RunStatus.INVALID);
        assertThat(e).hasMessageContaining("missing.txt").hasMessageContaining("not in an accepted format");
    }

    @Test
    void missingFileIsAnInputErrorNamingTheAbsolutePath() {
        Path missing = dir.resolve("gone.ply");
        RunSetupException e = failure(request("demo.register", Map.of(), model, scan1, missing));
        assertThat(e.status()).isEqualTo(RunStatus.INPUT_ERROR);
        assertThat(e).hasMessage("input file not found: " + missing.toAbsolutePath());
    }

    @Test
    void directoryIsAnInputError() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("folder.ply"));
        RunSetupException e = failure(request("demo.register", Map.of(), model, sub));
        assertThat(e.status()).isEqualTo(RunStatus.INPUT_ERROR);
        assertThat(e).hasMessage("input is a directory, not a file: " + sub.toAbsolutePath());
    }

    @Test
    void unreadableFileIsAnInputError() throws IOException {
        Path locked = Files.writeString(dir.resolve("locked.ply"), "x");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "the test runs with rights that read any file (root)");
        RunSetupException e = failure(request("demo.register", Map.of(), model, locked));
        assertThat(e.status()).isEqualTo(RunStatus.INPUT_ERROR);
        assertThat(e).hasMessage("input file is not readable (permission denied): " + locked.toAbsolutePath());
    }

    @Test
    void preparedRunHasBoundParametersSlotsInOrderAndAbsolutePaths() throws RunSetupException {
        Path cwd = Path.of("").toAbsolutePath();
        Path relativeScan = cwd.relativize(scan1);
        assertThat(relativeScan.isAbsolute()).isFalse();
        RunRequest req = request("demo.register", Map.of("order", "7", "mode", "exact"), model, relativeScan, scan2);

        PreparedRun run = engine.prepare(req);

        assertThat(run.request()).isSameAs(req);
        assertThat(run.algorithm().id()).isEqualTo("demo.register");
        assertThat(run.parameters()).isEqualTo(new Params(7, 0.5, "exact"));
        assertThat(run.inputs()).containsExactly(new InputFile("model", model), new InputFile("scans", scan1),
                new InputFile("scans", scan2));
        assertThat(run.inputs()).allMatch(f -> f.path().isAbsolute());
    }

    @Test
    void openEndedSlotAcceptsAnyCountAndFormat() throws RunSetupException {
        assertThat(engine.prepare(request("demo.anything", Map.of())).inputs()).isEmpty();
        assertThat(engine.prepare(request("demo.anything", Map.of(), model, scan1, scan2, model)).inputs())
                .extracting(InputFile::slot).containsExactly("files", "files", "files", "files");
    }
}
