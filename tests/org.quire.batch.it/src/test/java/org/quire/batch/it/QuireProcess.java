package org.quire.batch.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the materialized batch product's {@code quire} script as a separate process, with a
 * private QUIRE_HOME whose plugins folder holds the test algorithm bundle.
 */
final class QuireProcess {
    static final Path PRODUCT = Path.of(System.getProperty("quire.batch.product", "missing-quire.batch.product")).toAbsolutePath().normalize();
    static final Path TEST_ALGORITHMS = Path.of(System.getProperty("quire.testalgorithms.jar", "missing-quire.testalgorithms.jar")).toAbsolutePath().normalize();
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    /** What a finished process printed and returned. */
    record Outcome(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private final Path home;
    private final Path workDir;

    QuireProcess(Path home, Path workDir) {
        this.home = home;
        this.workDir = workDir;
    }

    /** A QUIRE_HOME under {@code root} with the test algorithms installed as a plugin. */
    static Path homeWithTestAlgorithms(Path root) throws IOException {
        Path plugins = Files.createDirectories(root.resolve("home/plugins"));
        if (!Files.isRegularFile(TEST_ALGORITHMS)) {
            throw new IllegalStateException("test algorithm bundle not built: " + TEST_ALGORITHMS);
        }
        Files.copy(TEST_ALGORITHMS, plugins.resolve("org.quire.testalgorithms.jar"));
        return root.resolve("home");
    }

    /** An empty QUIRE_HOME under {@code root} (plugins are added with {@code quire plugins install}). */
    static Path emptyHome(Path root, String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    /** The home this process runs with. */
    Path home() {
        return home;
    }

    Process start(String... args) throws IOException {
        Path script = PRODUCT.resolve("quire");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("batch product not materialized (no executable " + script + ")");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(script.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().put("QUIRE_HOME", home.toString());
        pb.environment().put("QUIRE_MAX_HEAP", "512m");
        pb.environment().remove("DISPLAY");
        return pb.start();
    }

    Outcome run(String... args) throws IOException, InterruptedException {
        Process p = start(args);
        p.getOutputStream().close();
        StreamCollector out = new StreamCollector(p.getInputStream());
        StreamCollector err = new StreamCollector(p.getErrorStream());
        if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly); // the JVM under the launcher script
            p.destroyForcibly();
            throw new IllegalStateException("quire " + String.join(" ", args) + " did not finish within " + TIMEOUT);
        }
        return new Outcome(p.exitValue(), out.text(), err.text());
    }

    /** Reads a stream on its own thread, keeping what it read. */
    static final class StreamCollector {
        private final StringBuffer text = new StringBuffer();
        private final Thread thread;

        StreamCollector(InputStream in) {
            thread = new Thread(() -> {
                byte[] buf = new byte[8192];
                try (in) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "collector");
            thread.setDaemon(true);
            thread.start();
        }

        /** What was read so far. */
        String sofar() {
            return text.toString();
        }

        /** Everything, after the stream ended. */
        String text() throws InterruptedException {
            thread.join(TIMEOUT.toMillis());
            return text.toString();
        }
    }
}
