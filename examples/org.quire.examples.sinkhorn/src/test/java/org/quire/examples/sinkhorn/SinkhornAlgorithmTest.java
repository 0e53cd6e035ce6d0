package org.quire.examples.sinkhorn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.api.InputException;
import org.quire.api.InputFile;
import org.quire.api.SimpleRunContext;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.Result;
import org.quire.api.result.Table;

/** The algorithm as Quire calls it: CSV inputs, parameters, metrics, tables, charts and input errors. */
class SinkhornAlgorithmTest {
    @TempDir
    Path dir;

    static SinkhornAlgorithm.Params params(double reg, String method) {
        return new SinkhornAlgorithm.Params(reg, method, 1e-10, 10_000, 20, 512, 0.01, true);
    }

    private Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private Result run(SinkhornAlgorithm.Params p, Path... files) throws Exception {
        String[] slots = {"source", "target", "cost"};
        List<InputFile> in = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            in.add(new InputFile(slots[i], files[i]));
        }
        return new SinkhornAlgorithm().run(p, in, new SimpleRunContext(1, 2));
    }

    @Test
    void descriptorDeclaresTwoPointSetsAndAnOptionalCostMatrix() {
        var d = new SinkhornAlgorithm().descriptor();
        assertEquals("ot.sinkhorn", d.id());
        assertEquals(2, d.minInputs());
        assertEquals(3, d.maxInputs());
    }

    @Test
    void shiftedPointsAreMatchedToTheirImagesWithBothMethodsCharted() throws Exception {
        // three well separated points and the same points shifted by (0.01, 0): the exact plan is the identity
        Path src = file("source.csv", "x,y\n0,0\n1,0\n0,1\n");
        Path dst = file("target.csv", "x,y,weight\n0.01,0,2\n1.01,0,2\n0.01,1,2\n");
        Result r = run(params(0.01, "sns"), src, dst);
        assertEquals(1e-4, r.metrics().get("transportCost"), 1e-12);   // (0.01)^2 for every point
        assertTrue(r.metrics().get("marginalError") <= 1e-10);
        assertTrue(r.metrics().get("sinkhornIterations") >= 1);
        assertEquals("sns", r.values().get("method"));
        Table map = r.tables().stream().filter(t -> t.name().equals("map")).findFirst().orElseThrow();
        for (int i = 0; i < 3; i++) {
            assertEquals(i, map.columns().get(1).number(i));            // target of source i
            assertEquals(1.0 / 3, map.columns().get(3).number(i), 1e-12); // row mass (weights normalised)
        }
        assertEquals(1.01, map.columns().get(4).number(1), 1e-12);     // barycentric image x of source 1
        ChartSpec conv = r.charts().get(0);
        assertEquals("convergenceChart", conv.name());
        assertTrue(conv.yLog());
        assertEquals(2, conv.series().size());
        assertEquals("mapChart", r.charts().get(1).name());
    }

    @Test
    void aCostMatrixReplacesTheSquaredDistanceAndZeroWeightsAreLeftOut() throws Exception {
        Path src = file("a.csv", "weight\n1\n1\n0\n");
        Path dst = file("b.csv", "weight\n1\n1\n");
        // the cheap assignment is crossed: 0->1, 1->0; the zero-weight third row is ignored
        Path cost = file("c.csv", "t0,t1\n5,1\n1,5\n0,0\n");
        Result r = run(params(0.05, "sinkhorn"), src, dst, cost);
        assertEquals(1.0, r.metrics().get("transportCost"), 1e-8);   // off-plan mass ~ exp(-8/0.05)
        assertEquals(2, r.metrics().get("sources"));
    }

    @Test
    void sameNumbersWithOneOrTwoThreads() throws Exception {
        StringBuilder a = new StringBuilder("x,y\n");
        StringBuilder b = new StringBuilder("x,y\n");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            a.append(rnd.nextDouble()).append(',').append(rnd.nextDouble()).append('\n');
            b.append(rnd.nextDouble()).append(',').append(rnd.nextDouble()).append('\n');
        }
        Path src = file("s.csv", a.toString());
        Path dst = file("t.csv", b.toString());
        List<InputFile> in = List.of(new InputFile("source", src), new InputFile("target", dst));
        Result one = new SinkhornAlgorithm().run(params(0.02, "sns"), in, new SimpleRunContext(1, 1));
        Result two = new SinkhornAlgorithm().run(params(0.02, "sns"), in, new SimpleRunContext(1, 2));
        assertEquals(one.metrics(), two.metrics());
    }

    @Test
    void inputErrorsNameTheFileAndLine() throws Exception {
        Path good = file("good.csv", "x,y\n0,0\n1,1\n");
        InputException dims = assertThrows(InputException.class,
                () -> run(params(0.1, "sns"), good, file("three.csv", "x,y,z\n0,0,0\n")));
        assertTrue(dims.getMessage().contains("three.csv") && dims.getMessage().contains("3 coordinate columns"),
                dims.getMessage());
        InputException negative = assertThrows(InputException.class,
                () -> run(params(0.1, "sns"), good, file("neg.csv", "x,y,weight\n0,0,1\n1,1,-2\n")));
        assertEquals(3, negative.line());
        assertTrue(negative.getMessage().contains("neg.csv:3") && negative.getMessage().contains("negative"),
                negative.getMessage());
        InputException empty = assertThrows(InputException.class,
                () -> run(params(0.1, "sns"), file("empty.csv", ""), good));
        assertTrue(empty.getMessage().contains("empty.csv"), empty.getMessage());
        InputException headerOnly = assertThrows(InputException.class,
                () -> run(params(0.1, "sns"), good, file("header.csv", "x,y\n")));
        assertTrue(headerOnly.getMessage().contains("no points"), headerOnly.getMessage());
        InputException text = assertThrows(InputException.class,
                () -> run(params(0.1, "sns"), good, file("text.csv", "x,y\n0,0\n\n1,one\n")));
        assertEquals(4, text.line());
        assertTrue(text.getMessage().contains("text.csv:4") && text.getMessage().contains("'one'"), text.getMessage());
        InputException zero = assertThrows(InputException.class,
                () -> run(params(0.1, "sns"), good, file("zero.csv", "x,y,weight\n0,0,0\n")));
        assertTrue(zero.getMessage().contains("positive"), zero.getMessage());
        InputException shape = assertThrows(InputException.class,
                () -> run(params(0.1, "sns"), good, good, file("cost.csv", "1,2\n3\n")));
        assertEquals(2, shape.line());
        assertTrue(shape.getMessage().contains("cost.csv:2"), shape.getMessage());
    }
}
