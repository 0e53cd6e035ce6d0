package org.quire.batch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The surface family through the real command line of the batch product: exact closest points on a closed and an open
 * mesh against hand-computed answers, bad meshes exiting 3 with the file named, and a tiny CSP fit on the analytic
 * sphere whose model.csv feeds surface.predict, surface.render and surface.mesh; the fit is identical for 1 and 2
 * threads. The acceptance training runs (minutes) are in bench/surface, not here.
 */
class SurfaceCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;
    static QuireProcess quire;

    @BeforeAll
    static void install() throws IOException {
        quire = new QuireProcess(QuireProcess.homeWithTestAlgorithms(root), root);
        // unit cube [0, 1]^3, 12 triangles, outward
        Files.writeString(root.resolve("cube.obj"), String.join("\n",
                "v 0 0 0", "v 1 0 0", "v 1 1 0", "v 0 1 0", "v 0 0 1", "v 1 0 1", "v 1 1 1", "v 0 1 1",
                "f 1 3 2", "f 1 4 3", "f 5 6 7", "f 5 7 8", "f 1 2 6", "f 1 6 5",
                "f 2 3 7", "f 2 7 6", "f 3 4 8", "f 3 8 7", "f 4 1 5", "f 4 5 8", "") + "\n");
        // open square z = 0 over [0, 1]^2, two triangles
        Files.writeString(root.resolve("square.obj"), "v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nf 1 2 3\nf 1 3 4\n");
        Files.writeString(root.resolve("queries.csv"), "x,y,z\n2,0.5,0.5\n0.5,0.5,0.2\n2,2,2\n0.25,0.75,-3\n-1,0.5,0.5\n");
        Files.writeString(root.resolve("degenerate.obj"), "v 0 0 0\nv 1 0 0\nv 2 0 0\nf 1 2 3\n");
        Files.writeString(root.resolve("nan.obj"), "v 0 0 0\nv 1 0 nan\nv 0 1 0\nf 1 2 3\n");
        Files.writeString(root.resolve("empty.obj"), "v 0 0 0\nv 1 0 0\n");
    }

    private static List<String> lines(String dir, String file) throws IOException {
        return Files.readAllLines(root.resolve(dir).resolve(file));
    }

    private static double[] row(List<String> lines, int i) {
        String[] f = lines.get(i).split(",");
        double[] v = new double[f.length];
        for (int k = 0; k < f.length; k++) {
            v[k] = Double.parseDouble(f[k]);
        }
        return v;
    }

    private static JsonNode metrics(String dir) throws IOException {
        return JSON.readTree(root.resolve(dir).resolve("results.json").toFile()).get("metrics");
    }

    @Test
    void closestPointsOnAClosedAndAnOpenMeshMatchHandComputedAnswers() throws Exception {
        QuireProcess.Outcome o = quire.run("run", "surface.closest", "--input", "cube.obj", "--input", "queries.csv", "-q",
                "--out", "cube");
        assertThat(o.exit()).as(o.toString()).isZero();
        List<String> c = lines("cube", "closest.csv");
        assertThat(c.get(0)).isEqualTo("x,y,z,px,py,pz,distance");
        double[][] expected = {
            {2, 0.5, 0.5, 1, 0.5, 0.5, 1},
            {0.5, 0.5, 0.2, 0.5, 0.5, 0, 0.2},
            {2, 2, 2, 1, 1, 1, Math.sqrt(3)},
            {0.25, 0.75, -3, 0.25, 0.75, 0, 3},
            {-1, 0.5, 0.5, 0, 0.5, 0.5, 1}};
        for (int i = 0; i < expected.length; i++) {
            double[] r = row(c, i + 1);
            for (int k = 0; k < 7; k++) {
                assertThat(r[k]).as("cube row " + (i + 1) + " column " + k).isCloseTo(expected[i][k], within(1e-12));
            }
        }
        assertThat(metrics("cube").get("boundaryEdges").asInt()).isZero();
        o = quire.run("run", "surface.closest", "--input", "square.obj", "--input", "queries.csv", "-q", "--out", "square");
        assertThat(o.exit()).as(o.toString()).isZero();
        List<String> s = lines("square", "closest.csv");
        double[][] open = {
            {2, 0.5, 0.5, 1, 0.5, 0, Math.sqrt(1.25)},
            {0.5, 0.5, 0.2, 0.5, 0.5, 0, 0.2},
            {2, 2, 2, 1, 1, 0, Math.sqrt(6)},
            {0.25, 0.75, -3, 0.25, 0.75, 0, 3},
            {-1, 0.5, 0.5, 0, 0.5, 0, Math.sqrt(1.25)}};
        for (int i = 0; i < open.length; i++) {
            double[] r = row(s, i + 1);
            for (int k = 0; k < 7; k++) {
                assertThat(r[k]).as("square row " + (i + 1) + " column " + k).isCloseTo(open[i][k], within(1e-12));
            }
        }
        assertThat(metrics("square").get("boundaryEdges").asInt()).isEqualTo(4);
        assertThat(root.resolve("square").resolve("closestChart.png")).exists();
    }

    @Test
    void badMeshesExit3NamingTheFile() throws Exception {
        for (String bad : new String[] {"degenerate.obj", "nan.obj", "empty.obj"}) {
            QuireProcess.Outcome o = quire.run("run", "surface.closest", "--input", bad, "--input", "queries.csv", "--out",
                    "bad-" + bad);
            assertThat(o.exit()).as(bad + ": " + o).isEqualTo(3);
            assertThat(o.err()).as(bad).contains(bad);
        }
        QuireProcess.Outcome o = quire.run("run", "surface.fit", "--param", "source=mesh", "--param", "preset=tiny", "--out", "nomesh");
        assertThat(o.exit()).as(o.toString()).isEqualTo(2);
    }

    @Test
    void tinyFitFeedsPredictRenderAndMeshAndIsThreadIndependent() throws Exception {
        String[] fit = {"run", "surface.fit", "--param", "source=sphere", "--param", "preset=tiny", "--param", "queries=5000",
            "--param", "reference=5000", "--param", "learningRate=0.003", "--seed", "7", "-q"};
        QuireProcess.Outcome f1 = quire.run(concat(fit, "--threads", "1", "--out", "fit1"));
        assertThat(f1.exit()).as(f1.toString()).isZero();
        QuireProcess.Outcome f2 = quire.run(concat(fit, "--threads", "2", "--out", "fit2"));
        assertThat(f2.exit()).as(f2.toString()).isZero();
        assertThat(Files.readAllBytes(root.resolve("fit2/model.csv"))).isEqualTo(Files.readAllBytes(root.resolve("fit1/model.csv")));
        JsonNode m = metrics("fit1");
        for (String name : new String[] {"cspError", "udfError", "jacobianNormalCos", "forwardNormalCos", "chamferL1", "chamferL2"}) {
            assertThat(m.has(name)).as(name).isTrue();
        }
        assertThat(m.get("cspError").asDouble()).isLessThan(0.05);
        assertThat(root.resolve("fit1/lossChart.png")).exists();
        assertThat(root.resolve("fit1/loss.csv")).exists();
        assertThat(lines("fit1", "model.csv").get(0)).isEqualTo("tensor,row,col,value");

        QuireProcess.Outcome p = quire.run("run", "surface.predict", "--input", "fit1/model.csv", "--input", "queries.csv", "-q",
                "--out", "predict");
        assertThat(p.exit()).as(p.toString()).isZero();
        List<String> pred = lines("predict", "predicted.csv");
        assertThat(pred.get(0)).isEqualTo("x,y,z,px,py,pz,nx,ny,nz");
        assertThat(pred).hasSize(6);
        for (int i = 1; i < pred.size(); i++) {
            double[] r = row(pred, i);
            assertThat(Math.sqrt(r[6] * r[6] + r[7] * r[7] + r[8] * r[8])).isCloseTo(1.0, within(1e-9));
        }

        QuireProcess.Outcome r = quire.run("run", "surface.render", "--input", "fit1/model.csv", "--param", "resolution=64", "-q",
                "--out", "render");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(root.resolve("render/render.png")).exists();
        assertThat(metrics("render").get("hitPixels").asDouble()).isGreaterThan(100);

        QuireProcess.Outcome a = quire.run("run", "surface.analytic", "--param", "shape=torus", "--param", "resolution=64", "-q",
                "--out", "torus");
        assertThat(a.exit()).as(a.toString()).isZero();
        assertThat(root.resolve("torus/analytic.ply")).exists();
        QuireProcess.Outcome rm = quire.run("run", "surface.render", "--input", "torus/analytic.ply", "--param", "resolution=64",
                "--param", "method=raycast", "-q", "--out", "render-mesh");
        assertThat(rm.exit()).as(rm.toString()).isZero();
        assertThat(metrics("render-mesh").get("hitPixels").asDouble()).isGreaterThan(100);

        QuireProcess.Outcome me = quire.run("run", "surface.mesh", "--input", "fit1/model.csv", "--param", "resolution=32",
                "--param", "samples=2000", "-q", "--out", "mesh");
        assertThat(me.exit()).as(me.toString()).isZero();
        assertThat(root.resolve("mesh/shell.ply")).exists();
        assertThat(root.resolve("mesh/projected.ply")).exists();
        assertThat(metrics("mesh").get("chamferL1").asDouble()).isPositive();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
