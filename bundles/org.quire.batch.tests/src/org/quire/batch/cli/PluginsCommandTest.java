package org.quire.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.result.Result;
import org.quire.core.plugins.PluginFolder;
import org.quire.core.registry.Origin;

import picocli.CommandLine.TypeConversionException;

/**
 * {@code quire plugins ...} in-process on a plugins folder without a framework (file operations
 * only; loading into OSGi is covered by the core tests and the integration tests), the problems
 * section of {@code quire list}, and the duration and home options.
 */
class PluginsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final CliHarness harness = new CliHarness(Path.of("."));

    private CliHarness.Outcome run(PluginFolder folder, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment env = new CliEnvironment(harness.registry, null, new PrintWriter(out, true), new PrintWriter(err, true), false,
                dir, harness.cancellation, null, "0.1.0.test", folder);
        int code = QuireCommand.execute(env, args);
        return new CliHarness.Outcome(code, out.toString(), err.toString());
    }

    @Test
    void installListAndRemoveAPlugin() throws Exception {
        PluginFolder folder = new PluginFolder(null, dir.resolve("home/plugins"));
        Path jar = bundle("ot.jar", "org.example.ot", "1.0.0");

        CliHarness.Outcome installed = run(folder, "plugins", "install", "ot.jar");
        assertThat(installed.exit()).as(installed.toString()).isZero();
        assertThat(installed.out()).contains("installed org.example.ot 1.0.0 as " + dir.resolve("home/plugins/org.example.ot_1.0.0.jar"));
        assertThat(dir.resolve("home/plugins/org.example.ot_1.0.0.jar")).hasSameBinaryContentAs(jar);

        CliHarness.Outcome again = run(folder, "plugins", "install", "ot.jar");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("org.example.ot is already installed (1.0.0, org.example.ot_1.0.0.jar); use --force");
        bundle("ot2.jar", "org.example.ot", "1.1.0");
        assertThat(run(folder, "plugins", "install", "--force", "ot2.jar").exit()).isZero();
        assertThat(dir.resolve("home/plugins")).isDirectoryContaining("glob:**/org.example.ot_1.1.0.jar")
                .isDirectoryNotContaining("glob:**/org.example.ot_1.0.0.jar");

        CliHarness.Outcome list = run(loaded(dir.resolve("home/plugins")), "plugins", "list");
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(list.out()).contains("plugins in " + dir.resolve("home/plugins"), "org.example.ot 1.1.0 (org.example.ot_1.1.0.jar): installed");
        JsonNode json = JSON.readTree(run(loaded(dir.resolve("home/plugins")), "plugins", "list", "--json").out());
        assertThat(json.get("plugins").get(0).get("symbolicName").asText()).isEqualTo("org.example.ot");
        assertThat(json.get("plugins").get(0).get("state").asText()).isEqualTo("installed");

        CliHarness.Outcome unknown = run(folder, "plugins", "remove", "org.example.nothing");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no installed plugin is named 'org.example.nothing'; installed: org.example.ot");
        CliHarness.Outcome builtIn = run(folder, "plugins", "remove", "demo.square");
        assertThat(builtIn.exit()).isEqualTo(2);
        assertThat(builtIn.err()).contains("algorithm 'demo.square' comes from org.example.square, which is part of Quire, not a plugin");
        CliHarness.Outcome removed = run(folder, "plugins", "remove", "org.example.ot");
        assertThat(removed.exit()).as(removed.toString()).isZero();
        assertThat(dir.resolve("home/plugins")).isEmptyDirectory();
    }

    @Test
    void installRefusesAJarThatIsNotABundleAndListsNonBundlesAsProblems() throws Exception {
        PluginFolder folder = new PluginFolder(null, dir.resolve("plugins"));
        Path plain = dir.resolve("plain.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream o = Files.newOutputStream(plain); JarOutputStream j = new JarOutputStream(o, m)) {
            j.flush();
        }
        CliHarness.Outcome o = run(folder, "plugins", "install", "plain.jar");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("plain.jar: not an OSGi bundle (its manifest has no Bundle-SymbolicName");
        assertThat(dir.resolve("plugins")).doesNotExist();

        Files.createDirectories(dir.resolve("plugins"));
        Files.copy(plain, dir.resolve("plugins/plain.jar"));
        CliHarness.Outcome list = run(loaded(dir.resolve("plugins")), "plugins", "list");
        assertThat(list.exit()).isEqualTo(1);
        assertThat(list.out()).contains("plain.jar: not a bundle", "problem: not an OSGi bundle");
        CliHarness.Outcome algorithms = run(loaded(dir.resolve("plugins")), "list");
        assertThat(algorithms.exit()).isEqualTo(1);
        assertThat(algorithms.out()).contains("demo.square", "problems (1;", "plain.jar: plugin not a bundle: not an OSGi bundle");
    }

    @Test
    void pluginCommandsNeedAPluginsFolder() {
        CliHarness.Outcome o = run(null, "plugins", "list");
        assertThat(o.exit()).isEqualTo(4);
        assertThat(o.err()).contains("plugins can only be managed by the Quire product");
        assertThat(run(null, "plugins").exit()).isEqualTo(2);
    }

    public record NoParams() {
    }

    @AlgorithmInfo(id = "demo.broken", name = "Broken")
    static final class Broken implements Algorithm<NoParams> {
        @Override
        public Class<NoParams> parameterType() {
            throw new IllegalStateException("boom in parameterType");
        }

        @Override
        public Result run(NoParams p, List<InputFile> in, RunContext ctx) {
            return Result.empty();
        }
    }

    @Test
    void aBrokenPluginIsListedAsAProblemAndRunningItFailsWithExit4NamingThePlugin() {
        harness.registry.add(new Broken(), new Origin("org.example.broken", "0.9.0"));
        CliHarness.Outcome list = run(null, "list");
        assertThat(list.exit()).isEqualTo(1);
        assertThat(list.out()).contains("demo.square", "problems (1;", "org.example.broken 0.9.0", "boom in parameterType");
        CliHarness.Outcome o = run(null, "run", "demo.broken", "--out", "b");
        assertThat(o.exit()).as(o.toString()).isEqualTo(4);
        assertThat(o.err()).contains("algorithm 'demo.broken' is unavailable: plugin org.example.broken is broken", "boom in parameterType");
        assertThat(dir.resolve("b")).doesNotExist();
    }

    @Test
    void durationsAndTheHomeOption() {
        assertThat(Durations.parse("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("2.5s")).isEqualTo(Duration.ofMillis(2500));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> Durations.parse("soon")).isInstanceOf(TypeConversionException.class).hasMessageContaining("'soon'");
        CliHarness.Outcome bad = run(null, "run", "demo.square", "--timeout", "soon", "--out", "t");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("soon");
        assertThat(run(null, "--home", "h", "list").exit()).isZero();
        assertThat(QuireCommand.homeArgument("plugins", "--home", "/x", "list")).isEqualTo("/x");
        assertThat(QuireCommand.homeArgument("--home=/y", "list")).isEqualTo("/y");
        assertThat(QuireCommand.homeArgument("list", "--", "--home", "z")).isNull();
        assertThat(QuireCommand.homeArgument("list")).isNull();
    }

    private static PluginFolder loaded(Path folder) {
        PluginFolder f = new PluginFolder(null, folder);
        f.load();
        return f;
    }

    private Path bundle(String file, String symbolicName, String version) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", version);
        Path jar = dir.resolve(file);
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o, m)) {
            j.flush();
        }
        return jar;
    }
}
