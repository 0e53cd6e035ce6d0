package org.quire.batch.it;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds an example plugin the way its author would: a copy of its folder (without {@code target/})
 * built with plain Maven ({@code mvn package}, through the repository's {@code mvnw} so that the
 * Maven version is the project's) against the org.quire.api the reactor just installed in the local
 * repository. Offline first; online only when an artifact is missing from the local repository.
 */
final class MavenBuild {
    static final Path ROOT = Path.of(System.getProperty("quire.root", "../..")).toAbsolutePath().normalize();
    private static final long TIMEOUT_MINUTES = 10;

    private MavenBuild() {
    }

    /** Copies {@code examples/<name>} to {@code workDir/<name>}, runs {@code mvn package} there and returns the bundle jar. */
    static Path packageExample(String name, Path workDir) throws IOException, InterruptedException {
        Path source = ROOT.resolve("examples").resolve(name);
        if (!Files.isRegularFile(source.resolve("pom.xml"))) {
            throw new IllegalStateException("no example project at " + source);
        }
        Path copy = workDir.resolve(name);
        copyWithoutTarget(source, copy);
        String offline = run(copy, true);
        if (offline != null) {
            String online = run(copy, false);
            if (online != null) {
                throw new IllegalStateException("mvn package of " + copy + " failed offline:\n" + offline + "\nand online:\n" + online);
            }
        }
        try (Stream<Path> s = Files.list(copy.resolve("target"))) {
            List<Path> jars = s.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> !p.getFileName().toString().matches(".*-(sources|javadoc|tests)\\.jar")).toList();
            if (jars.size() != 1) {
                throw new IllegalStateException("expected one bundle jar in " + copy.resolve("target") + ", found " + jars);
            }
            return jars.get(0);
        }
    }

    /** Runs Maven; null when it succeeded, else what it printed. */
    private static String run(Path project, boolean offline) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("mvnw").toString(), "-B", "-q"));
        if (offline) {
            cmd.add("-o");
        }
        String repo = System.getProperty("quire.m2");
        if (repo != null && !repo.isBlank()) {
            cmd.add("-Dmaven.repo.local=" + repo);
        }
        cmd.addAll(List.of("-f", project.resolve("pom.xml").toString(), "package"));
        Path log = project.resolve(offline ? "mvn-offline.log" : "mvn-online.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("QUIRE_NO_XVFB", "1");
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return "mvn did not finish within " + TIMEOUT_MINUTES + " minutes";
        }
        return p.exitValue() == 0 ? null : "exit " + p.exitValue() + "\n" + Files.readString(log);
    }

    private static void copyWithoutTarget(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.getFileName().toString().equals("target") && !dir.equals(from)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
