package org.quire.batch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.quire.core.output.ChartRenderer;
import org.quire.core.plugins.PluginFolder;
import org.quire.core.plugins.PluginStatus;
import org.quire.core.registry.AlgorithmRegistry;

/**
 * What the command line works with. The OSGi application builds one from services; tests build one
 * from a plain registry.
 *
 * @param registry      the algorithms
 * @param charts        chart renderer for run directories (null: charts are skipped)
 * @param out           standard output (results, listings)
 * @param err           standard error (progress, warnings, errors)
 * @param terminal      whether standard error is a terminal (progress bar instead of lines)
 * @param workingDir    directory that relative paths are resolved against
 * @param cancellation  the process-wide cancellation (signals)
 * @param diagnostics   runtime diagnostics for {@code doctor} (bundles, components, plugins)
 * @param quireVersion  version shown by {@code --version}
 * @param plugins       the user's plugins folder, as loaded at start ({@code quire plugins ...}); null
 *                      when plugins cannot be managed (then those commands say so)
 */
public record CliEnvironment(AlgorithmRegistry registry, ChartRenderer charts, PrintWriter out, PrintWriter err, boolean terminal,
        Path workingDir, Cancellation cancellation, Supplier<Diagnostics> diagnostics, String quireVersion, PluginFolder plugins) {

    /** An environment without plugin management (in-process tests). */
    public CliEnvironment(AlgorithmRegistry registry, ChartRenderer charts, PrintWriter out, PrintWriter err, boolean terminal,
            Path workingDir, Cancellation cancellation, Supplier<Diagnostics> diagnostics, String quireVersion) {
        this(registry, charts, out, err, terminal, workingDir, cancellation, diagnostics, quireVersion, null);
    }

    public CliEnvironment {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(cancellation, "cancellation");
        diagnostics = diagnostics == null ? () -> Diagnostics.EMPTY : diagnostics;
    }

    /** A path given on the command line, resolved against the working directory. */
    Path resolve(Path p) {
        return workingDir.resolve(p).normalize();
    }

    /**
     * Runtime facts for {@code quire doctor}.
     *
     * @param bundles    one line per bundle: symbolic name, version, state
     * @param components one entry per DS component
     * @param plugins    user plugins loaded from the plugins folder, with problems
     */
    public record Diagnostics(List<BundleInfo> bundles, List<ComponentInfo> components, List<PluginStatus> plugins) {
        /** No runtime (plain Java). */
        public static final Diagnostics EMPTY = new Diagnostics(List.of(), List.of(), List.of());
    }

    /** A bundle: symbolic name, version and state (INSTALLED, RESOLVED, STARTING, ACTIVE, ...). */
    public record BundleInfo(String symbolicName, String version, String state) {
    }

    /** A DS component: name, bundle, state (active, satisfied, unsatisfied-reference, ...), and what it lacks. */
    public record ComponentInfo(String name, String bundle, String state, List<String> problems) {
    }
}
