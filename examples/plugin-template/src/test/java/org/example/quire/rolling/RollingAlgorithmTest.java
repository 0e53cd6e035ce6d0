package org.example.quire.rolling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.api.AlgorithmDescriptor;
import org.quire.api.InputException;
import org.quire.api.InputFile;
import org.quire.api.SimpleRunContext;
import org.quire.api.result.Result;
import org.quire.api.result.Table;

/** The algorithm as Quire calls it: a parameter record, input files and a run context, here without OSGi. */
class RollingAlgorithmTest {
    @TempDir
    Path dir;

    private Result run(String csv, RollingAlgorithm.Params p, SimpleRunContext ctx) throws Exception {
        Path f = dir.resolve("series.csv");
        Files.writeString(f, csv);
        return new RollingAlgorithm().run(p, List.of(new InputFile("series", f)), ctx);
    }

    @Test
    void descriptorComesFromTheAnnotations() {
        AlgorithmDescriptor d = new RollingAlgorithm().descriptor();
        assertEquals("example.rolling", d.id());
        assertEquals("example", d.family());
    }

    @Test
    void namedColumnTrailingWindow() throws Exception {
        SimpleRunContext ctx = new SimpleRunContext(1, 1);
        Result r = run("t,temperature\n0,10\n1,12\n\n2,17\n3,13\n",
                new RollingAlgorithm.Params("Temperature", 2, false), ctx);
        Table t = r.tables().get(0);
        assertEquals("rolling", t.name());
        assertArrayEquals(new double[] {10, 11, 14.5, 15}, t.columns().get(2).numbers(), 1e-15);
        assertArrayEquals(new double[] {0, 1, 2.5, 2}, t.columns().get(3).numbers(), 1e-15);
        assertEquals(4, r.metrics().get("rows"));
        assertEquals(13, r.metrics().get("seriesMean"), 1e-15);
        assertEquals(Math.sqrt((9 + 1 + 16 + 0) / 4.0), r.metrics().get("seriesStd"), 1e-15);
        assertEquals(2.5, r.metrics().get("maxDeviation"), 1e-15);   // row 3: 17 - 14.5
        assertEquals("rollingChart", r.charts().get(0).name());
        assertTrue(ctx.warnings().isEmpty());
    }

    @Test
    void emptyColumnNameTakesTheLastColumnAndWarnsAboutALongWindow() throws Exception {
        SimpleRunContext ctx = new SimpleRunContext(1, 1);
        Result r = run("a,b\n1,2\n3,4\n", new RollingAlgorithm.Params("", 3, false), ctx);
        assertEquals("b", r.values().get("column"));
        assertArrayEquals(new double[] {2, 3}, r.tables().get(0).columns().get(2).numbers(), 1e-15);
        assertEquals(1, ctx.warnings().size());
    }

    @Test
    void aCellThatIsNotANumberNamesFileAndLine() {
        InputException e = assertThrows(InputException.class,
                () -> run("x\n1\n2\nabc\n", new RollingAlgorithm.Params("x", 2, false), new SimpleRunContext(1, 1)));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("series.csv:4") && e.getMessage().contains("'abc'"), e.getMessage());
    }

    @Test
    void missingColumnAndEmptyFileAreInputErrors() {
        InputException missing = assertThrows(InputException.class,
                () -> run("x,y\n1,2\n", new RollingAlgorithm.Params("z", 2, false), new SimpleRunContext(1, 1)));
        assertTrue(missing.getMessage().contains("no column 'z'"), missing.getMessage());
        assertThrows(InputException.class, () -> run("", new RollingAlgorithm.Params("", 2, false), new SimpleRunContext(1, 1)));
        assertThrows(InputException.class, () -> run("x\n", new RollingAlgorithm.Params("", 2, false), new SimpleRunContext(1, 1)));
    }
}
