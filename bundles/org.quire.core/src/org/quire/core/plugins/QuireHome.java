package org.quire.core.plugins;

import java.nio.file.Path;

/**
 * Quire's per-user folder: system property {@code quire.home}, else environment variable
 * {@code QUIRE_HOME}, else {@code ~/.quire}. Plugins live in its {@code plugins} folder.
 */
public final class QuireHome {
    /** System property that overrides the home folder. */
    public static final String HOME_PROPERTY = "quire.home";

    private QuireHome() {
    }

    /** The Quire home folder (may not exist yet). */
    public static Path directory() {
        String p = System.getProperty(HOME_PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv("QUIRE_HOME");
        }
        if (p == null || p.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".quire");
        }
        return Path.of(p);
    }

    /** The plugins folder under the home. */
    public static Path pluginsDirectory() {
        return directory().resolve("plugins");
    }
}
