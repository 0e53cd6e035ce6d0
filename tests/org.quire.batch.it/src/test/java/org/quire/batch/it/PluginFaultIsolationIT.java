package org.quire.batch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deliberately broken plugins, built at test time from {@code src/test/plugins} and installed with
 * {@code quire plugins install} into a private QUIRE_HOME beside the working test algorithms: a
 * component that throws on activation, a run that throws (and one that overflows the stack),
 * invalid parameter schemas (a default out of range, a parameter type that is not a record), a run
 * that never checks cancellation, and a plugin built against an API version that does not exist.
 * Each is reported naming the plugin, and everything else keeps working.
 */
class PluginFaultIsolationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BROKEN = List.of("org.quire.it.throwing", "org.quire.it.failing", "org.quire.it.badschema",
            "org.quire.it.stubborn", "org.quire.it.newerapi");

    @TempDir
    static Path root;
    static QuireProcess quire;
    static final List<QuireProcess.Outcome> installs = new ArrayList<>();

    @BeforeAll
    static void installWorkingAndBrokenPlugins() throws Exception {
        quire = new QuireProcess(QuireProcess.emptyHome(root, "home"), root);
        Path jars = Files.createDirectories(root.resolve("jars"));
        installs.add(quire.run("plugins", "install", QuireProcess.TEST_ALGORITHMS.toString()));
        for (String name : BROKEN) {
            installs.add(quire.run("plugins", "install", PluginJars.build(name, jars).toString()));
        }
    }

    private static QuireProcess.Outcome install(String symbolicName) {
        for (QuireProcess.Outcome o : installs) {
            if (o.out().contains("installed " + symbolicName + " ")) {
                return o;
            }
        }
        throw new AssertionError("no install of " + symbolicName + " in " + installs);
    }

    @Test
    void installReportsWhatEachPluginProvidesAndWhatIsWrongWithIt() {
        QuireProcess.Outcome good = install("org.quire.testalgorithms");
        assertThat(good.exit()).as(good.toString()).isZero();
        assertThat(good.out()).contains("algorithms: test.echo, test.walk");
        assertThat(root.resolve("home/plugins")).isDirectoryContaining("glob:**/org.quire.testalgorithms_*.jar");

        QuireProcess.Outcome failing = install("org.quire.it.failing");
        assertThat(failing.exit()).as(failing.toString()).isZero();
        assertThat(failing.out()).contains("algorithms: broken.run");

        QuireProcess.Outcome throwing = install("org.quire.it.throwing");
        assertThat(throwing.exit()).as(throwing.toString()).isEqualTo(1);
        assertThat(throwing.err()).contains("org.quire.it.throwing 1.0.0", "failed to activate",
                "activation failed on purpose: the model file is missing");

        QuireProcess.Outcome newer = install("org.quire.it.newerapi");
        assertThat(newer.exit()).as(newer.toString()).isEqualTo(1);
        assertThat(newer.err()).contains("org.quire.it.newerapi does not resolve: "
                + "needs package org.quire.api [2.0.0,3.0.0) which no installed bundle exports");
    }

    @Test
    void installRefusesAJarTwiceUnlessForcedAndRefusesWhatIsNotABundle() throws Exception {
        QuireProcess.Outcome again = quire.run("plugins", "install", QuireProcess.TEST_ALGORITHMS.toString());
        assertThat(again.exit()).as(again.toString()).isEqualTo(2);
        assertThat(again.err()).contains("org.quire.testalgorithms is already installed", "--force");
        Path text = Files.writeString(root.resolve("notes.jar"), "not a jar at all");
        QuireProcess.Outcome notJar = quire.run("plugins", "install", text.toString());
        assertThat(notJar.exit()).isEqualTo(2);
        assertThat(notJar.err()).contains("notes.jar: not a readable jar");
        assertThat(root.resolve("home/plugins")).isDirectoryNotContaining("glob:**/notes*");
    }

    @Test
    void pluginsListShowsEachPluginsStateAlgorithmsAndProblems() throws Exception {
        QuireProcess.Outcome o = quire.run("plugins", "list");
        assertThat(o.exit()).as(o.toString()).isEqualTo(1);
        assertThat(o.out()).contains(
                "org.quire.testalgorithms", "algorithms: test.echo, test.walk",
                "org.quire.it.failing 1.0.0 (org.quire.it.failing_1.0.0.jar): active",
                "org.quire.it.throwing 1.0.0 (org.quire.it.throwing_1.0.0.jar): active, with problems",
                "problem: broken.activation: component org.quire.it.throwing.ThrowsOnActivation failed to activate",
                "problem: broken.default: invalid parameter schema", "20 is out of range [1, 10]",
                "problem: broken.notrecord: invalid parameter schema: parameter type org.quire.it.badschema.NotARecord$Params is not a record",
                "org.quire.it.newerapi 1.0.0 (org.quire.it.newerapi_1.0.0.jar): does not resolve",
                "problem: needs package org.quire.api [2.0.0,3.0.0) which no installed bundle exports");
        JsonNode json = JSON.readTree(quire.run("plugins", "list", "--json").out());
        List<String> states = new ArrayList<>();
        json.get("plugins").forEach(p -> states.add(p.get("symbolicName").asText() + "=" + p.get("state").asText()));
        assertThat(states).contains("org.quire.it.newerapi=does not resolve", "org.quire.it.stubborn=active");
    }

    @Test
    void listShowsEverythingThatWorksAndAProblemsSectionNamingEachBrokenPlugin() throws Exception {
        QuireProcess.Outcome o = quire.run("list");
        assertThat(o.exit()).as(o.toString()).isEqualTo(1);
        String out = o.out();
        assertThat(out).contains("test.walk", "test.echo", "broken.run", "broken.stubborn", "fbm.hurst", "lmdp.plan");
        String problems = out.substring(out.indexOf("problems ("));
        assertThat(problems).contains("org.quire.it.throwing", "org.quire.it.badschema", "org.quire.it.newerapi");
        assertThat(out.substring(0, out.indexOf("problems ("))).doesNotContain("broken.activation", "broken.default", "broken.newerapi");

        JsonNode json = JSON.readTree(quire.run("list", "--json").out());
        List<String> sources = new ArrayList<>();
        json.get("problems").forEach(p -> sources.add(p.get("source").asText()));
        assertThat(sources).anyMatch(s -> s.startsWith("org.quire.it.throwing")).anyMatch(s -> s.startsWith("org.quire.it.newerapi"));
    }

    @Test
    void doctorNamesTheComponentThatFailedToActivateAndTheUnresolvedPlugin() throws Exception {
        QuireProcess.Outcome o = quire.run("doctor");
        assertThat(o.exit()).as(o.toString()).isEqualTo(1);
        assertThat(o.out()).contains("problems found", "org.quire.it.throwing.ThrowsOnActivation (org.quire.it.throwing): failed activation",
                "activation failed: java.lang.IllegalStateException: activation failed on purpose",
                "org.quire.it.newerapi 1.0.0: does not resolve: needs package org.quire.api [2.0.0,3.0.0)")
                .doesNotContain("\tat ");
    }

    @Test
    void runsOfBrokenPluginsFailWithExit4NamingThePluginAndTheRestStillRuns() throws Exception {
        QuireProcess.Outcome activation = quire.run("run", "broken.activation", "-q", "--out", root.resolve("r1").toString());
        assertThat(activation.exit()).as(activation.toString()).isEqualTo(4);
        assertThat(activation.err()).contains("algorithm 'broken.activation' is unavailable: plugin org.quire.it.throwing is broken",
                "activation failed on purpose");
        assertThat(root.resolve("r1")).doesNotExist();

        QuireProcess.Outcome run = quire.run("run", "broken.run", "-q", "--out", root.resolve("r2").toString());
        assertThat(run.exit()).as(run.toString()).isEqualTo(4);
        assertThat(run.err()).contains("broken.run failed: IllegalStateException: the plugin's own bug",
                "(plugin org.quire.it.failing 1.0.0)").doesNotContain("\tat ");
        assertThat(JSON.readTree(root.resolve("r2/run.json").toFile()).get("status").asText()).isEqualTo("failed");
        assertThat(root.resolve("r2/results.json")).doesNotExist();

        QuireProcess.Outcome overflow = quire.run("run", "broken.run", "-q", "--param", "overflow=true", "--out", root.resolve("r3").toString());
        assertThat(overflow.exit()).as(overflow.toString()).isEqualTo(4);
        assertThat(overflow.err()).contains("StackOverflowError", "plugin org.quire.it.failing");

        QuireProcess.Outcome schema = quire.run("run", "broken.default", "-q", "--out", root.resolve("r4").toString());
        assertThat(schema.exit()).as(schema.toString()).isEqualTo(4);
        assertThat(schema.err()).contains("plugin org.quire.it.badschema is broken", "out of range");
        QuireProcess.Outcome record = quire.run("run", "broken.notrecord", "-q", "--out", root.resolve("r5").toString());
        assertThat(record.exit()).isEqualTo(4);
        assertThat(record.err()).contains("plugin org.quire.it.badschema is broken", "is not a record");

        QuireProcess.Outcome unresolved = quire.run("run", "broken.newerapi", "-q", "--out", root.resolve("r6").toString());
        assertThat(unresolved.exit()).isEqualTo(2);
        assertThat(unresolved.err()).contains("unknown algorithm 'broken.newerapi'",
                "note: plugin org.quire.it.newerapi 1.0.0 could not be loaded (does not resolve: needs package org.quire.api [2.0.0,3.0.0)");

        QuireProcess.Outcome walk = quire.run("run", "test.walk", "-q", "--param", "steps=50", "--out", root.resolve("ok").toString());
        assertThat(walk.exit()).as(walk.toString()).isZero();
        assertThat(JSON.readTree(root.resolve("ok/results.json").toFile()).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void aRunThatIgnoresCancellationIsAbandonedAtItsTimeoutAndTheProcessExits() throws Exception {
        Path out = root.resolve("stubborn-timeout");
        QuireProcess.Outcome o = quire.run("run", "broken.stubborn", "--timeout", "2s", "--cancel-grace", "1s", "--out", out.toString());
        assertThat(o.exit()).as(o.toString()).isEqualTo(4);
        assertThat(o.err()).contains("broken.stubborn failed: timed out after 2 s and did not stop within 1 s of being cancelled"
                + " (plugin org.quire.it.stubborn 1.0.0 does not check for cancellation); the run was abandoned");
        JsonNode run = JSON.readTree(out.resolve("run.json").toFile());
        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("message").asText()).contains("abandoned");
        assertThat(out.resolve("results.json")).doesNotExist();
    }

    @Test
    void aRunThatIgnoresCancellationIsAbandonedAfterASignalWithExit5() throws Exception {
        Path out = root.resolve("stubborn-signal");
        Process p = quire.start("run", "broken.stubborn", "--cancel-grace", "1s", "--out", out.toString());
        p.getOutputStream().close();
        QuireProcess.StreamCollector err = new QuireProcess.StreamCollector(p.getErrorStream());
        QuireProcess.StreamCollector stdout = new QuireProcess.StreamCollector(p.getInputStream());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!err.sofar().contains("broken.stubborn: started") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(err.sofar()).as("run started").contains("broken.stubborn: started");
            new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("process ended after SIGTERM").isTrue();
        } finally {
            if (p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
        String errText = err.text();
        assertThat(p.exitValue()).as(errText + stdout.text()).isEqualTo(5);
        assertThat(errText).contains("cancelled: broken.stubborn", "did not stop within 1 s of being cancelled", "abandoned");
        assertThat(JSON.readTree(out.resolve("run.json").toFile()).get("status").asText()).isEqualTo("cancelled");
    }
}
