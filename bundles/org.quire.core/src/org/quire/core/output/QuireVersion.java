package org.quire.core.output;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The version of Quire's core bundle, for provenance: the OSGi bundle version when running in a
 * framework, else the jar manifest's {@code Bundle-Version} or {@code Implementation-Version}, else
 * {@code "unknown"}. Computed once; thread-safe.
 */
final class QuireVersion {

    private static volatile String cached;

    private QuireVersion() {
    }

    /** The version text, never null. */
    static String get() {
        String v = cached;
        if (v == null) {
            v = lookUp();
            cached = v;
        }
        return v;
    }

    private static String lookUp() {
        try {
            String v = Osgi.bundleVersion();
            if (v != null) {
                return v;
            }
        } catch (LinkageError e) {
            // not in an OSGi framework (no org.osgi.framework on the class path): plain jar
        }
        Package p = QuireVersion.class.getPackage();
        if (p != null && p.getImplementationVersion() != null) {
            return p.getImplementationVersion();
        }
        String fromJar = jarBundleVersion();
        return fromJar != null ? fromJar : "unknown";
    }

    private static String jarBundleVersion() {
        try {
            CodeSource cs = QuireVersion.class.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null) {
                return null;
            }
            Path location = Path.of(cs.getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                return null;
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                Manifest m = jar.getManifest();
                return m == null ? null : m.getMainAttributes().getValue("Bundle-Version");
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** Isolates the OSGi classes so that a plain class path without them only fails inside the try above. */
    private static final class Osgi {
        static String bundleVersion() {
            org.osgi.framework.Bundle b = org.osgi.framework.FrameworkUtil.getBundle(QuireVersion.class);
            return b == null ? null : b.getVersion().toString();
        }
    }
}
