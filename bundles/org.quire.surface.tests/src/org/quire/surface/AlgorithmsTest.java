package org.quire.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.api.InputException;
import org.quire.api.InputFile;
import org.quire.api.SimpleRunContext;
import org.quire.api.params.ParameterException;
import org.quire.api.result.Result;
import org.quire.api.result.Table;
import org.quire.geometry.TriangleMesh;
import org.quire.surface.analytic.AnalyticShapes;
import org.quire.surface.analytic.AnalyticSurface;

/**
 * The six algorithms end to end through {@code run}: exact closest points against brute force, bad meshes, the
 * analytic sources, and a tiny fit whose model file feeds predict, render and mesh; fits are identical for one and two
 * threads.
 */
class AlgorithmsTest {

    @TempDir
    static Path dir;
    static Path sphereObj;
    static Path queries;
    static Path modelCsv;
    static Result fit;

    @BeforeAll
    static void fitTinyModel() throws Exception {
        sphereObj = TestFiles.obj(dir, "sphere.obj", AnalyticShapes.byName("sphere").mesh(24));
        SplittableRandom r = new SplittableRandom(2);
        double[] q = new double[3 * 300];
        for (int i = 0; i < q.length; i++) {
            q[i] = r.nextDouble(-0.5, 0.5);
        }
        queries = TestFiles.queries(dir, "queries.csv", q);
        fit = new FitAlgorithm().run(fitParams("sphere", "tiny"), List.of(), new SimpleRunContext(5, 2));
        modelCsv = TestFiles.csv(dir, table(fit, "model"));
    }

    static FitAlgorithm.Params fitParams(String source, String preset) {
        return new FitAlgorithm.Params(source, preset, 64, 4, 2000, 1024, 3e-3, "cosine", false, 5000, 5000, "exact", 0.0158, 0.005);
    }

    static Table table(Result r, String name) {
        return r.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    static double[] column(Table t, String name) {
        return t.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().numbers();
    }

    /** Independent squared distance to a triangle: plane projection if inside, else the nearest edge point. */
    static double bruteForceDistance(TriangleMesh m, double x, double y, double z) {
        double[] v = m.verticesView();
        int[] t = m.trianglesView();
        double best = Double.POSITIVE_INFINITY;
        for (int f = 0; f < m.triangleCount(); f++) {
            double[][] c = new double[3][];
            for (int k = 0; k < 3; k++) {
                c[k] = new double[] {v[3 * t[3 * f + k]], v[3 * t[3 * f + k] + 1], v[3 * t[3 * f + k] + 2]};
            }
            double[] e1 = sub(c[1], c[0]);
            double[] e2 = sub(c[2], c[0]);
            double[] n = {e1[1] * e2[2] - e1[2] * e2[1], e1[2] * e2[0] - e1[0] * e2[2], e1[0] * e2[1] - e1[1] * e2[0]};
            double nn = dot(n, n);
            double[] p = {x, y, z};
            double s = dot(sub(p, c[0]), n) / nn;
            double[] q = {x - s * n[0], y - s * n[1], z - s * n[2]};
            boolean inside = true;
            for (int k = 0; k < 3; k++) {
                double[] a = c[k];
                double[] b = c[(k + 1) % 3];
                double[] ab = sub(b, a);
                double[] aq = sub(q, a);
                double[] cr = {ab[1] * aq[2] - ab[2] * aq[1], ab[2] * aq[0] - ab[0] * aq[2], ab[0] * aq[1] - ab[1] * aq[0]};
                inside &= dot(cr, n) >= 0;
                double l = Math.max(0, Math.min(1, dot(sub(p, a), ab) / dot(ab, ab)));
                double[] e = {a[0] + l * ab[0] - x, a[1] + l * ab[1] - y, a[2] + l * ab[2] - z};
                best = Math.min(best, dot(e, e));
            }
            if (inside) {
                best = Math.min(best, s * s * nn);
            }
        }
        return Math.sqrt(best);
    }

    static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    @Test
    void everyAlgorithmHasAValidDescriptor() {
        // the registry rejects an algorithm whose annotations are inconsistent (e.g. an optional slot before another)
        List<org.quire.api.Algorithm<?>> all = List.of(new ClosestAlgorithm(), new FitAlgorithm(), new PredictAlgorithm(),
                new RenderAlgorithm(), new MeshAlgorithm(), new AnalyticAlgorithm());
        assertThat(all).extracting(a -> a.descriptor().id()).containsExactly("surface.closest", "surface.fit",
                "surface.predict", "surface.render", "surface.mesh", "surface.analytic");
    }

    @Test
    void closestPointsAgreeWithBruteForceInQueryOrder() throws Exception {
        Result r = new ClosestAlgorithm().run(new ClosestAlgorithm.Params(true),
                List.of(new InputFile("mesh", sphereObj), new InputFile("queries", queries)), new SimpleRunContext(1, 2));
        Table t = table(r, "closest");
        assertThat(t.columns().stream().map(Table.Column::name)).containsExactly("x", "y", "z", "px", "py", "pz", "distance");
        TriangleMesh mesh = AnalyticShapes.byName("sphere").mesh(24);
        double[] x = column(t, "x");
        double[] d = column(t, "distance");
        double[] q = org.quire.surface.io.QueryCsv.read(queries);
        for (int i = 0; i < t.rowCount(); i++) {
            assertThat(x[i]).isEqualTo(q[3 * i]);
            assertThat(d[i]).isCloseTo(bruteForceDistance(mesh, q[3 * i], q[3 * i + 1], q[3 * i + 2]), within(1e-9));
        }
        assertThat(r.metrics().get("boundaryEdges")).isEqualTo(0.0);
        assertThat(r.charts().get(0).name()).isEqualTo("closestChart");
    }

    @Test
    void badMeshesFailWithClearInputErrors() throws Exception {
        Path degenerate = dir.resolve("degenerate.obj");
        Files.writeString(degenerate, "v 0 0 0\nv 1 0 0\nv 2 0 0\nf 1 2 3\n");
        Path nan = dir.resolve("nan.obj");
        Files.writeString(nan, "v 0 0 0\nv 1 0 nan\nv 0 1 0\nf 1 2 3\n");
        Path empty = dir.resolve("empty.obj");
        Files.writeString(empty, "v 0 0 0\nv 1 0 0\n");
        ClosestAlgorithm a = new ClosestAlgorithm();
        ClosestAlgorithm.Params p = new ClosestAlgorithm.Params(false);
        SimpleRunContext ctx = new SimpleRunContext(1, 1);
        assertThatThrownBy(() -> a.run(p, List.of(new InputFile("mesh", degenerate), new InputFile("queries", queries)), ctx))
                .isInstanceOf(InputException.class).hasMessageContaining("degenerate.obj").hasMessageContaining("degenerate");
        assertThatThrownBy(() -> a.run(p, List.of(new InputFile("mesh", nan), new InputFile("queries", queries)), ctx))
                .isInstanceOf(InputException.class).hasMessageContaining("nan.obj");
        assertThatThrownBy(() -> a.run(p, List.of(new InputFile("mesh", empty), new InputFile("queries", queries)), ctx))
                .isInstanceOf(InputException.class).hasMessageContaining("empty.obj");
        assertThatThrownBy(() -> new FitAlgorithm().run(fitParams("mesh", "tiny"), List.of(), ctx))
                .isInstanceOf(ParameterException.class).hasMessageContaining("mesh input");
    }

    @Test
    void analyticSourcesTessellateWithinTheirToleranceAndGiveExactClosestPoints() throws Exception {
        for (String shape : AnalyticShapes.NAMES) {
            int res = shape.equals("moebius") ? 200 : 128;
            Result r = new AnalyticAlgorithm().run(new AnalyticAlgorithm.Params(shape, res),
                    shape.equals("sphere") ? List.of(new InputFile("queries", queries)) : List.of(), new SimpleRunContext(1, 2));
            assertThat(r.metrics().get("tessellationError")).as(shape).isLessThan(1e-3);
            assertThat(r.meshes()).hasSize(1);
            assertThat(r.metrics().get("boundaryEdges") > 0).as(shape).isEqualTo(r.metrics().get("closed") == 0);
            if (shape.equals("sphere")) {
                Table t = table(r, "closest");
                double[] px = column(t, "px");
                double[] py = column(t, "py");
                double[] pz = column(t, "pz");
                for (int i = 0; i < t.rowCount(); i++) {
                    assertThat(Math.sqrt(px[i] * px[i] + py[i] * py[i] + pz[i] * pz[i])).isCloseTo(0.35, within(1e-15));
                }
            }
        }
    }

    @Test
    void fitReportsTheMetricsAndIsIdenticalForOneAndTwoThreads() throws Exception {
        for (String m : new String[] {"cspError", "udfError", "jacobianNormalCos", "forwardNormalCos", "chamferL1", "chamferL2"}) {
            assertThat(fit.metrics()).containsKey(m);
            assertThat(fit.metrics().get(m)).isFinite();
        }
        assertThat(fit.charts().get(0).name()).isEqualTo("lossChart");
        assertThat(fit.metrics().get("cspError")).isLessThan(0.05);
        Result again = new FitAlgorithm().run(fitParams("sphere", "tiny"), List.of(), new SimpleRunContext(5, 1));
        assertThat(column(table(again, "model"), "value")).containsExactly(column(table(fit, "model"), "value"));
        assertThat(again.metrics()).isEqualTo(fit.metrics());
    }

    @Test
    void predictRenderAndMeshReadTheModelFile() throws Exception {
        Result p = new PredictAlgorithm().run(new PredictAlgorithm.Params(true),
                List.of(new InputFile("model", modelCsv), new InputFile("queries", queries)), new SimpleRunContext(1, 2));
        Table t = table(p, "predicted");
        assertThat(t.columns().stream().map(Table.Column::name)).containsExactly("x", "y", "z", "px", "py", "pz", "nx", "ny", "nz");
        double[] x = column(t, "x");
        double[] y = column(t, "y");
        double[] z = column(t, "z");
        double[] nx = column(t, "nx");
        double[] ny = column(t, "ny");
        double[] nz = column(t, "nz");
        double cos = 0;
        int counted = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            double r = Math.sqrt(x[i] * x[i] + y[i] * y[i] + z[i] * z[i]);
            if (Math.abs(r - 0.35) < 0.05) {
                cos += Math.abs(nx[i] * x[i] + ny[i] * y[i] + nz[i] * z[i]) / r;
                counted++;
            }
        }
        assertThat(counted).isGreaterThan(10);
        assertThat(cos / counted).isGreaterThan(0.8);
        Result render = new RenderAlgorithm().run(new RenderAlgorithm.Params("none", 48, 30, 30, 1.7, 0.008, 1000, 8, "jacobian",
                "sphere-trace"), List.of(new InputFile("source", modelCsv), new InputFile("source", sphereObj)),
                new SimpleRunContext(1, 2));
        assertThat(render.images()).extracting(i -> i.name()).containsExactly("render", "reference");
        assertThat(render.metrics().get("hitPixels")).isGreaterThan(100.0);
        assertThat(render.metrics().get("silhouetteIoU")).isGreaterThan(0.5);
        Result mesh = new MeshAlgorithm().run(new MeshAlgorithm.Params(32, 1.5, 1000, 2000), List.of(new InputFile("model",
                modelCsv)), new SimpleRunContext(1, 2));
        assertThat(mesh.meshes()).hasSize(1);
        assertThat(mesh.metrics().get("shellTriangles")).isGreaterThan(100.0);
        assertThat(mesh.metrics().get("chamferL1")).isFinite();
        Result meshRender = new RenderAlgorithm().run(new RenderAlgorithm.Params("none", 32, 0, 30, 1.7, 0.008, 1000, 1, "forward",
                "raycast"), List.of(new InputFile("source", sphereObj)), new SimpleRunContext(1, 1));
        assertThat(meshRender.metrics().get("hitPixels")).isGreaterThan(50.0);
    }

    @Test
    void meshSourceFitsThroughTheBvh() throws Exception {
        AnalyticSurface disk = AnalyticShapes.byName("disk");
        Path obj = TestFiles.obj(dir, "disk.obj", disk.mesh(32));
        Result r = new FitAlgorithm().run(fitParams("mesh", "tiny"), List.of(new InputFile("mesh", obj)), new SimpleRunContext(3, 2));
        assertThat(r.values().get("source")).isEqualTo("disk.obj");
        assertThat(r.metrics().get("cspError")).isLessThan(0.05);
    }
}
