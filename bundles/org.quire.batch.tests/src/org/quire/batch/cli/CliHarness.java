package org.quire.batch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.Input;
import org.quire.api.InputException;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.Result;
import org.quire.api.result.Series;
import org.quire.core.registry.AlgorithmRegistry;
import org.quire.core.registry.Origin;

/** Drives the command line in-process with a plain registry holding two small algorithms. */
final class CliHarness {
    /** What one invocation printed and returned. */
    record Outcome(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    final AlgorithmRegistry registry = new AlgorithmRegistry();
    final Cancellation cancellation = new Cancellation();
    private final Path workDir;

    CliHarness(Path workDir) {
        this.workDir = workDir;
        registry.add(new Square(), new Origin("org.example.square", "1.0.0"));
        registry.add(new LineCount(), new Origin("org.example.lines", "2.0.0"));
    }

    Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment env = new CliEnvironment(registry, null, new PrintWriter(out, true), new PrintWriter(err, true), false,
                workDir, cancellation, null, "0.1.0.test");
        int code = QuireCommand.execute(env, args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** x squared, with a warning option and a chart. */
    @AlgorithmInfo(id = "demo.square", name = "Square", description = "Squares a number.", references = "Euclid, Elements")
    static final class Square implements Algorithm<Square.Params> {
        record Params(@Param(label = "Value", unit = "m", min = -10, max = 10, defaultValue = "3") double x,
                @Param(defaultValue = "false") boolean warn,
                @Param(defaultValue = "plain", choices = {"plain", "fancy"}) String style) {
        }

        @Override
        public Class<Params> parameterType() {
            return Params.class;
        }

        @Override
        public Result run(Params p, List<InputFile> inputs, RunContext ctx) {
            if (p.warn()) {
                ctx.log().warn("asked to warn");
            }
            ctx.progress().begin("squaring", 1);
            ctx.progress().worked(1);
            return Result.builder().metric("square", p.x() * p.x()).value("style", p.style())
                    .chart(ChartSpec.line("curve", "x squared", "x", "y", Series.of("y", new double[] {0, 1, 2}, new double[] {0, 1, 4})))
                    .build();
        }
    }

    /** Counts the lines of a text file; fails with an input error on an empty file. */
    @AlgorithmInfo(id = "demo.lines", name = "Line count")
    @Input(name = "text", formats = "txt")
    static final class LineCount implements Algorithm<LineCount.Params> {
        record Params(@Param(defaultValue = "1", min = 1) int every) {
        }

        @Override
        public Class<Params> parameterType() {
            return Params.class;
        }

        @Override
        public Result run(Params p, List<InputFile> inputs, RunContext ctx) throws Exception {
            Path f = inputs.get(0).path();
            List<String> lines = java.nio.file.Files.readAllLines(f);
            if (lines.isEmpty()) {
                throw new InputException(f, 1, "expected at least one line, found an empty file");
            }
            return Result.builder().metric("lines", lines.size() / p.every()).build();
        }
    }
}
