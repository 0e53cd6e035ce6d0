package org.quire.batch.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import org.quire.api.AlgorithmDescriptor;
import org.quire.api.InputSpec;
import org.quire.api.params.ParameterSpec;
import org.quire.core.registry.RegisteredAlgorithm;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code quire describe <algorithm> [--json]}: parameters, inputs, outputs and references of one algorithm. */
@Command(name = "describe", description = "Describe one algorithm: parameters, inputs, references.")
final class DescribeCommand implements Callable<Integer> {
    @ParentCommand
    QuireCommand parent;

    @Parameters(index = "0", paramLabel = "ALGORITHM", description = "Algorithm id, e.g. fbm.hurst.")
    String id;

    @Option(names = "--json", description = "Print the descriptor as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CliEnvironment env = parent.env;
        Optional<RegisteredAlgorithm> found = env.registry().find(id);
        if (found.isEmpty()) {
            env.err().println("error: " + Messages.unknownAlgorithm(id, env.registry()));
            env.err().flush();
            return 2;
        }
        RegisteredAlgorithm a = found.get();
        if (json) {
            env.out().println(SchemaJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(SchemaJson.algorithm(a)));
            env.out().flush();
            return 0;
        }
        AlgorithmDescriptor d = a.descriptor();
        var out = env.out();
        out.println(d.name() + " (" + d.id() + ")");
        out.println("  family: " + d.family() + "    from: " + a.origin().bundle() + " " + a.origin().version());
        if (!d.description().isEmpty()) {
            out.println();
            out.println("  " + d.description());
        }
        out.println();
        out.println("Inputs:" + (d.inputs().isEmpty() ? " none" : ""));
        for (InputSpec in : d.inputs()) {
            String count = in.minCount() == in.maxCount() ? String.valueOf(in.minCount())
                    : in.minCount() + ".." + (in.maxCount() == Integer.MAX_VALUE ? "n" : in.maxCount());
            out.printf("  --input %-14s %s file(s), %s  %s%n", in.name(), count,
                    in.formats().isEmpty() ? "any format" : String.join("/", in.formats()), in.description());
        }
        out.println();
        out.println("Parameters (--param name=value):" + (d.parameters().parameters().isEmpty() ? " none" : ""));
        for (ParameterSpec p : d.parameters().parameters()) {
            StringBuilder line = new StringBuilder("  ").append(p.name()).append(" (").append(p.type().jsonName());
            if (!p.unit().isEmpty()) {
                line.append(", ").append(p.unit());
            }
            line.append(") default ").append(p.defaultText().isEmpty() ? "\"\"" : p.defaultText());
            if (!p.rangeText().isEmpty()) {
                line.append(", range ").append(p.rangeText());
            }
            if (!p.choices().isEmpty()) {
                line.append(", one of ").append(String.join("|", p.choices()));
            }
            out.println(line);
            String text = p.label().equals(p.name()) ? p.description() : p.label() + (p.description().isEmpty() ? "" : ": " + p.description());
            if (!text.isEmpty()) {
                out.println("      " + text);
            }
        }
        if (!d.references().isEmpty()) {
            out.println();
            out.println("References:");
            d.references().forEach(r -> out.println("  - " + r));
        }
        out.println();
        out.println("Outputs: run.json, results.json, index.html, and CSV/PNG/SVG/PLY files for the result's items.");
        out.flush();
        return 0;
    }
}
