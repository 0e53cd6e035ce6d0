package org.quire.workbench;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.quire.core.plugins.PluginFolder;
import org.quire.core.plugins.PluginStatus;
import org.quire.core.plugins.QuireHome;
import org.quire.core.registry.AlgorithmRegistry;
import org.quire.viz.report.VizRenderers;
import org.quire.workbench.model.RunDirectories;
import org.quire.workbench.model.RunHistory;
import org.quire.workbench.run.RunLauncher;

/**
 * Model add-on that sets up the workbench's services in the application context: the
 * {@link RunHistory}, {@link RunDirectories} and {@link RunLauncher}, the user's plugins (loaded from
 * the Quire home's plugins folder), and the OSGi
 * {@link AlgorithmRegistry} service, tracked dynamically (the value is replaced or removed on the
 * UI thread when the service comes and goes, so parts injecting it are re-injected).
 */
public final class QuireAddon {

    private ServiceTracker<AlgorithmRegistry, AlgorithmRegistry> tracker;
    private RunLauncher launcher;

    @PostConstruct
    void start(IEclipseContext context, Display display) {
        RunHistory history = new RunHistory();
        RunDirectories directories = RunDirectories.fromSystem();
        context.set(RunHistory.class, history);
        context.set(RunDirectories.class, directories);
        launcher = new RunLauncher(history, directories, new VizRenderers());
        context.set(RunLauncher.class, launcher);

        Bundle bundle = FrameworkUtil.getBundle(QuireAddon.class);
        BundleContext bundleContext = bundle == null ? null : bundle.getBundleContext();
        if (bundleContext == null) {
            return;
        }
        PluginFolder plugins = new PluginFolder(bundleContext, QuireHome.pluginsDirectory());
        plugins.load();
        context.set(PluginFolder.class, plugins);
        for (PluginStatus p : plugins.statuses()) {
            if (!p.active()) {
                System.err.println("Quire: plugin " + p.file() + " was not loaded: " + p.problem());
            }
        }
        tracker = new ServiceTracker<>(bundleContext, AlgorithmRegistry.class, new ServiceTrackerCustomizer<>() {
            @Override
            public AlgorithmRegistry addingService(ServiceReference<AlgorithmRegistry> reference) {
                AlgorithmRegistry registry = bundleContext.getService(reference);
                reportPlugins(plugins, registry);
                if (display.getThread() == Thread.currentThread()) {
                    context.set(AlgorithmRegistry.class, registry);
                } else {
                    publishLater(context, display);
                }
                return registry;
            }

            @Override
            public void modifiedService(ServiceReference<AlgorithmRegistry> reference, AlgorithmRegistry service) {
                publishLater(context, display);
            }

            @Override
            public void removedService(ServiceReference<AlgorithmRegistry> reference, AlgorithmRegistry service) {
                bundleContext.ungetService(reference);
                publishLater(context, display);
            }
        });
        tracker.open();
    }

    /**
     * Says on standard error which plugins were loaded and what they provide, once the registry is
     * there (one line per plugin; the Algorithms view shows the same algorithms and the problems).
     */
    private static void reportPlugins(PluginFolder plugins, AlgorithmRegistry registry) {
        if (registry == null) {
            return;
        }
        for (PluginStatus p : plugins.statuses()) {
            if (!p.active()) {
                continue;
            }
            List<String> ids = registry.algorithms().stream().filter(a -> a.origin().bundle().equals(p.symbolicName()))
                    .map(a -> a.descriptor().id()).toList();
            long problems = registry.problems().stream().filter(x -> x.bundle().equals(p.symbolicName())).count();
            System.err.println("Quire: plugin " + p.bundle() + " loaded; algorithms: " + (ids.isEmpty() ? "none" : String.join(", ", ids))
                    + (problems == 0 ? "" : "; " + problems + " problem(s), see the Algorithms view"));
        }
    }

    private void publishLater(IEclipseContext context, Display display) {
        try {
            display.asyncExec(() -> {
                ServiceTracker<AlgorithmRegistry, AlgorithmRegistry> t = tracker;
                AlgorithmRegistry current = t == null ? null : t.getService();
                if (current == null) {
                    context.remove(AlgorithmRegistry.class);
                } else {
                    context.set(AlgorithmRegistry.class, current);
                }
            });
        } catch (SWTException e) {
            // the display is gone: the workbench is shutting down and nobody needs the registry any more
        }
    }

    @PreDestroy
    void stop() {
        launcher.cancelAll();
        ServiceTracker<AlgorithmRegistry, AlgorithmRegistry> t = tracker;
        tracker = null;
        if (t != null) {
            t.close();
        }
    }
}
