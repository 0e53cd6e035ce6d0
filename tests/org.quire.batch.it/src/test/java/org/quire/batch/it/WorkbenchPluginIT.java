package org.quire.batch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench product loads the plugins that {@code quire plugins install} put into the Quire home:
 * started through its real {@code quire-gui} script on the build's display, it reports each loaded
 * plugin with the algorithms its registry received, and names a plugin that does not resolve. Needs
 * a display (the build's Xvfb); skipped without one.
 */
class WorkbenchPluginIT {
    static final Path GUI = Path.of(System.getProperty("quire.gui.product", "missing-quire.gui.product")).toAbsolutePath().normalize();

    @TempDir
    Path root;

    @Test
    void theWorkbenchLoadsInstalledPluginsAndNamesABrokenOne() throws Exception {
        String display = System.getenv("DISPLAY");
        assumeTrue(display != null && !display.isBlank(), "no display: the workbench cannot start");
        Path script = GUI.resolve("quire-gui");
        assertThat(script).as("workbench product materialized").isExecutable();

        Path home = QuireProcess.emptyHome(root, "home");
        QuireProcess batch = new QuireProcess(home, root);
        QuireProcess.Outcome good = batch.run("plugins", "install", QuireProcess.TEST_ALGORITHMS.toString());
        assertThat(good.exit()).as(good.toString()).isZero();
        Path broken = PluginJars.build("org.quire.it.newerapi", Files.createDirectories(root.resolve("jars")));
        assertThat(batch.run("plugins", "install", broken.toString()).exit()).isEqualTo(1);

        ProcessBuilder pb = new ProcessBuilder(script.toString()).directory(root.toFile());
        pb.environment().put("QUIRE_HOME", home.toString());
        pb.environment().put("QUIRE_MAX_HEAP", "768m");
        Process p = pb.start();
        p.getOutputStream().close();
        QuireProcess.StreamCollector err = new QuireProcess.StreamCollector(p.getErrorStream());
        QuireProcess.StreamCollector out = new QuireProcess.StreamCollector(p.getInputStream());
        String loaded = "Quire: plugin org.quire.testalgorithms ";
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!err.sofar().contains(loaded) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            String text = err.sofar();
            assertThat(text).as("workbench stderr (stdout: " + out.sofar() + ")").contains(loaded)
                    .contains("loaded; algorithms: test.echo, test.walk")
                    .contains("Quire: plugin org.quire.it.newerapi_1.0.0.jar was not loaded: "
                            + "needs package org.quire.api [2.0.0,3.0.0) which no installed bundle exports");
            assertThat(p.isAlive()).as("the workbench keeps running").isTrue();
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
