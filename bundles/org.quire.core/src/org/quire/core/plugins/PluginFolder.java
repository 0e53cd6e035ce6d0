package org.quire.core.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Installs and starts the plugin jars found in the user's plugins folder (by reference, so the jar
 * is read in place). A jar that is not a bundle or does not resolve is reported with the reason in
 * words and everything else keeps working. Bundles installed from jars that have since been deleted
 * are uninstalled. Used by both products at start; not thread-safe (call {@link #load()} once).
 */
public final class PluginFolder {
    private final BundleContext context;
    private final Path directory;
    private final List<PluginStatus> statuses = new ArrayList<>();

    /**
     * @param context   the framework to install into
     * @param directory the plugins folder (need not exist)
     */
    public PluginFolder(BundleContext context, Path directory) {
        this.context = context;
        this.directory = directory;
    }

    /** Installs, resolves and starts every {@code *.jar} in the folder, in name order. */
    public void load() {
        String prefix = "reference:" + directory.toUri();
        for (Bundle b : context.getBundles()) {
            String loc = b.getLocation();
            if (loc.startsWith(prefix) && !Files.exists(Path.of(java.net.URI.create(loc.substring("reference:".length()))))) {
                try {
                    b.uninstall();
                } catch (BundleException e) {
                    // stays installed; reported by doctor as an ordinary bundle
                }
            }
        }
        if (!Files.isDirectory(directory)) {
            return;
        }
        List<Path> jars;
        try (Stream<Path> s = Files.list(directory)) {
            jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            statuses.add(new PluginStatus(directory.toString(), "", false, "cannot list the plugins folder: " + e.getMessage()));
            return;
        }
        List<Bundle> installed = new ArrayList<>();
        List<Path> installedFrom = new ArrayList<>();
        for (Path jar : jars) {
            try {
                installed.add(context.installBundle("reference:" + jar.toUri()));
                installedFrom.add(jar);
            } catch (BundleException | SecurityException e) {
                statuses.add(new PluginStatus(jar.getFileName().toString(), "", false, "not an OSGi bundle: " + e.getMessage()));
            }
        }
        context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(installed);
        for (int i = 0; i < installed.size(); i++) {
            Bundle b = installed.get(i);
            String file = installedFrom.get(i).getFileName().toString();
            try {
                if (b.getHeaders().get("Fragment-Host") == null) {
                    b.start(Bundle.START_ACTIVATION_POLICY);
                }
                statuses.add(new PluginStatus(file, b.getSymbolicName() + " " + b.getVersion(), true, ""));
            } catch (BundleException | IllegalStateException e) {
                statuses.add(new PluginStatus(file, b.getSymbolicName() + " " + b.getVersion(), false, inWords(e)));
            }
        }
    }

    private static String inWords(Exception e) {
        String m = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim();
        return m.contains("Unresolved requirement") ? "does not resolve: " + m.substring(m.indexOf("Unresolved requirement")) : m;
    }

    /** What happened to each jar, in name order. */
    public List<PluginStatus> statuses() {
        return List.copyOf(statuses);
    }
}
