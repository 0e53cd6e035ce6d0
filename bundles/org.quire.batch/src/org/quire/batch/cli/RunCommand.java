package org.quire.batch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.quire.core.run.RunEngine;
import org.quire.core.run.RunRequest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code quire run <algorithm> [--param k=v]... [--input path]... [--seed N] [--threads N] --out DIR}
 * or {@code quire run --job job.yaml --out DIR}; {@code --timeout} and {@code --cancel-grace} bound
 * how long a run (and a run that ignores cancellation) may take.
 */
@Command(name = "run", description = "Run one algorithm, or every run of a job file, into an output directory.")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    QuireCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ALGORITHM", description = "Algorithm id (omit with --job).")
    String algorithm;

    @Option(names = "--job", paramLabel = "FILE", description = "Job file (YAML or JSON) with runs and sweeps.")
    Path job;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "A parameter value; repeatable.")
    List<String> params = new ArrayList<>();

    @Option(names = {"-i", "--input"}, paramLabel = "PATH", description = "An input file; repeatable, in the algorithm's input order.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the run (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Thread budget (default: number of processors). Results do not depend on it.")
    Integer threads;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output directory (created; an earlier run there is replaced).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class,
            description = "Stop each run after this long (e.g. 90s, 10m); a run that times out fails (exit 4).")
    Duration timeout;

    @Option(names = "--cancel-grace", paramLabel = "DURATION", converter = Durations.class,
            description = "After a cancellation (signal or --timeout), how long a run may take to stop before it is abandoned"
                    + " (default: 5s).")
    Duration cancelGrace;

    @Override
    public Integer call() throws Exception {
        CliEnvironment env = parent.env;
        RunPrinter printer = new RunPrinter(env, parent.verbose, quiet);
        Path outDir = env.resolve(out);
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            return printer.usage("--out " + out + ": exists and is not a directory");
        }
        if (threads != null && threads < 1) {
            return printer.usage("--threads: must be at least 1, got " + threads);
        }
        int budget = threads == null ? RunRequest.defaultThreads() : threads;
        if (timeout != null && timeout.isZero()) {
            return printer.usage("--timeout: must be more than 0");
        }
        RunEngine engine = new RunEngine(env.registry()).withTimeout(timeout);
        if (cancelGrace != null) {
            engine = engine.withCancelGrace(cancelGrace);
        }
        env.cancellation().allowForStopping(engine.cancelGrace());
        if (job != null) {
            if (algorithm != null || !params.isEmpty() || !inputs.isEmpty()) {
                return printer.usage("--job cannot be combined with an algorithm, --param or --input (put them in the job file)");
            }
            return new JobRunner(env, printer, engine).run(env.resolve(job), outDir, threads);
        }
        if (algorithm == null) {
            return printer.usage("give an algorithm id (see 'quire list') or --job FILE");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                return printer.usage("--param " + p + ": expected NAME=VALUE");
            }
            String key = p.substring(0, eq).trim();
            if (values.put(key, p.substring(eq + 1)) != null) {
                return printer.usage("--param " + key + ": given twice");
            }
        }
        List<Path> files = inputs.stream().map(env::resolve).toList();
        RunRequest request = new RunRequest(algorithm, values, files, seed, budget);
        return new SingleRunner(env, printer, engine).run(request, outDir);
    }
}
