package org.quire.batch.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code quire tour --job examples/tour.yaml --out out/tour}: the showcase job. Like {@code run --job},
 * but runs of families that are not installed are skipped rather than failing, and it says which
 * families ran and where the report is.
 */
@Command(name = "tour", description = "Run the showcase job: every installed family's pictures and numbers on one page.")
final class TourCommand implements Callable<Integer> {
    @ParentCommand
    QuireCommand parent;

    @Option(names = "--job", required = true, paramLabel = "FILE", description = "The tour's job file (./quire tour passes examples/tour.yaml).")
    Path job;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Thread budget for every run (default: the job file's, else all processors).")
    Integer threads;

    @Override
    public Integer call() {
        CliEnvironment env = parent.env;
        RunPrinter printer = new RunPrinter(env, parent.verbose, false);
        if (threads != null && threads < 1) {
            return printer.usage("--threads: must be at least 1, got " + threads);
        }
        return new JobRunner(env, printer).run(env.resolve(job), env.resolve(out), threads, true);
    }
}
