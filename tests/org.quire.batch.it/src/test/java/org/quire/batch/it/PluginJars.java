package org.quire.batch.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds the deliberately broken test plugins under {@code src/test/plugins/<symbolic name>/} into
 * bundle jars at test time, with the JDK's own compiler and jar classes (no bnd, works offline): each
 * folder holds a hand-written {@code META-INF/MANIFEST.MF}, Declarative Services component XML under
 * {@code OSGI-INF/} and Java sources under {@code src/}, compiled against the org.quire.api jar
 * that the build just made.
 */
final class PluginJars {
    static final Path SOURCES = Path.of(System.getProperty("quire.it.plugins", "src/test/plugins")).toAbsolutePath().normalize();
    static final Path API_JAR = Path.of(System.getProperty("quire.api.jar", "missing-quire.api.jar")).toAbsolutePath().normalize();

    private PluginJars() {
    }

    /** Compiles and packages the plugin {@code name} into {@code outDir/<name>.jar}. */
    static Path build(String name, Path outDir) throws IOException {
        Path root = SOURCES.resolve(name);
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("no test plugin sources at " + root);
        }
        if (!Files.isRegularFile(API_JAR)) {
            throw new IllegalStateException("org.quire.api jar not built: " + API_JAR);
        }
        Path classes = Files.createDirectories(outDir.resolve(name + "-classes"));
        List<String> sources;
        try (Stream<Path> s = Files.walk(root.resolve("src"))) {
            sources = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this JVM (a JDK is needed, not a JRE)");
        }
        List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-nowarn", "-classpath", API_JAR.toString(), "-d",
                classes.toString()));
        args.addAll(sources);
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("test plugin " + name + " does not compile:\n" + diagnostics.toString(StandardCharsets.UTF_8));
        }
        Manifest manifest;
        try (InputStream in = Files.newInputStream(root.resolve("META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        Path jar = outDir.resolve(name + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            add(j, root.resolve("OSGI-INF"), "OSGI-INF/");
            add(j, classes, "");
        }
        return jar;
    }

    private static void add(JarOutputStream j, Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            j.putNextEntry(new JarEntry(prefix + dir.relativize(f).toString().replace('\\', '/')));
            Files.copy(f, j);
            j.closeEntry();
        }
    }
}
