package org.quire.core.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The identity of a plugin jar, read from its manifest without loading it. Immutable.
 *
 * @param file         the jar
 * @param symbolicName {@code Bundle-SymbolicName} without directives
 * @param version      {@code Bundle-Version} (0.0.0 when absent)
 * @param name         {@code Bundle-Name}, or the symbolic name
 * @param fragment     whether it is a fragment ({@code Fragment-Host})
 */
public record PluginJar(Path file, String symbolicName, String version, String name, boolean fragment) {

    public PluginJar {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Reads a jar's OSGi identity.
     *
     * @throws PluginException naming the file when it is missing, not a readable jar, has no manifest,
     *                         or has no {@code Bundle-SymbolicName} (then it is a plain jar, not a bundle)
     */
    public static PluginJar read(Path file) throws PluginException {
        if (!Files.isRegularFile(file)) {
            throw new PluginException(file + ": no such file");
        }
        Manifest manifest;
        try (JarFile jar = new JarFile(file.toFile())) {
            manifest = jar.getManifest();
        } catch (IOException | SecurityException e) {
            throw new PluginException(file + ": not a readable jar (" + e.getMessage() + ")", e);
        }
        if (manifest == null) {
            throw new PluginException(file + ": not an OSGi bundle (the jar has no META-INF/MANIFEST.MF)");
        }
        Attributes a = manifest.getMainAttributes();
        String bsn = a.getValue("Bundle-SymbolicName");
        if (bsn == null || bsn.isBlank()) {
            throw new PluginException(file + ": not an OSGi bundle (its manifest has no Bundle-SymbolicName;"
                    + " build it with bnd-maven-plugin or Tycho, see the plugin template)");
        }
        String symbolicName = bsn.split(";", 2)[0].trim();
        if (!symbolicName.matches("[A-Za-z0-9_.-]+")) {
            throw new PluginException(file + ": Bundle-SymbolicName '" + symbolicName + "' is not a valid symbolic name");
        }
        String version = a.getValue("Bundle-Version");
        version = version == null || version.isBlank() ? "0.0.0" : version.trim();
        if (!version.matches("\\d+(\\.\\d+(\\.\\d+(\\.[A-Za-z0-9_-]+)?)?)?")) {
            throw new PluginException(file + ": Bundle-Version '" + version + "' is not an OSGi version (major.minor.micro.qualifier)");
        }
        String name = a.getValue("Bundle-Name");
        return new PluginJar(file, symbolicName, version, name == null || name.isBlank() ? symbolicName : name.trim(),
                a.getValue("Fragment-Host") != null);
    }

    /** The file name it is installed under: {@code <symbolicName>_<version>.jar}. */
    public String installedFileName() {
        return symbolicName + "_" + version + ".jar";
    }
}
