package org.quire.batch.cli;

import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.quire.batch.cli.CliEnvironment.BundleInfo;
import org.quire.batch.cli.CliEnvironment.ComponentInfo;
import org.quire.batch.cli.CliEnvironment.Diagnostics;
import org.quire.core.plugins.PluginStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code quire doctor [--json]}: what is running — bundles, Declarative Services components (and what
 * an unsatisfied one lacks), user plugins and registry problems. Exit 0 when everything is satisfied,
 * 1 otherwise.
 */
@Command(name = "doctor", description = "Show bundles, components, plugins and problems of this installation.")
final class DoctorCommand implements Callable<Integer> {
    @ParentCommand
    QuireCommand parent;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CliEnvironment env = parent.env;
        Diagnostics d = env.diagnostics().get();
        boolean healthy = d.components().stream().allMatch(c -> c.problems().isEmpty())
                && d.plugins().stream().allMatch(PluginStatus::healthy) && env.registry().problems().isEmpty();
        if (json) {
            ObjectNode root = SchemaJson.MAPPER.createObjectNode();
            root.put("healthy", healthy);
            ArrayNode bundles = root.putArray("bundles");
            for (BundleInfo b : d.bundles()) {
                bundles.addObject().put("symbolicName", b.symbolicName()).put("version", b.version()).put("state", b.state());
            }
            ArrayNode comps = root.putArray("components");
            for (ComponentInfo c : d.components()) {
                ObjectNode n = comps.addObject().put("name", c.name()).put("bundle", c.bundle()).put("state", c.state());
                c.problems().forEach(n.putArray("problems")::add);
            }
            ArrayNode plugins = root.putArray("plugins");
            for (PluginStatus p : d.plugins()) {
                plugins.addObject().put("file", p.file()).put("bundle", p.bundle()).put("active", p.active())
                        .put("state", p.state().words()).put("problem", p.problem());
            }
            ArrayNode algs = root.putArray("algorithms");
            env.registry().algorithms().forEach(a -> algs.add(a.descriptor().id()));
            ArrayNode probs = root.putArray("registryProblems");
            env.registry().problems().forEach(p -> probs.addObject().put("source", p.source()).put("message", p.message()));
            env.out().println(SchemaJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            var out = env.out();
            out.println("Quire " + env.quireVersion() + (healthy ? ": healthy" : ": problems found"));
            out.println("bundles: " + d.bundles().size());
            out.println("components:");
            for (ComponentInfo c : d.components()) {
                out.println("  " + c.name() + " (" + c.bundle() + "): " + c.state());
                c.problems().forEach(p -> out.println("    problem: " + p));
            }
            out.println("plugins:" + (d.plugins().isEmpty() ? " none" : ""));
            for (PluginStatus p : d.plugins()) {
                out.println("  " + p.file() + " " + p.bundle() + ": " + p.state().words() + (p.problem().isEmpty() ? "" : ": " + p.problem()));
            }
            out.println("algorithms: " + env.registry().algorithms().size());
            List<org.quire.core.registry.RegistryProblem> problems = env.registry().problems();
            out.println("problems:" + (problems.isEmpty() ? " none" : ""));
            problems.forEach(p -> out.println("  " + p.source() + ": " + p.message()));
        }
        env.out().flush();
        return healthy ? 0 : 1;
    }
}
