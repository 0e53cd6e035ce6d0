package org.quire.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/** Installs generated plugin jars into the running test framework. */
class PluginFolderTest {
    @TempDir
    Path plugins;

    private final BundleContext context = FrameworkUtil.getBundle(PluginFolderTest.class).getBundleContext();

    @AfterEach
    void uninstallTestBundles() throws Exception {
        for (Bundle b : context.getBundles()) {
            if (b.getLocation().startsWith("reference:" + plugins.toUri())) {
                b.uninstall();
            }
        }
    }

    @Test
    void goodBundlesStartAndBadOnesAreReportedInWordsWhileTheRestLoads() throws Exception {
        bundleJar("a-good.jar", "org.example.good", null);
        bundleJar("b-missing.jar", "org.example.missing", "org.example.nowhere;version=\"[1,2)\"");
        Files.writeString(plugins.resolve("c-garbage.jar"), "this is not a zip file");
        Files.writeString(plugins.resolve("notes.txt"), "ignored: not a jar");

        PluginFolder folder = new PluginFolder(context, plugins);
        folder.load();
        List<PluginStatus> s = folder.statuses();

        assertThat(s).extracting(PluginStatus::file).containsExactlyInAnyOrder("a-good.jar", "b-missing.jar", "c-garbage.jar");
        PluginStatus good = find(s, "a-good.jar");
        assertThat(good.active()).isTrue();
        assertThat(good.bundle()).isEqualTo("org.example.good 1.2.3");
        assertThat(good.problem()).isEmpty();
        PluginStatus missing = find(s, "b-missing.jar");
        assertThat(missing.active()).isFalse();
        assertThat(missing.problem()).startsWith("does not resolve").contains("org.example.nowhere");
        PluginStatus garbage = find(s, "c-garbage.jar");
        assertThat(garbage.active()).isFalse();
        assertThat(garbage.problem()).startsWith("not an OSGi bundle");
        assertThat(installed("org.example.good").getState()).isIn(Bundle.ACTIVE, Bundle.STARTING);
    }

    @Test
    void bundlesWhoseJarWasDeletedAreUninstalledOnTheNextLoad() throws Exception {
        Path jar = bundleJar("gone.jar", "org.example.gone", null);
        new PluginFolder(context, plugins).load();
        assertThat(installed("org.example.gone")).isNotNull();
        Files.delete(jar);
        PluginFolder again = new PluginFolder(context, plugins);
        again.load();
        assertThat(installed("org.example.gone")).isNull();
        assertThat(again.statuses()).isEmpty();
    }

    @Test
    void aMissingFolderIsNoPlugins() {
        PluginFolder folder = new PluginFolder(context, plugins.resolve("absent"));
        folder.load();
        assertThat(folder.statuses()).isEmpty();
    }

    private Bundle installed(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    private static PluginStatus find(List<PluginStatus> s, String file) {
        return s.stream().filter(p -> p.file().equals(file)).findFirst().orElseThrow();
    }

    private Path bundleJar(String file, String symbolicName, String importPackage) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", "1.2.3");
        if (importPackage != null) {
            a.putValue("Import-Package", importPackage);
        }
        Path jar = plugins.resolve(file);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        return jar;
    }
}
