package org.quire.batch.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.quire.batch.console.ConsoleProgress;
import org.quire.core.output.RunDirectoryWriter;
import org.quire.core.run.PreparedRun;
import org.quire.core.run.RunEngine;
import org.quire.core.run.RunOutcome;
import org.quire.core.run.RunRequest;
import org.quire.core.run.RunSetupException;
import org.quire.core.run.RunStatus;

/** Runs one request into one directory: prepare (nothing is written on a setup error), execute, write, summarise. */
final class SingleRunner {
    private final CliEnvironment env;
    private final RunPrinter printer;
    private final RunEngine engine;

    SingleRunner(CliEnvironment env, RunPrinter printer) {
        this(env, printer, new RunEngine(env.registry()));
    }

    SingleRunner(CliEnvironment env, RunPrinter printer, RunEngine engine) {
        this.env = env;
        this.printer = printer;
        this.engine = engine;
    }

    int run(RunRequest request, Path outDir) {
        PreparedRun prepared;
        try {
            prepared = engine.prepare(request);
        } catch (RunSetupException e) {
            return printer.setupError(null, e);
        }
        RunOutcome outcome = execute(engine, prepared, request.algorithmId());
        try {
            new RunDirectoryWriter(env.charts()).write(outcome, outDir);
        } catch (IOException | RuntimeException e) {
            return printer.error("could not write the results to " + outDir + ": " + e.getMessage(), e, RunStatus.FAILED.exitCode());
        }
        printer.summary(outcome, outDir, true);
        return outcome.status().exitCode();
    }

    RunOutcome execute(RunEngine engine, PreparedRun prepared, String label) {
        ConsoleProgress progress = printer.progress(label);
        try {
            return engine.execute(prepared, printer.listener(progress), env.cancellation().newSignal());
        } finally {
            if (progress != null) {
                progress.done();
            }
        }
    }
}
