package org.quire.batch.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.quire.core.job.JobFile;
import org.quire.core.job.JobFileException;
import org.quire.core.job.JobRun;
import org.quire.core.job.JobSpec;
import org.quire.core.output.JobReportWriter;
import org.quire.core.output.JobRunSummary;
import org.quire.core.output.RunDirectoryWriter;
import org.quire.core.run.PreparedRun;
import org.quire.core.run.RunEngine;
import org.quire.core.run.RunOutcome;
import org.quire.core.run.RunRequest;
import org.quire.core.run.RunSetupException;
import org.quire.core.run.RunStatus;

/**
 * Runs a job file: reads it, prepares every run first (so that a typo in the last run stops the job
 * before anything runs), executes them in order, each into its own directory under the output
 * directory, and writes the job's summary page. The exit code is the worst of the runs'.
 */
final class JobRunner {
    private final CliEnvironment env;
    private final RunPrinter printer;
    private final RunEngine engine;

    JobRunner(CliEnvironment env, RunPrinter printer) {
        this(env, printer, new RunEngine(env.registry()));
    }

    JobRunner(CliEnvironment env, RunPrinter printer, RunEngine engine) {
        this.env = env;
        this.printer = printer;
        this.engine = engine;
    }

    int run(Path jobFile, Path outDir, Integer threadsOverride) {
        return run(jobFile, outDir, threadsOverride, false);
    }

    /**
     * Runs a job file.
     *
     * @param tour when true, runs whose algorithm is not installed are skipped (and said so) instead of
     *             failing the job, and the families that ran are printed: the tour grows as families are added
     */
    int run(Path jobFile, Path outDir, Integer threadsOverride, boolean tour) {
        JobSpec spec;
        List<JobRun> runs;
        try {
            spec = JobFile.read(jobFile);
            runs = spec.expand();
        } catch (JobFileException e) {
            return printer.usage(e.getMessage());
        }
        String title = spec.name();
        if (tour) {
            List<JobRun> installed = runs.stream().filter(r -> env.registry().find(r.request().algorithmId()).isPresent()).toList();
            java.util.Set<String> skipped = new java.util.TreeSet<>();
            runs.stream().filter(r -> !installed.contains(r)).forEach(r -> skipped.add(r.request().algorithmId()));
            java.util.Set<String> families = new java.util.TreeSet<>();
            installed.forEach(r -> families.add(env.registry().find(r.request().algorithmId()).get().descriptor().family()));
            if (!skipped.isEmpty()) {
                env.err().println("tour: skipping runs of algorithms that are not installed: " + String.join(", ", skipped));
            }
            String which = families.isEmpty() ? "none yet (no algorithm family is installed, so the tour runs nothing)"
                    : String.join(", ", families);
            env.out().println("tour: families in this tour: " + which);
            env.out().flush();
            title = spec.name() + " - families: " + (families.isEmpty() ? "none yet" : String.join(", ", families));
            runs = installed;
        }
        List<PreparedRun> prepared = new ArrayList<>();
        int setupCode = 0;
        for (JobRun r : runs) {
            RunRequest q = r.request();
            if (threadsOverride != null) {
                q = new RunRequest(q.algorithmId(), q.parameters(), q.inputs(), q.seed(), threadsOverride);
            }
            try {
                prepared.add(engine.prepare(q));
            } catch (RunSetupException e) {
                String where = jobFile.getFileName() + ":" + r.line() + ":" + r.column() + ": run '" + r.directory() + "'";
                setupCode = Math.max(setupCode, printer.setupError(where, e));
            }
        }
        if (setupCode != 0) {
            env.err().println("nothing was run: fix the job file first (quire validate " + jobFile.getFileName() + ")");
            env.err().flush();
            return setupCode;
        }
        env.err().println("job " + spec.name() + ": " + runs.size() + " run" + (runs.size() == 1 ? "" : "s") + " into " + outDir);
        env.err().flush();
        RunDirectoryWriter writer = new RunDirectoryWriter(env.charts());
        SingleRunner single = new SingleRunner(env, printer, engine);
        List<JobRunSummary> summaries = new ArrayList<>();
        RunStatus worst = RunStatus.OK;
        for (int i = 0; i < runs.size(); i++) {
            if (env.cancellation().isCancelled()) {
                env.err().println("cancelled: " + (runs.size() - i) + " run(s) not started");
                worst = RunStatus.worst(worst, RunStatus.CANCELLED);
                break;
            }
            JobRun r = runs.get(i);
            Path dir = outDir.resolve(r.directory());
            RunOutcome outcome = single.execute(engine, prepared.get(i), "[" + (i + 1) + "/" + runs.size() + "] " + r.directory());
            try {
                writer.write(outcome, dir);
            } catch (IOException | RuntimeException e) {
                return printer.error("could not write the results to " + dir + ": " + e.getMessage(), e, RunStatus.FAILED.exitCode());
            }
            printer.summary(outcome, dir, false);
            summaries.add(new JobRunSummary(r.directory(), outcome));
            worst = RunStatus.worst(worst, outcome.status());
        }
        try {
            new JobReportWriter().write(title, summaries, outDir);
        } catch (IOException | RuntimeException e) {
            return printer.error("could not write the job report to " + outDir + ": " + e.getMessage(), e, RunStatus.FAILED.exitCode());
        }
        env.out().println("report: " + outDir.resolve("index.html"));
        env.out().flush();
        return worst.exitCode();
    }
}
