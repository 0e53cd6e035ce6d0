package org.quire.core.plugins;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The user's plugins folder: loads the plugin jars found there into the framework at start (by
 * reference, so each jar is read in place), and installs and removes plugin jars. A jar that is not
 * a bundle, duplicates a symbolic name, does not resolve or fails to start is reported with the
 * reason in words ({@link #statuses()}), and everything else keeps working. Bundles installed from
 * jars that have since been deleted are uninstalled.
 *
 * <p>Without a framework ({@code context == null}, plain-Java hosts and tests) only the file
 * operations work and jars are reported as {@link PluginStatus.State#INSTALLED}. Used by both
 * products at start. Not thread-safe: one thread at a time (the command line, or the workbench's
 * start-up).
 */
public final class PluginFolder {
    private static final String REFERENCE = "reference:";

    private final BundleContext context;
    private final Path directory;
    private final Map<Path, PluginStatus> statuses = new java.util.TreeMap<>();
    private final Map<Path, Bundle> bundles = new LinkedHashMap<>();

    /**
     * @param context   the framework to install into, or null for file operations only
     * @param directory the plugins folder (need not exist)
     */
    public PluginFolder(BundleContext context, Path directory) {
        this.context = context;
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
    }

    /** The plugins folder (absolute; may not exist yet). */
    public Path directory() {
        return directory;
    }

    /**
     * Installs, resolves and starts every {@code *.jar} in the folder, in name order, and records
     * what happened to each. Calling it again loads only jars not yet loaded.
     */
    public void load() {
        if (context != null) {
            uninstallDeleted();
        }
        List<Path> jars;
        try {
            jars = jars();
        } catch (IOException e) {
            statuses.put(directory, new PluginStatus(directory.toString(), "", "", PluginStatus.State.INVALID,
                    "cannot list the plugins folder: " + e.getMessage()));
            return;
        }
        List<Path> fresh = jars.stream().filter(j -> !statuses.containsKey(j)).toList();
        loadJars(fresh);
    }

    /** What happened to each jar, in name order. */
    public List<PluginStatus> statuses() {
        return List.copyOf(statuses.values());
    }

    /** The status of the jar holding this symbolic name, if one is in the folder and was loaded. */
    public java.util.Optional<PluginStatus> status(String symbolicName) {
        return statuses.values().stream().filter(s -> s.symbolicName().equals(symbolicName)).findFirst();
    }

    /**
     * Installs a plugin jar: checks that it is an OSGi bundle with a symbolic name that neither Quire
     * nor an installed plugin already uses (unless {@code force}, which replaces the installed plugin
     * of that name), copies it into the folder under a temporary name and renames it into place as
     * {@code <symbolicName>_<version>.jar} (so a half-copied jar is never loaded), then loads it when
     * a framework is present.
     *
     * @return the new jar's status (whether it resolved and started, and why not)
     * @throws PluginException naming the file and what is wrong; nothing is changed then
     */
    public PluginStatus install(Path jar, boolean force) throws PluginException {
        PluginJar plugin = PluginJar.read(jar);
        if (context != null) {
            for (Bundle b : context.getBundles()) {
                if (plugin.symbolicName().equals(b.getSymbolicName()) && !isPlugin(b)) {
                    throw new PluginException(jar + ": " + plugin.symbolicName() + " is part of Quire itself ("
                            + b.getSymbolicName() + " " + b.getVersion() + "); a plugin cannot replace it");
                }
            }
        }
        List<PluginJar> same = installed().stream().filter(p -> p.symbolicName().equals(plugin.symbolicName())).toList();
        if (!same.isEmpty() && !force) {
            throw new PluginException(plugin.symbolicName() + " is already installed (" + same.get(0).version() + ", "
                    + same.get(0).file().getFileName() + "); use --force to replace it");
        }
        Path target = directory.resolve(plugin.installedFileName());
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, "." + plugin.symbolicName() + "-", ".tmp");
            try {
                Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
                PluginJar.read(tmp); // the copy is intact
                for (PluginJar old : same) {
                    unload(old.file());
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            for (PluginJar old : same) {
                if (!old.file().equals(target)) {
                    Files.deleteIfExists(old.file());
                }
            }
        } catch (IOException e) {
            throw new PluginException("cannot copy " + jar + " into " + directory + ": " + e.getMessage(), e);
        }
        loadJars(List.of(target));
        return statuses.get(target);
    }

    /**
     * Removes the installed plugin with this symbolic name: stops and uninstalls its bundle (when
     * loaded) and deletes its jar.
     *
     * @return the deleted jars (one, unless the folder held several of that name)
     * @throws PluginException when no installed plugin has this symbolic name (the message lists the
     *                         installed ones), or the jar cannot be deleted
     */
    public List<Path> remove(String symbolicName) throws PluginException {
        List<PluginJar> matches = installed().stream().filter(p -> p.symbolicName().equals(symbolicName)).toList();
        if (matches.isEmpty()) {
            List<String> names = installed().stream().map(PluginJar::symbolicName).toList();
            throw new PluginException("no installed plugin is named '" + symbolicName + "'; "
                    + (names.isEmpty() ? "no plugins are installed in " + directory : "installed: " + String.join(", ", names)));
        }
        List<Path> removed = new ArrayList<>();
        for (PluginJar p : matches) {
            unload(p.file());
            try {
                Files.delete(p.file());
            } catch (IOException e) {
                throw new PluginException("cannot delete " + p.file() + ": " + e.getMessage(), e);
            }
            statuses.remove(p.file());
            removed.add(p.file());
        }
        return removed;
    }

    /** The bundle jars in the folder (jars that are not bundles are left out), in name order. */
    public List<PluginJar> installed() {
        List<PluginJar> result = new ArrayList<>();
        try {
            for (Path j : jars()) {
                try {
                    result.add(PluginJar.read(j));
                } catch (PluginException e) {
                    // not a bundle: reported by load() and statuses()
                }
            }
        } catch (IOException e) {
            // an unreadable folder holds no usable plugin; load() reports it
        }
        return result;
    }

    private List<Path> jars() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(directory)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar") && !p.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile).sorted().toList();
        }
    }

    private void loadJars(List<Path> jars) {
        Set<String> seen = new HashSet<>();
        statuses.values().forEach(s -> seen.add(s.symbolicName()));
        List<Path> candidates = new ArrayList<>();
        Map<Path, PluginJar> identities = new LinkedHashMap<>();
        for (Path jar : jars) {
            PluginJar id;
            try {
                id = PluginJar.read(jar);
            } catch (PluginException e) {
                statuses.put(jar, new PluginStatus(name(jar), "", "", PluginStatus.State.INVALID, withoutPath(e.getMessage(), jar)));
                continue;
            }
            if (!seen.add(id.symbolicName())) {
                statuses.put(jar, new PluginStatus(name(jar), id.symbolicName(), id.version(), PluginStatus.State.DUPLICATE,
                        "another jar in " + directory + " already provides " + id.symbolicName() + "; remove one of them"));
                continue;
            }
            identities.put(jar, id);
            candidates.add(jar);
        }
        if (context == null) {
            identities.forEach((jar, id) -> statuses.put(jar, new PluginStatus(name(jar), id.symbolicName(), id.version(),
                    PluginStatus.State.INSTALLED, "")));
            return;
        }
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : candidates) {
            PluginJar id = identities.get(jar);
            Bundle clash = builtIn(id.symbolicName());
            if (clash != null) {
                statuses.put(jar, new PluginStatus(name(jar), id.symbolicName(), id.version(), PluginStatus.State.DUPLICATE,
                        id.symbolicName() + " is part of Quire itself (" + clash.getVersion() + "); this jar is ignored"));
                continue;
            }
            try {
                Bundle b = context.installBundle(REFERENCE + jar.toUri());
                bundles.put(jar, b);
                installed.add(b);
            } catch (BundleException | SecurityException | IllegalStateException e) {
                statuses.put(jar, new PluginStatus(name(jar), id.symbolicName(), id.version(), PluginStatus.State.INVALID,
                        "the framework refused it: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " ")));
            }
        }
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        wiring.resolveBundles(installed);
        for (Path jar : candidates) {
            Bundle b = bundles.get(jar);
            if (b == null || !installed.contains(b)) {
                continue;
            }
            PluginJar id = identities.get(jar);
            statuses.put(jar, start(jar, id, b, wiring));
        }
    }

    private PluginStatus start(Path jar, PluginJar id, Bundle b, FrameworkWiring wiring) {
        if (b.getState() == Bundle.INSTALLED) {
            return new PluginStatus(name(jar), id.symbolicName(), id.version(), PluginStatus.State.UNRESOLVED,
                    ResolutionDiagnosis.explain(b, wiring, null));
        }
        if (id.fragment()) {
            return new PluginStatus(name(jar), id.symbolicName(), id.version(), PluginStatus.State.ACTIVE, "");
        }
        try {
            b.start(Bundle.START_ACTIVATION_POLICY);
            return new PluginStatus(name(jar), id.symbolicName(), id.version(), PluginStatus.State.ACTIVE, "");
        } catch (BundleException e) {
            if (b.getState() == Bundle.INSTALLED) {
                return new PluginStatus(name(jar), id.symbolicName(), id.version(), PluginStatus.State.UNRESOLVED,
                        ResolutionDiagnosis.explain(b, wiring, ResolutionDiagnosis.message(e)));
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new PluginStatus(name(jar), id.symbolicName(), id.version(), PluginStatus.State.FAILED,
                    cause.getClass().getSimpleName() + ": " + String.valueOf(cause.getMessage()).replaceAll("\\s+", " "));
        } catch (IllegalStateException | SecurityException e) {
            return new PluginStatus(name(jar), id.symbolicName(), id.version(), PluginStatus.State.FAILED, String.valueOf(e.getMessage()));
        }
    }

    /** Stops and uninstalls the bundle loaded from this jar, if any (before the jar is replaced or deleted). */
    private void unload(Path jar) {
        Bundle b = bundles.remove(jar);
        if (b == null && context != null) {
            String location = REFERENCE + jar.toUri();
            for (Bundle x : context.getBundles()) {
                if (x.getLocation().equals(location)) {
                    b = x;
                }
            }
        }
        statuses.remove(jar);
        if (b != null && b.getState() != Bundle.UNINSTALLED) {
            try {
                b.uninstall();
                context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(b));
            } catch (BundleException | IllegalStateException e) {
                // it goes with the process; the jar is still replaced or deleted
            }
        }
    }

    private void uninstallDeleted() {
        String prefix = REFERENCE + directory.toUri();
        for (Bundle b : context.getBundles()) {
            String loc = b.getLocation();
            if (loc.startsWith(prefix) && !Files.exists(Path.of(URI.create(loc.substring(REFERENCE.length()))))) {
                try {
                    b.uninstall();
                } catch (BundleException | IllegalStateException e) {
                    // stays installed; 'quire doctor' lists it as an ordinary bundle
                }
            }
        }
    }

    private boolean isPlugin(Bundle b) {
        return b.getLocation().startsWith(REFERENCE + directory.toUri());
    }

    private Bundle builtIn(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName()) && !isPlugin(b)) {
                return b;
            }
        }
        return null;
    }

    private static String name(Path jar) {
        return jar.getFileName().toString();
    }

    private static String withoutPath(String message, Path jar) {
        String prefix = jar + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
