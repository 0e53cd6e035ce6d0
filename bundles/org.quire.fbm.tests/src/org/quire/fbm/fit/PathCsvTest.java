package org.quire.fbm.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.api.InputException;

/** The fbm.fit CSV format: one column per path, optional time column, and clear errors naming file, line and column. */
class PathCsvTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path f = dir.resolve("data.csv");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsPathsAndATimeColumn() throws Exception {
        PathData d = PathCsv.read(write("a,time,b\n1,0.0,5\n2,0.5,6\n\n4,1.5,7\n"), "");
        assertThat(d.names()).containsExactly("a", "b");
        assertThat(d.times()).containsExactly(0.0, 0.5, 1.5);
        assertThat(d.values()[0]).containsExactly(1, 2, 4);
        assertThat(d.values()[1]).containsExactly(5, 6, 7);
        assertThat(d.equallySpacedTimes()).isFalse();
    }

    @Test
    void withoutTimeColumnRowsAreEquallySpaced() throws Exception {
        PathData d = PathCsv.read(write("x\n1\n2\n3\n"), "");
        assertThat(d.times()).containsExactly(0, 1, 2);
        assertThat(d.equallySpacedTimes()).isTrue();
    }

    @Test
    void namedTimeColumn() throws Exception {
        PathData d = PathCsv.read(write("s,x\n0,1\n2,2\n4,3\n"), "s");
        assertThat(d.times()).containsExactly(0, 2, 4);
        assertThatThrownBy(() -> PathCsv.read(write("s,x\n0,1\n2,2\n4,3\n"), "when"))
                .isInstanceOf(InputException.class).hasMessageContaining("data.csv:1").hasMessageContaining("'when'");
    }

    @Test
    void badInputsNameTheFileLineAndProblem() throws Exception {
        assertError("", 1, "empty");
        assertError("x\n", 2, "at least 3 data rows");
        assertError("x\n1.0\n", 2, "at least 3 data rows");
        assertError("x,y\n1,2\n3,abc\n4,5\n", 3, "column 'y': expected a number, found 'abc'");
        assertError("x\n1\nNaN\n3\n", 3, "expected a finite number");
        assertError("x,y\n1,2\n3\n4,5\n", 3, "expected 2 fields");
        assertError("t,x\n0,1\n1,2\n1,3\n", 4, "times must increase strictly");
        assertError("1.5,2\n1,2\n", 1, "header row");
        assertError("t\n0\n1\n2\n", 1, "no path column");
    }

    private void assertError(String text, int line, String fragment) throws IOException {
        Path f = write(text);
        assertThatThrownBy(() -> PathCsv.read(f, "")).isInstanceOf(InputException.class)
                .hasMessageContaining("data.csv:" + line + ":").hasMessageContaining(fragment)
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(line));
    }
}
