package org.quire.batch.cli;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.quire.core.plugins.PluginStatus;
import org.quire.core.registry.RegisteredAlgorithm;
import org.quire.core.registry.RegistryProblem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code quire list [--json]}: the installed algorithms by family, with their parameter schemas in JSON. */
@Command(name = "list", description = "List the installed algorithms (with --json: their parameter schemas too).")
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    QuireCommand parent;

    @Option(names = "--json", description = "Print JSON: every algorithm with inputs and parameter schema.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CliEnvironment env = parent.env;
        List<RegisteredAlgorithm> all = env.registry().algorithms();
        List<RegistryProblem> problems = new java.util.ArrayList<>(env.registry().problems());
        if (env.plugins() != null) {
            for (PluginStatus s : env.plugins().statuses()) {
                if (!s.healthy()) {
                    problems.add(new RegistryProblem(s.bundle().isEmpty() ? s.file() : s.bundle() + " (" + s.file() + ")",
                            "plugin " + s.state().words() + ": " + s.problem(), s.symbolicName(), ""));
                }
            }
        }
        if (json) {
            env.out().println(SchemaJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(SchemaJson.listing(all, problems)));
            env.out().flush();
            return problems.isEmpty() ? 0 : 1;
        }
        if (all.isEmpty()) {
            env.out().println("No algorithms are installed.");
        }
        Map<String, List<RegisteredAlgorithm>> byFamily = new TreeMap<>();
        all.forEach(a -> byFamily.computeIfAbsent(a.descriptor().family(), f -> new java.util.ArrayList<>()).add(a));
        int width = all.stream().mapToInt(a -> a.descriptor().id().length()).max().orElse(10);
        byFamily.forEach((family, list) -> {
            env.out().println(family);
            for (RegisteredAlgorithm a : list) {
                env.out().printf("  %-" + width + "s  %s%n", a.descriptor().id(), a.descriptor().name());
            }
        });
        if (!problems.isEmpty()) {
            env.out().println();
            env.out().println("problems (" + problems.size() + "; everything above works; see 'quire plugins list'):");
            for (RegistryProblem p : problems) {
                env.out().println("  " + p.source() + ": " + p.message());
            }
            env.err().println("warning: " + problems.size() + (problems.size() == 1 ? " plugin problem" : " plugin problems")
                    + " (listed above)");
        }
        env.out().flush();
        env.err().flush();
        return problems.isEmpty() ? 0 : 1;
    }
}
