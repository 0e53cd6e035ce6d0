package org.quire.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/** Installs, loads and removes generated plugin jars in the running test framework. */
class PluginFolderTest {
    @TempDir
    Path plugins;
    @TempDir
    Path elsewhere;

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
        bundleJar(plugins, "a-good.jar", "org.example.good", Map.of());
        bundleJar(plugins, "b-missing.jar", "org.example.missing", Map.of("Import-Package", "org.example.nowhere;version=\"[1,2)\""));
        Files.writeString(plugins.resolve("c-garbage.jar"), "this is not a zip file");
        Files.writeString(plugins.resolve("notes.txt"), "ignored: not a jar");

        PluginFolder folder = new PluginFolder(context, plugins);
        folder.load();
        List<PluginStatus> s = folder.statuses();

        assertThat(s).extracting(PluginStatus::file).containsExactly("a-good.jar", "b-missing.jar", "c-garbage.jar");
        PluginStatus good = find(s, "a-good.jar");
        assertThat(good.state()).isEqualTo(PluginStatus.State.ACTIVE);
        assertThat(good.bundle()).isEqualTo("org.example.good 1.2.3");
        assertThat(good.problem()).isEmpty();
        PluginStatus missing = find(s, "b-missing.jar");
        assertThat(missing.state()).isEqualTo(PluginStatus.State.UNRESOLVED);
        assertThat(missing.problem()).isEqualTo("needs package org.example.nowhere [1.0.0,2.0.0) which no installed bundle exports");
        PluginStatus garbage = find(s, "c-garbage.jar");
        assertThat(garbage.state()).isEqualTo(PluginStatus.State.INVALID);
        assertThat(garbage.problem()).startsWith("not a readable jar");
        assertThat(installed("org.example.good").getState()).isIn(Bundle.ACTIVE, Bundle.STARTING);
    }

    @Test
    void aMissingBundleAndAProviderThatDoesNotResolveAreNamed() throws Exception {
        bundleJar(plugins, "lib.jar", "org.example.lib", Map.of("Export-Package", "org.example.lib;version=\"1.5.0\"",
                "Require-Bundle", "org.example.absent;bundle-version=\"[2.0,3.0)\""));
        bundleJar(plugins, "user.jar", "org.example.user", Map.of("Import-Package", "org.example.lib;version=\"[1.0,2)\""));
        PluginFolder folder = new PluginFolder(context, plugins);
        folder.load();
        assertThat(find(folder.statuses(), "lib.jar").problem())
                .isEqualTo("needs bundle org.example.absent [2.0.0,3.0.0) which is not installed");
        assertThat(find(folder.statuses(), "user.jar").problem())
                .isEqualTo("needs package org.example.lib [1.0.0,2.0.0), provided only by org.example.lib, which does not resolve itself");
    }

    @Test
    void installCopiesUnderItsNameValidatesAndRefusesDuplicatesUnlessForced() throws Exception {
        Path v1 = bundleJar(elsewhere, "my-plugin.jar", "org.example.installed", Map.of());
        PluginFolder folder = new PluginFolder(context, plugins);
        folder.load();
        PluginStatus s = folder.install(v1, false);
        assertThat(s.state()).isEqualTo(PluginStatus.State.ACTIVE);
        assertThat(s.file()).isEqualTo("org.example.installed_1.2.3.jar");
        assertThat(plugins.resolve("org.example.installed_1.2.3.jar")).hasSameBinaryContentAs(v1);
        assertThat(installed("org.example.installed")).isNotNull();

        assertThatThrownBy(() -> folder.install(v1, false)).isInstanceOf(PluginException.class)
                .hasMessageContaining("org.example.installed is already installed").hasMessageContaining("--force");

        Path v2 = bundleJar(elsewhere, "my-plugin-2.jar", "org.example.installed", Map.of("Bundle-Version", "2.0.0"));
        PluginStatus replaced = new PluginFolder(context, plugins).install(v2, true);
        assertThat(replaced.version()).isEqualTo("2.0.0");
        assertThat(names(plugins)).containsExactly("org.example.installed_2.0.0.jar");
        assertThat(installed("org.example.installed").getVersion().toString()).isEqualTo("2.0.0");
    }

    @Test
    void installRejectsWhatIsNotAPluginAndChangesNothing() throws Exception {
        PluginFolder folder = new PluginFolder(context, plugins);
        Path plain = elsewhere.resolve("plain.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = Files.newOutputStream(plain); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        assertThatThrownBy(() -> folder.install(plain, false)).isInstanceOf(PluginException.class)
                .hasMessageContaining("plain.jar").hasMessageContaining("no Bundle-SymbolicName");
        Path text = Files.writeString(elsewhere.resolve("text.jar"), "not a jar");
        assertThatThrownBy(() -> folder.install(text, false)).hasMessageContaining("not a readable jar");
        assertThatThrownBy(() -> folder.install(elsewhere.resolve("absent.jar"), false)).hasMessageContaining("no such file");
        Path core = bundleJar(elsewhere, "core.jar", "org.quire.core", Map.of());
        assertThatThrownBy(() -> folder.install(core, true)).hasMessageContaining("part of Quire itself");
        assertThat(names(plugins)).isEmpty();
    }

    @Test
    void removeUninstallsAndDeletesByNameAndSaysWhatIsInstalledOtherwise() throws Exception {
        Path jar = bundleJar(elsewhere, "r.jar", "org.example.removable", Map.of());
        PluginFolder folder = new PluginFolder(context, plugins);
        folder.install(jar, false);
        assertThatThrownBy(() -> folder.remove("org.example.other")).isInstanceOf(PluginException.class)
                .hasMessageContaining("no installed plugin is named 'org.example.other'").hasMessageContaining("org.example.removable");
        assertThat(folder.remove("org.example.removable")).extracting(p -> p.getFileName().toString())
                .containsExactly("org.example.removable_1.2.3.jar");
        assertThat(names(plugins)).isEmpty();
        assertThat(installed("org.example.removable")).isNull();
        assertThat(folder.statuses()).isEmpty();
    }

    @Test
    void withoutAFrameworkJarsAreListedAsInstalled() throws Exception {
        bundleJar(plugins, "x.jar", "org.example.x", Map.of());
        bundleJar(plugins, "y.jar", "org.example.x", Map.of());
        PluginFolder folder = new PluginFolder(null, plugins);
        folder.load();
        assertThat(folder.statuses()).extracting(PluginStatus::state)
                .containsExactly(PluginStatus.State.INSTALLED, PluginStatus.State.DUPLICATE);
        assertThat(folder.statuses().get(1).problem()).contains("already provides org.example.x");
    }

    @Test
    void bundlesWhoseJarWasDeletedAreUninstalledOnTheNextLoad() throws Exception {
        Path jar = bundleJar(plugins, "gone.jar", "org.example.gone", Map.of());
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
        assertThat(folder.installed()).isEmpty();
    }

    @Test
    void versionRangesReadFromFiltersInIntervalNotation() {
        assertThat(ResolutionDiagnosis.range("(&(osgi.wiring.package=a)(version>=1.0.0)(!(version>=2.0.0)))")).isEqualTo("[1.0.0,2.0.0)");
        assertThat(ResolutionDiagnosis.range("(&(osgi.wiring.package=a)(!(version<=1.0.0))(version<=2.0.0))")).isEqualTo("(1.0.0,2.0.0]");
        assertThat(ResolutionDiagnosis.range("(&(osgi.wiring.package=a)(version>=1.2.0))")).isEqualTo("1.2.0 or later");
        assertThat(ResolutionDiagnosis.range("(osgi.wiring.package=a)")).isEmpty();
    }

    private Bundle installed(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName()) && b.getState() != Bundle.UNINSTALLED) {
                return b;
            }
        }
        return null;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static PluginStatus find(List<PluginStatus> s, String file) {
        return s.stream().filter(p -> p.file().equals(file)).findFirst().orElseThrow();
    }

    static Path bundleJar(Path dir, String file, String symbolicName, Map<String, String> headers) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", "1.2.3");
        headers.forEach(a::putValue);
        Path jar = dir.resolve(file);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        return jar;
    }
}
