package org.quire.core.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quire.core.output.OutputFixtures.names;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path tmp;

    @Test
    void replacesTheTargetAndLeavesNothingElse() throws IOException {
        Files.writeString(tmp.resolve("a.txt"), "old");
        AtomicFiles.writeText(tmp, "a.txt", "new ü");
        assertThat(Files.readString(tmp.resolve("a.txt"), StandardCharsets.UTF_8)).isEqualTo("new ü");
        assertThat(names(tmp)).containsExactly("a.txt");
    }

    @Test
    void aFailingWriterKeepsTheOldFileAndDeletesTheTemporaryOne() throws IOException {
        Files.writeString(tmp.resolve("a.txt"), "old");
        assertThatThrownBy(() -> AtomicFiles.write(tmp, "a.txt", out -> {
            out.write("partial".getBytes(StandardCharsets.US_ASCII));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(Files.readString(tmp.resolve("a.txt"))).isEqualTo("old");
        assertThat(names(tmp)).containsExactly("a.txt");
    }

    @Test
    void aWriterThatClosesTheStreamStillProducesTheFile() throws IOException {
        AtomicFiles.write(tmp, "b.bin", out -> {
            out.write(new byte[] {1, 2, 3});
            out.close();
        });
        assertThat(Files.readAllBytes(tmp.resolve("b.bin"))).containsExactly(1, 2, 3);
        assertThat(names(tmp)).containsExactly("b.bin");
    }

    @Test
    void temporaryNamesAreRecognised() {
        assertThat(AtomicFiles.isTemporary(".run.json.tmp-0a1b2c3d4e5f")).isTrue();
        assertThat(AtomicFiles.isTemporary("run.json")).isFalse();
    }
}
