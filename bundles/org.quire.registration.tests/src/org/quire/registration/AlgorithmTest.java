package org.quire.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.api.Input;
import org.quire.api.InputException;
import org.quire.api.InputFile;
import org.quire.api.SimpleRunContext;
import org.quire.api.result.PointCloud;
import org.quire.api.result.Result;
import org.quire.api.result.Table;
import org.quire.geometry.PointSet;
import org.quire.geometry.io.GeometryFiles;
import org.quire.registration.blade.BladeGenerator;
import org.quire.registration.blade.BladeSettings;
import org.quire.registration.core.RigidTransform;

/** The three algorithms through their run methods: outputs, self-check failures and bad inputs. */
class AlgorithmTest {
    @TempDir
    Path dir;

    private Path[] smallBlade(double rotation) throws Exception {
        BladeGenerator gen = new BladeGenerator(BladeSettings.defaults().withSizes(6000, 1200, 6000).withScan(0.1, 0.1, rotation, 1));
        BladeGenerator.Cloud ref = gen.reference(new SplittableRandom(1));
        BladeGenerator.View v = gen.views(new SplittableRandom(2)).get(0);
        Path r = dir.resolve("ref.ply");
        Path s = dir.resolve("scan.ply");
        GeometryFiles.writePoints(r, new PointSet(ref.xyz(), ref.normals(), null));
        GeometryFiles.writePoints(s, PointSet.of(v.xyz()));
        Files.writeString(dir.resolve("truth.txt"), v.truth().toText());
        return new Path[] {r, s};
    }

    private static MpeAlgorithm.Params mpeDefaults() {
        return new MpeAlgorithm.Params(600, 0.02, 0, 0.05, 10, 1e-4, 0.01, 1.5, 0.5, 3, 2000, "pca", 300, 0, 0.1, "trim",
                "point-to-plane", 0, 2, 0.4, 200, 1e-6, 12, "auto", 4000, 8000, 0.1, 0.01, true, 10, 0.25, 2, "fail");
    }

    @Test
    void mpeRunWritesTransformsCloudsTablesAndCharts() throws Exception {
        Path[] f = smallBlade(100);
        Result r = new MpeAlgorithm().run(mpeDefaults(),
                List.of(new InputFile("reference", f[0]), new InputFile("scans", f[1])), new SimpleRunContext(1, 2));
        @SuppressWarnings("unchecked")
        List<Double> t = (List<Double>) r.values().get("transform");
        assertThat(t).hasSize(16);
        RigidTransform truth = MatrixFile.read(dir.resolve("truth.txt"));
        RigidTransform got = RigidTransform.fromRowMajor4x4(t.stream().mapToDouble(Double::doubleValue).toArray());
        assertThat(Math.toDegrees(RigidTransform.angleBetween(got, truth))).isLessThan(0.5);
        assertThat(r.metrics()).containsKeys("rmse", "trimmedRmse", "overlap", "iterations", "globalRotationDeg");
        assertThat(r.metrics().get("overlap")).isBetween(0.8, 0.95);
        Table tt = r.tables().stream().filter(x -> x.name().equals("transform")).findFirst().orElseThrow();
        assertThat(tt.rowCount()).isEqualTo(4);
        assertThat(tt.columns()).hasSize(4);
        assertThat(tt.columns().get(3).number(3)).isEqualTo(1.0);
        assertThat(r.clouds()).extracting(PointCloud::name).contains("before", "after", "residuals", "registered");
        PointCloud res = r.clouds().stream().filter(c -> c.name().equals("residuals")).findFirst().orElseThrow();
        assertThat(res.scalars()).hasSize(res.size());
        assertThat(res.scalarLabel()).contains("distance");
        PointCloud after = r.clouds().stream().filter(c -> c.name().equals("after")).findFirst().orElseThrow();
        assertThat(after.rgb()).contains(RegistrationReport.GREY, RegistrationReport.PALETTE[0]);
        assertThat(r.charts()).extracting(c -> c.name()).contains("energyChart", "stridesChart", "icpChart", "residualHistogram");
        // the transform file reads back through the icp algorithm's matrix reader (header line skipped)
        Path csv = dir.resolve("transform.csv");
        StringBuilder sb = new StringBuilder("c1,c2,c3,c4\n");
        for (int i = 0; i < 4; i++) {
            sb.append(t.get(4 * i)).append(',').append(t.get(4 * i + 1)).append(',').append(t.get(4 * i + 2)).append(',')
                    .append(t.get(4 * i + 3)).append('\n');
        }
        Files.writeString(csv, sb);
        RigidTransform back = MatrixFile.read(csv);
        assertThat(RigidTransform.angleBetween(back, got)).isLessThan(1e-12);
        assertThat(RigidTransform.translationDistance(back, got)).isLessThan(1e-9);
    }

    @Test
    void plainIcpFromIdentityAtLargeRotationFailsWithAReason() throws Exception {
        Path[] f = smallBlade(170);
        IcpAlgorithm.Params p = new IcpAlgorithm.Params("", "point-to-point", 1, 2, 0.4, 30, 1e-6, 12, "auto", 0, 0.25, 2, "fail");
        assertThatThrownBy(() -> new IcpAlgorithm().run(p, List.of(new InputFile("reference", f[0]), new InputFile("scan", f[1])),
                new SimpleRunContext(1, 2))).isInstanceOf(IllegalStateException.class).hasMessageContaining("scan.ply")
                .hasMessageContaining("failed its checks");
        // warn mode reports instead
        IcpAlgorithm.Params warn = new IcpAlgorithm.Params("", "point-to-point", 1, 2, 0.4, 30, 1e-6, 12, "auto", 0, 0.25, 2, "warn");
        SimpleRunContext ctx = new SimpleRunContext(1, 2);
        new IcpAlgorithm().run(warn, List.of(new InputFile("reference", f[0]), new InputFile("scan", f[1])), ctx);
        assertThat(ctx.warnings()).hasSize(1);
    }

    @Test
    void icpFromTheTrueTransformFileConverges() throws Exception {
        Path[] f = smallBlade(120);
        IcpAlgorithm.Params p = new IcpAlgorithm.Params("", "point-to-plane", 0, 2, 0.4, 100, 1e-6, 12, "auto", 0.01, 0.25, 2, "fail");
        Result r = new IcpAlgorithm().run(p, List.of(new InputFile("reference", f[0]), new InputFile("scan", f[1]),
                new InputFile("initial", dir.resolve("truth.txt"))), new SimpleRunContext(1, 1));
        // noise 0.1 on a sparse 7200-point reference
        assertThat(r.metrics().get("trimmedRmse")).isLessThan(0.3);
        assertThat(r.metrics().get("refinementRotationDeg")).isNull();
    }

    @Test
    void badInputsAreReportedWithTheFile() throws Exception {
        Path[] f = smallBlade(30);
        Path empty = dir.resolve("empty.xyz");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> new MpeAlgorithm().run(mpeDefaults(),
                List.of(new InputFile("reference", f[0]), new InputFile("scans", empty)), new SimpleRunContext(1, 1)))
                .isInstanceOf(InputException.class).hasMessageContaining("empty.xyz");
        Path nan = dir.resolve("nan.xyz");
        Files.writeString(nan, "1 2 3\n4 5 6\nnan 1 2\n7 8 9\n");
        assertThatThrownBy(() -> new MpeAlgorithm().run(mpeDefaults(),
                List.of(new InputFile("reference", f[0]), new InputFile("scans", nan)), new SimpleRunContext(1, 1)))
                .isInstanceOf(InputException.class).hasMessageContaining("nan.xyz");
        assertThatThrownBy(() -> new MpeAlgorithm().run(mpeDefaults(), List.of(new InputFile("reference", f[0])),
                new SimpleRunContext(1, 1))).hasMessageContaining("at least one scan");
        Input[] slots = MpeAlgorithm.class.getAnnotationsByType(Input.class);
        assertThat(slots).hasSize(2);
        assertThat(slots[0].maxCount()).isEqualTo(1);
        assertThat(slots[1].minCount()).isEqualTo(1);
        Path badMatrix = dir.resolve("bad.txt");
        Files.writeString(badMatrix, "1 0 0 0\n0 1 0 0\n0 0 x 0\n0 0 0 1\n");
        assertThatThrownBy(() -> MatrixFile.read(badMatrix)).isInstanceOf(InputException.class).hasMessageContaining("bad.txt:3");
        Path reflection = dir.resolve("refl.txt");
        Files.writeString(reflection, "-1 0 0 0\n0 1 0 0\n0 0 1 0\n0 0 0 1\n");
        assertThatThrownBy(() -> MatrixFile.read(reflection)).isInstanceOf(InputException.class);
    }

    @Test
    void bladeAlgorithmWritesReferenceScansAndTruthTables() {
        BladeAlgorithm.Params p = new BladeAlgorithm.Params(2, 0.1, 0.2, 90, 50, 2000, 400, 2000, 40, 0.15);
        Result r = new BladeAlgorithm().run(p, List.of(), new SimpleRunContext(3, 1));
        assertThat(r.clouds()).extracting(PointCloud::name).containsExactly("reference", "scan1", "scan2");
        assertThat(r.tables()).extracting(Table::name).containsExactly("truth1", "truth2");
        @SuppressWarnings("unchecked")
        List<List<Double>> ts = (List<List<Double>>) r.values().get("transforms");
        assertThat(ts).hasSize(2);
        Result again = new BladeAlgorithm().run(p, List.of(), new SimpleRunContext(3, 2));
        assertThat(again.values().get("transforms")).isEqualTo(ts);
        assertThat(again.clouds().get(1).xyz()).containsExactly(r.clouds().get(1).xyz());
    }
}
