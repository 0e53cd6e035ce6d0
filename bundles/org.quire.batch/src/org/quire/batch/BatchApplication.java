package org.quire.batch;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.quire.batch.cli.Cancellation;
import org.quire.batch.cli.CliEnvironment;
import org.quire.batch.cli.QuireCommand;
import org.quire.core.plugins.PluginFolder;
import org.quire.core.plugins.QuireHome;
import org.quire.core.registry.AlgorithmRegistry;
import org.quire.viz.report.VizRenderers;

/**
 * The headless application {@code org.quire.batch.app}: loads user plugins, waits for the
 * algorithm registry, turns SIGINT/SIGTERM into cancellation and runs the command line. Returns
 * the exit code of design §3 to the launcher.
 */
public final class BatchApplication implements IApplication {
    private static final long REGISTRY_WAIT_MILLIS = 20_000;
    /**
     * After a signal, how long the running command may take to stop and write (beyond the run
     * engine's grace period, which abandons a run that ignores cancellation) before the process ends anyway.
     */
    private static final long CANCEL_GRACE_MILLIS = 30_000;

    @Override
    public Object start(IApplicationContext context) {
        try {
            return run(context);
        } catch (RuntimeException | Error e) {
            // never let the launcher turn a crash into exit code 0
            System.err.println("error: Quire could not start: " + e);
            e.printStackTrace();
            return 4;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 5;
        }
    }

    private int run(IApplicationContext context) throws InterruptedException {
        String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS, new String[0]);
        context.applicationRunning();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Bundle self = FrameworkUtil.getBundle(getClass());
        BundleContext bc = self.getBundleContext();

        String home = QuireCommand.homeArgument(args);
        if (home != null) {
            Path cwdForHome = Path.of(System.getProperty("quire.cwd", System.getProperty("user.dir")));
            System.setProperty(QuireHome.HOME_PROPERTY, cwdForHome.resolve(home).toAbsolutePath().normalize().toString());
        }
        PluginFolder plugins = new PluginFolder(bc, QuireHome.pluginsDirectory());
        plugins.load();

        ServiceTracker<AlgorithmRegistry, AlgorithmRegistry> tracker = new ServiceTracker<>(bc, AlgorithmRegistry.class, null);
        tracker.open();
        try {
            AlgorithmRegistry registry = tracker.waitForService(REGISTRY_WAIT_MILLIS);
            if (registry == null) {
                err.println("error: the algorithm registry did not start within " + REGISTRY_WAIT_MILLIS / 1000
                        + " s (run 'quire doctor' to see which component is unsatisfied)");
                return 4;
            }
            Cancellation cancellation = new Cancellation();
            Thread hook = new Thread(() -> onSignal(cancellation, err), "quire-signal");
            Runtime.getRuntime().addShutdownHook(hook);
            Path cwd = Path.of(System.getProperty("quire.cwd", System.getProperty("user.dir")));
            boolean terminal = Boolean.getBoolean("quire.tty");
            CliEnvironment env = new CliEnvironment(registry, new VizRenderers(), out, err, terminal, cwd, cancellation,
                    () -> RuntimeDiagnostics.collect(bc, plugins), self.getVersion().toString(), plugins);
            int code = QuireCommand.execute(env, args);
            cancellation.finish(code);
            if (!cancellation.isCancelled()) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            out.flush();
            err.flush();
            return code;
        } finally {
            tracker.close();
        }
    }

    /**
     * Runs in the JVM's shutdown (SIGINT, SIGTERM): cancels the current run, waits until the command
     * has written its cancelled state, then ends the process with the command's code (5 when it was
     * cancelled; the JVM would otherwise exit with 130 or 143).
     */
    private static void onSignal(Cancellation cancellation, PrintWriter err) {
        if (cancellation.isFinished()) {
            return;
        }
        cancellation.cancel();
        err.println();
        err.println("cancelling (signal received); waiting for the run to stop");
        err.flush();
        int code;
        long wait = Math.max(CANCEL_GRACE_MILLIS, cancellation.stopping().toMillis() + CANCEL_GRACE_MILLIS);
        try {
            code = cancellation.awaitFinish(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = -1;
        }
        if (code < 0) {
            err.println("error: the command did not stop within " + wait / 1000 + " s after cancellation; abandoned");
            code = 5;
        }
        err.flush();
        System.out.flush();
        Runtime.getRuntime().halt(code);
    }

    @Override
    public void stop() {
        // The command line runs to completion in start(); nothing to interrupt here.
    }
}
