package org.quire.batch;

import java.nio.file.Path;

/**
 * Quire's per-user folder: system property {@code quire.home}, else environment variable
 * {@code QUIRE_HOME}, else {@code ~/.quire}. Plugins live in its {@code plugins} folder.
 */
final class QuireHome {
    private QuireHome() {
    }

    static Path directory() {
        String p = System.getProperty("quire.home");
        if (p == null || p.isBlank()) {
            p = System.getenv("QUIRE_HOME");
        }
        if (p == null || p.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".quire");
        }
        return Path.of(p);
    }

    static Path pluginsDirectory() {
        return directory().resolve("plugins");
    }
}
