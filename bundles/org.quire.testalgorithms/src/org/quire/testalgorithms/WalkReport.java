package org.quire.testalgorithms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quire.api.result.ChartSpec;
import org.quire.api.result.Image;
import org.quire.api.result.Mesh;
import org.quire.api.result.PointCloud;
import org.quire.api.result.Result;
import org.quire.api.result.Series;
import org.quire.api.result.Table;
import org.quire.compute.NeumaierSum;
import org.quire.compute.Numerics;

/** Turns the walked paths of {@link RandomWalk} into its result: metrics, values, a table, charts, a cloud, a mesh and an image. */
final class WalkReport {

    /**
     * Most paths drawn in the {@code walks} chart (the table has them all). The chart cannot be called
     * {@code paths}: result item names are unique and the table has that name.
     */
    static final int MAX_CHART_PATHS = 32;
    /** Side of the {@code heat} image in pixels. */
    static final int HEAT_SIZE = 64;

    private WalkReport() {
    }

    static Result build(RandomWalk.Params p, long seed, double[] offsets, int[] sampleSteps, List<WalkedPath> paths) {
        int n = paths.size();
        double[] finals = new double[n];
        double maxAbs = 0;
        for (int i = 0; i < n; i++) {
            finals[i] = paths.get(i).finalPosition();
            maxAbs = Math.max(maxAbs, paths.get(i).maxAbs());
        }
        double[] steps = new double[sampleSteps.length];
        for (int k = 0; k < steps.length; k++) {
            steps[k] = sampleSteps[k];
        }
        double[] meanSd = meanAndSd(finals);

        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("steps", p.steps());
        settings.put("paths", p.paths());
        settings.put("drift", p.drift());
        settings.put("mode", p.mode());
        settings.put("sleepMillisPerStep", p.sleepMillisPerStep());
        settings.put("seed", seed);
        settings.put("offsets", offsets.clone());
        settings.put("sampledSteps", sampleSteps.length);

        Result.Builder r = Result.builder()
                .metric("finalMean", meanSd[0])
                .metric("finalSd", meanSd[1])
                .metric("maxAbs", maxAbs)
                .value("finalPositions", finals)
                .value("settings", settings);

        Table.Builder table = Table.builder("paths").numeric("step", steps);
        for (int i = 0; i < n; i++) {
            table.numeric("path" + i, paths.get(i).samples());
        }
        r.table(table.build());

        List<Series> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(n, MAX_CHART_PATHS); i++) {
            lines.add(Series.of("path" + i, steps, paths.get(i).samples()));
        }
        r.chart(ChartSpec.line("walks", "Random walks", "step", "position", lines.toArray(Series[]::new)));
        r.chart(spread(steps, paths));
        int bins = 1 + (int) Math.ceil(Math.log(n) / Math.log(2)); // Sturges
        r.chart(ChartSpec.histogram("final", "Final positions", "position", bins, finals));
        r.cloud(cloud(steps, paths));
        r.mesh(tetrahedron());
        r.image(heat(paths));
        return r.build();
    }

    /** Mean and sample sd (n - 1) with compensated sums; the sd is NaN for one value. */
    static double[] meanAndSd(double[] x) {
        double mean = Numerics.mean(x);
        if (x.length < 2) {
            return new double[] {mean, Double.NaN};
        }
        NeumaierSum squares = new NeumaierSum();
        for (double v : x) {
            squares.add((v - mean) * (v - mean));
        }
        return new double[] {mean, Math.sqrt(squares.value() / (x.length - 1))};
    }

    /** Mean across paths at each sampled step, with a band of one sd either side (no band width for one path). */
    private static ChartSpec spread(double[] steps, List<WalkedPath> paths) {
        int m = steps.length;
        double[] mean = new double[m];
        double[] low = new double[m];
        double[] high = new double[m];
        double[] column = new double[paths.size()];
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < column.length; i++) {
                column[i] = paths.get(i).samples()[k];
            }
            double[] ms = meanAndSd(column);
            double sd = column.length < 2 ? 0 : ms[1];
            mean[k] = ms[0];
            low[k] = ms[0] - sd;
            high[k] = ms[0] + sd;
        }
        return ChartSpec.line("spread", "Mean and spread across paths", "step", "position",
                new Series("mean", steps, mean, low, high));
    }

    /**
     * Three consecutive paths as x, y, z at the sampled steps (with fewer than three paths: step, path 0, path 1 or 0),
     * coloured from blue (start) to red (end).
     */
    private static PointCloud cloud(double[] steps, List<WalkedPath> paths) {
        int m = steps.length;
        float[] xyz = new float[3 * m];
        int[] rgb = new int[m];
        double[][] axes = new double[3][];
        if (paths.size() >= 3) {
            for (int a = 0; a < 3; a++) {
                axes[a] = paths.get(a).samples();
            }
        } else {
            axes[0] = steps;
            axes[1] = paths.get(0).samples();
            axes[2] = paths.size() > 1 ? paths.get(1).samples() : new double[m];
        }
        for (int k = 0; k < m; k++) {
            for (int a = 0; a < 3; a++) {
                xyz[3 * k + a] = (float) axes[a][k];
            }
            int red = m == 1 ? 255 : (int) Math.round(255.0 * k / (m - 1));
            rgb[k] = (red << 16) | (255 - red);
        }
        return new PointCloud("walk3d", xyz, null, rgb);
    }

    /** A regular tetrahedron inscribed in the cube [-1, 1]^3, faces wound counter-clockwise seen from outside. */
    static Mesh tetrahedron() {
        float[] v = {1, 1, 1, 1, -1, -1, -1, 1, -1, -1, -1, 1};
        int[] faces = {0, 1, 2, 0, 3, 1, 0, 2, 3, 1, 3, 2};
        return new Mesh("tetrahedron", v, faces);
    }

    /**
     * 64 x 64 opaque pixels: column = sampled step (resampled), row = path (resampled); colour from blue
     * (|position| = 0) to red (the largest sampled |position|).
     */
    private static Image heat(List<WalkedPath> paths) {
        int m = paths.get(0).samples().length;
        double top = 0;
        for (WalkedPath w : paths) {
            for (double v : w.samples()) {
                if (Double.isFinite(v)) {
                    top = Math.max(top, Math.abs(v));
                }
            }
        }
        int[] argb = new int[HEAT_SIZE * HEAT_SIZE];
        for (int row = 0; row < HEAT_SIZE; row++) {
            double[] samples = paths.get(row * paths.size() / HEAT_SIZE).samples();
            for (int col = 0; col < HEAT_SIZE; col++) {
                double v = Math.abs(samples[(int) Math.round((double) col * (m - 1) / (HEAT_SIZE - 1))]);
                double f = Double.isNaN(v) ? 0 : top == 0 ? 0 : Math.min(1, v / top);
                int red = (int) Math.round(255 * f);
                argb[row * HEAT_SIZE + col] = 0xFF000000 | (red << 16) | (255 - red);
            }
        }
        return new Image("heat", HEAT_SIZE, HEAT_SIZE, argb);
    }
}
