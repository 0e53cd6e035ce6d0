package org.quire.batch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code quire} command: subcommands per design §3, exit codes 0 ok, 1 warnings, 2 usage or
 * parameter error, 3 unreadable input, 4 failed run, 5 cancelled.
 */
@Command(name = "quire", mixinStandardHelpOptions = true, description = "Quire: algorithms from research papers, run headless.",
        subcommands = {ListCommand.class, DescribeCommand.class, RunCommand.class, ValidateCommand.class, TourCommand.class,
            DoctorCommand.class, PluginsCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:finished with warnings", "2:usage or parameter error", "3:an input could not be read",
            "4:a run failed", "5:cancelled"})
public final class QuireCommand implements java.util.concurrent.Callable<Integer> {
    final CliEnvironment env;

    @Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT, description = "Stack traces and info messages.")
    boolean verbose;

    /**
     * The Quire home. The product reads it from the arguments before the plugins are loaded (see
     * {@link #homeArgument}); picocli only has to accept it here.
     */
    @Option(names = "--home", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Quire home holding the plugins folder (default: $QUIRE_HOME, else ~/.quire).")
    Path home;

    private QuireCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        env.err().println("error: missing command: list, describe, run, validate, doctor or plugins");
        env.err().println("see 'quire --help'");
        env.err().flush();
        return 2;
    }

    /**
     * The value of {@code --home DIR} or {@code --home=DIR} among the arguments (before a {@code --}),
     * or null. The product needs it before the command line is parsed, to load the plugins of that home.
     */
    public static String homeArgument(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                return null;
            }
            if (args[i].equals("--home") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--home=")) {
                return args[i].substring("--home=".length());
            }
        }
        return null;
    }

    /**
     * Runs the command line and returns the exit code. Usage errors (unknown option, missing value,
     * bad number) give 2 with the reason and a pointer to {@code --help}.
     */
    public static int execute(CliEnvironment env, String... args) {
        CommandLine cl = new CommandLine(new QuireCommand(env));
        cl.getCommandSpec().version("Quire " + env.quireVersion());
        cl.setOut(env.out());
        cl.setErr(env.err());
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage());
            err.println("see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
            err.flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            PrintWriter err = c.getErr();
            err.println("error: " + ex);
            if (((QuireCommand) c.getCommandSpec().root().userObject()).verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 4;
        });
        return cl.execute(args);
    }
}
