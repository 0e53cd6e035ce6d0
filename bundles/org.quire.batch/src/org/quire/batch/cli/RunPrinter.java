package org.quire.batch.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.quire.batch.console.ConsoleProgress;
import org.quire.core.run.RunListener;
import org.quire.core.run.RunOutcome;
import org.quire.core.run.RunSetupException;
import org.quire.core.run.RunStatus;

/**
 * What {@code quire run} prints: errors on standard error (a stack trace only with
 * {@code --verbose}), a short summary with the metrics on standard output.
 */
final class RunPrinter {
    private final CliEnvironment env;
    private final boolean verbose;
    private final boolean quiet;

    RunPrinter(CliEnvironment env, boolean verbose, boolean quiet) {
        this.env = env;
        this.verbose = verbose;
        this.quiet = quiet;
    }

    /** Prints a usage error and returns exit code 2. */
    int usage(String message) {
        env.err().println("error: " + message);
        env.err().flush();
        return RunStatus.INVALID.exitCode();
    }

    /** Prints a setup error (with an optional location prefix) and returns its exit code. */
    int setupError(String where, RunSetupException e) {
        env.err().println("error: " + (where == null ? "" : where + ": ") + e.getMessage());
        if (e.getMessage().startsWith("unknown algorithm") && env.plugins() != null) {
            for (org.quire.core.plugins.PluginStatus s : env.plugins().statuses()) {
                if (!s.healthy()) {
                    env.err().println("note: plugin " + (s.bundle().isEmpty() ? s.file() : s.bundle()) + " could not be loaded ("
                            + s.state().words() + ": " + s.problem() + "); its algorithms are missing");
                }
            }
        }
        env.err().flush();
        return e.status().exitCode();
    }

    /** Prints an error that is not about a run, and returns the code. */
    int error(String message, Throwable cause, int code) {
        env.err().println("error: " + message);
        if (verbose && cause != null) {
            cause.printStackTrace(env.err());
        }
        env.err().flush();
        return code;
    }

    /** The progress display for one run. */
    ConsoleProgress progress(String label) {
        return quiet ? null : new ConsoleProgress(env.err(), env.terminal(), verbose, label);
    }

    /** A listener for the engine: the console progress, or one that only prints warnings when quiet. */
    RunListener listener(ConsoleProgress progress) {
        if (progress != null) {
            return progress;
        }
        return new RunListener() {
            @Override
            public void log(boolean warning, String message) {
                if (warning) {
                    env.err().println("warning: " + message);
                    env.err().flush();
                }
            }
        };
    }

    /** One run's summary (stdout) or failure (stderr). */
    void summary(RunOutcome o, Path dir, boolean withMetrics) {
        String id = o.descriptor().id();
        double seconds = o.algorithmNanos() / 1e9;
        switch (o.status()) {
            case OK, WARNINGS -> {
                env.out().printf(Locale.ROOT, "%s: %s in %.3f s (seed %d, %d thread%s) -> %s%n", id, o.status().jsonName(), seconds,
                        o.request().seed(), o.request().threads(), o.request().threads() == 1 ? "" : "s", dir);
                if (withMetrics) {
                    int w = o.result().metrics().keySet().stream().mapToInt(String::length).max().orElse(0);
                    for (Map.Entry<String, Double> m : o.result().metrics().entrySet()) {
                        env.out().printf(Locale.ROOT, "  %-" + w + "s = %s%n", m.getKey(), format(m.getValue()));
                    }
                }
            }
            case CANCELLED -> env.err().printf("cancelled: %s after %.1f s; %s holds no result%s%n", id, seconds, dir,
                    o.message().contains("abandoned") ? " (" + o.message() + ")" : "");
            default -> {
                boolean named = o.message().contains(o.origin().bundle());
                env.err().println("error: " + id + " " + o.status().jsonName() + ": " + o.message()
                        + (named ? "" : " (plugin " + o.origin().bundle() + " " + o.origin().version() + ")"));
                if (verbose && o.error() != null) {
                    o.error().printStackTrace(env.err());
                }
            }
        }
        if (!o.warnings().isEmpty() && o.status() == RunStatus.WARNINGS) {
            env.err().println(o.warnings().size() + " warning" + (o.warnings().size() == 1 ? "" : "s") + " (see " + dir.resolve("run.json") + ")");
        }
        env.out().flush();
        env.err().flush();
    }

    static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e15) {
            return Long.toString((long) v);
        }
        return a != 0 && (a < 1e-4 || a >= 1e6) ? String.format(Locale.ROOT, "%.6e", v) : String.format(Locale.ROOT, "%.6g", v);
    }
}
