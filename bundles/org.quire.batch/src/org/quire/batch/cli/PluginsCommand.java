package org.quire.batch.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.quire.core.plugins.PluginException;
import org.quire.core.plugins.PluginFolder;
import org.quire.core.plugins.PluginJar;
import org.quire.core.plugins.PluginStatus;
import org.quire.core.registry.AlgorithmRegistry;
import org.quire.core.registry.RegisteredAlgorithm;
import org.quire.core.registry.RegistryProblem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code quire plugins list | install JAR [--force] | remove NAME}: the third-party bundles in the
 * plugins folder of the Quire home ({@code --home}, {@code $QUIRE_HOME} or {@code ~/.quire}). Both
 * products load them at start.
 */
@Command(name = "plugins", description = "List, install or remove plugins (bundles in the plugins folder of the Quire home).",
        subcommands = {PluginsCommand.ListPlugins.class, PluginsCommand.Install.class, PluginsCommand.Remove.class})
final class PluginsCommand implements Callable<Integer> {
    /** How long an installed plugin may take to register its algorithms before install reports what it saw. */
    private static final long REGISTRATION_WAIT_MILLIS = 3_000;

    @ParentCommand
    QuireCommand parent;

    @Override
    public Integer call() {
        parent.env.err().println("error: missing subcommand: list, install JAR or remove NAME");
        parent.env.err().println("see 'quire plugins --help'");
        parent.env.err().flush();
        return 2;
    }

    CliEnvironment env() {
        return parent.env;
    }

    /** The folder, or null after printing why plugins cannot be managed here. */
    static PluginFolder folder(CliEnvironment env) {
        if (env.plugins() == null) {
            env.err().println("error: plugins can only be managed by the Quire product (this process has no plugins folder)");
            env.err().flush();
        }
        return env.plugins();
    }

    /** Algorithms the bundle provides, by id. */
    static List<String> algorithmsOf(AlgorithmRegistry registry, String symbolicName) {
        return registry.algorithms().stream().filter(a -> a.origin().bundle().equals(symbolicName)).map(RegisteredAlgorithm::id).toList();
    }

    /** Registry problems of the bundle. */
    static List<RegistryProblem> problemsOf(AlgorithmRegistry registry, String symbolicName) {
        return registry.problems().stream().filter(p -> p.bundle().equals(symbolicName)).toList();
    }

    /** {@code quire plugins list [--json]}. */
    @Command(name = "list", description = "List installed plugins with their state, algorithms and problems. Exit 1 when one has a problem.")
    static final class ListPlugins implements Callable<Integer> {
        @ParentCommand
        PluginsCommand parent;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            CliEnvironment env = parent.env();
            PluginFolder folder = folder(env);
            if (folder == null) {
                return 4;
            }
            List<PluginStatus> statuses = folder.statuses();
            boolean healthy = true;
            ArrayNode array = SchemaJson.MAPPER.createArrayNode();
            if (!json) {
                env.out().println("plugins in " + folder.directory() + ":" + (statuses.isEmpty() ? " none" : ""));
            }
            for (PluginStatus s : statuses) {
                List<String> algorithms = algorithmsOf(env.registry(), s.symbolicName());
                List<RegistryProblem> problems = s.symbolicName().isEmpty() ? List.of() : problemsOf(env.registry(), s.symbolicName());
                healthy &= s.healthy() && problems.isEmpty();
                if (json) {
                    ObjectNode n = array.addObject().put("file", s.file()).put("symbolicName", s.symbolicName())
                            .put("version", s.version()).put("state", s.state().words()).put("problem", s.problem());
                    algorithms.forEach(n.putArray("algorithms")::add);
                    ArrayNode ps = n.putArray("problems");
                    problems.forEach(p -> ps.addObject().put("source", p.source()).put("message", p.message()).put("algorithm", p.algorithmId()));
                    continue;
                }
                String title = s.bundle().isEmpty() ? s.file() : s.bundle() + " (" + s.file() + ")";
                String state = problems.isEmpty() ? s.state().words() : s.state().words() + ", with problems";
                env.out().println("  " + title + ": " + state);
                if (!s.problem().isEmpty()) {
                    env.out().println("    problem: " + s.problem());
                }
                for (RegistryProblem p : problems) {
                    env.out().println("    problem: " + (p.algorithmId().isEmpty() ? "" : p.algorithmId() + ": ") + p.message());
                }
                if (s.active()) {
                    env.out().println("    algorithms: " + (algorithms.isEmpty() ? "none" : String.join(", ", algorithms)));
                }
            }
            if (json) {
                ObjectNode root = SchemaJson.MAPPER.createObjectNode();
                root.put("folder", folder.directory().toString());
                root.set("plugins", array);
                env.out().println(SchemaJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            }
            env.out().flush();
            return healthy ? 0 : 1;
        }
    }

    /** {@code quire plugins install JAR [--force]}. */
    @Command(name = "install", description = "Install a plugin jar (an OSGi bundle built against org.quire.api) into the plugins folder.")
    static final class Install implements Callable<Integer> {
        @ParentCommand
        PluginsCommand parent;

        @Parameters(paramLabel = "JAR", description = "The plugin's bundle jar.")
        Path jar;

        @Option(names = {"-f", "--force"}, description = "Replace an installed plugin of the same symbolic name.")
        boolean force;

        @Override
        public Integer call() throws Exception {
            CliEnvironment env = parent.env();
            PluginFolder folder = folder(env);
            if (folder == null) {
                return 4;
            }
            PluginStatus s;
            try {
                s = folder.install(env.resolve(jar), force);
            } catch (PluginException e) {
                env.err().println("error: " + e.getMessage());
                env.err().flush();
                return 2;
            }
            env.out().println("installed " + s.bundle() + " as " + folder.directory().resolve(s.file()));
            int code = 0;
            if (!s.healthy()) {
                env.err().println("warning: " + s.symbolicName() + " " + s.state().words() + ": " + s.problem());
                env.err().println("it stays installed and is reported by 'quire plugins list'; fix it and install again with --force,"
                        + " or 'quire plugins remove " + s.symbolicName() + "'");
                code = 1;
            } else if (s.active()) {
                List<String> algorithms = awaitRegistration(env.registry(), s.symbolicName());
                List<RegistryProblem> problems = problemsOf(env.registry(), s.symbolicName());
                env.out().println("  algorithms: " + (algorithms.isEmpty() ? "none" : String.join(", ", algorithms)));
                for (RegistryProblem p : problems) {
                    env.err().println("warning: " + p.source() + ": " + p.message());
                    code = 1;
                }
            }
            env.out().flush();
            env.err().flush();
            return code;
        }

        private static List<String> awaitRegistration(AlgorithmRegistry registry, String symbolicName) throws InterruptedException {
            long deadline = System.nanoTime() + REGISTRATION_WAIT_MILLIS * 1_000_000L;
            List<String> algorithms = algorithmsOf(registry, symbolicName);
            while (algorithms.isEmpty() && problemsOf(registry, symbolicName).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
                algorithms = algorithmsOf(registry, symbolicName);
            }
            return algorithms;
        }
    }

    /** {@code quire plugins remove NAME}. */
    @Command(name = "remove", description = "Remove an installed plugin, by bundle symbolic name or by the id of an algorithm it provides.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        PluginsCommand parent;

        @Parameters(paramLabel = "NAME", description = "Bundle symbolic name (see 'quire plugins list') or algorithm id.")
        String name;

        @Override
        public Integer call() {
            CliEnvironment env = parent.env();
            PluginFolder folder = folder(env);
            if (folder == null) {
                return 4;
            }
            String symbolicName = symbolicNameOf(env, folder, name);
            boolean isPlugin = folder.installed().stream().anyMatch(j -> j.symbolicName().equals(symbolicName));
            if (!isPlugin && !symbolicName.equals(name)) {
                env.err().println("error: algorithm '" + name + "' comes from " + symbolicName + ", which is part of Quire, not a plugin;"
                        + " see 'quire plugins list' for what can be removed");
                env.err().flush();
                return 2;
            }
            try {
                List<Path> removed = folder.remove(symbolicName);
                for (Path p : removed) {
                    env.out().println("removed " + symbolicName + " (" + p + ")");
                }
            } catch (PluginException e) {
                env.err().println("error: " + e.getMessage());
                env.err().flush();
                return 2;
            }
            env.out().flush();
            return 0;
        }

        /** The name itself when a plugin has that symbolic name, else the bundle providing the algorithm with that id. */
        private static String symbolicNameOf(CliEnvironment env, PluginFolder folder, String name) {
            List<String> installed = new ArrayList<>();
            folder.installed().stream().map(PluginJar::symbolicName).forEach(installed::add);
            if (installed.contains(name)) {
                return name;
            }
            Optional<String> byAlgorithm = env.registry().find(name).map(a -> a.origin().bundle());
            if (byAlgorithm.isEmpty()) {
                byAlgorithm = env.registry().problemFor(name).map(RegistryProblem::bundle).filter(b -> !b.isEmpty());
            }
            return byAlgorithm.orElse(name);
        }
    }
}
