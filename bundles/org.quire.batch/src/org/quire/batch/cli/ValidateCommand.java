package org.quire.batch.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.quire.core.job.JobFile;
import org.quire.core.job.JobFileException;
import org.quire.core.job.JobSpec;
import org.quire.core.job.JobValidator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code quire validate job.yaml}: checks a job file (syntax, algorithms, parameters, inputs) without running it. */
@Command(name = "validate", description = "Check a job file without running it; exit 0 when valid, 2 otherwise.")
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    QuireCommand parent;

    @Parameters(index = "0", paramLabel = "JOB", description = "Job file (YAML or JSON).")
    Path job;

    @Override
    public Integer call() {
        CliEnvironment env = parent.env;
        Path file = env.resolve(job);
        JobSpec spec;
        int runs;
        try {
            spec = JobFile.read(file);
            runs = spec.expand().size();
        } catch (JobFileException e) {
            env.err().println("error: " + e.getMessage());
            env.err().flush();
            return 2;
        }
        List<String> problems = JobValidator.validate(spec, env.registry());
        if (!problems.isEmpty()) {
            problems.forEach(p -> env.err().println("error: " + p));
            env.err().println(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in " + job);
            env.err().flush();
            return 2;
        }
        env.out().println(job + ": valid, " + runs + " run" + (runs == 1 ? "" : "s"));
        env.out().flush();
        return 0;
    }
}
