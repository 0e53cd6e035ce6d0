package org.quire.workbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoriesTest {

    @TempDir
    Path home;

    private static final Instant T = Instant.parse("2026-03-04T05:06:07.890Z");

    @Test
    void directoriesAreNamedByLocalTimeAndAlgorithm() throws Exception {
        RunDirectories dirs = new RunDirectories(home, ZoneOffset.ofHours(2));

        Path dir = dirs.allocate(T, "test.walk");

        assertThat(dir).isEqualTo(home.resolve("runs/20260304-070607-test.walk"));
        assertThat(Files.isDirectory(home.resolve("runs"))).isTrue();
        assertThat(dir).doesNotExist();
    }

    @Test
    void sameSecondSameAlgorithmGetsNumberedSuffixes() throws Exception {
        RunDirectories dirs = new RunDirectories(home, ZoneOffset.UTC);
        Files.createDirectories(home.resolve("runs/20260304-050607-test.walk-2"));

        Path first = dirs.allocate(T, "test.walk");
        Path second = dirs.allocate(T, "test.walk");
        Path other = dirs.allocate(T, "test.echo");

        assertThat(first.getFileName()).hasToString("20260304-050607-test.walk");
        assertThat(second.getFileName()).as("-2 exists on disk").hasToString("20260304-050607-test.walk-3");
        assertThat(other.getFileName()).hasToString("20260304-050607-test.echo");
    }

    @Test
    void theSystemPropertyChoosesTheHome() {
        String old = System.getProperty(RunDirectories.HOME_PROPERTY);
        try {
            System.setProperty(RunDirectories.HOME_PROPERTY, home.toString());
            assertThat(RunDirectories.fromSystem().root()).isEqualTo(home.resolve("runs"));
            System.clearProperty(RunDirectories.HOME_PROPERTY);
            assertThat(RunDirectories.fromSystem().root())
                    .isEqualTo(Path.of(System.getProperty("user.home"), ".quire", "runs").toAbsolutePath());
        } finally {
            if (old == null) {
                System.clearProperty(RunDirectories.HOME_PROPERTY);
            } else {
                System.setProperty(RunDirectories.HOME_PROPERTY, old);
            }
        }
    }
}
