package org.quire.batch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.quire.core.run.RunRequest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code quire run <algorithm> [--param k=v]... [--input path]... [--seed N] [--threads N] --out DIR}
 * or {@code quire run --job job.yaml --out DIR}.
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
        if (job != null) {
            if (algorithm != null || !params.isEmpty() || !inputs.isEmpty()) {
                return printer.usage("--job cannot be combined with an algorithm, --param or --input (put them in the job file)");
            }
            return new JobRunner(env, printer).run(env.resolve(job), outDir, threads);
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
        return new SingleRunner(env, printer).run(request, outDir);
    }
}
