package org.quire.surface.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.api.InputException;
import org.quire.surface.TestFiles;
import org.quire.surface.csp.CspModel;
import org.quire.surface.csp.CspNetwork;
import org.quire.surface.csp.Normalisation;

/** The model file reads back bit for bit; malformed model and query files fail naming the file, line and field. */
class ModelTableTest {

    @TempDir
    Path dir;

    @Test
    void modelRoundTripsExactly() throws Exception {
        CspNetwork net = new CspNetwork(7, 2, true, new SplittableRandom(1));
        double[] samples = {0.1, 0.2, 0.3, -0.1, 1e-17, 0.45};
        CspModel m = new CspModel(net, new Normalisation(1.5, -2, 3e-3, 0.7), samples, "weird, \"name\".obj");
        Path p = TestFiles.csv(dir, ModelTable.toTable("model", m));
        CspModel back = ModelTable.read(p);
        assertThat(back.normalisation()).isEqualTo(m.normalisation());
        assertThat(back.network().residual()).isTrue();
        assertThat(back.network().width()).isEqualTo(7);
        assertThat(back.network().depth()).isEqualTo(2);
        for (int i = 0; i < net.parameters().size(); i++) {
            assertThat(back.network().parameters().get(i).value().data()).containsExactly(net.parameters().get(i).value().data());
        }
        assertThat(back.sourceSamples()).containsExactly(samples);
        assertThat(back.source()).isEqualTo("weird, \"name\".obj");
        double[] x = {0.3, -0.2, 0.1, 5, 6, 7};
        double[] a = new double[6];
        double[] b = new double[6];
        m.closest(x, a, 1);
        back.closest(x, b, 1);
        assertThat(b).containsExactly(a);
    }

    @Test
    void malformedModelsNameTheProblem() throws Exception {
        Path notModel = dir.resolve("q.csv");
        Files.writeString(notModel, "x,y,z\n1,2,3\n");
        assertThatThrownBy(() -> ModelTable.read(notModel)).isInstanceOf(InputException.class)
                .hasMessageContaining("q.csv").hasMessageContaining("tensor,row,col,value");
        CspNetwork net = new CspNetwork(3, 1, false, new SplittableRandom(1));
        Path good = TestFiles.csv(dir, ModelTable.toTable("model", new CspModel(net, Normalisation.IDENTITY, new double[0], "s")));
        java.util.List<String> lines = Files.readAllLines(good);
        lines.set(5, lines.get(5).replaceFirst(",[^,]*$", ",abc"));
        Path bad = dir.resolve("bad.csv");
        Files.write(bad, lines);
        assertThatThrownBy(() -> ModelTable.read(bad)).isInstanceOf(InputException.class)
                .hasMessageContaining("bad.csv:6").hasMessageContaining("value").hasMessageContaining("abc");
        java.util.List<String> missing = new java.util.ArrayList<>(Files.readAllLines(good));
        missing.removeIf(l -> l.startsWith("csp.1.bias"));
        Path cut = dir.resolve("cut.csv");
        Files.write(cut, missing);
        assertThatThrownBy(() -> ModelTable.read(cut)).isInstanceOf(InputException.class).hasMessageContaining("csp.1.bias");
    }

    @Test
    void queryFilesAreCheckedRowByRow() throws Exception {
        Path ok = dir.resolve("ok.csv");
        Files.writeString(ok, "id,z [mm],x [mm],y [mm]\na,3,1,2\nb,6,4,\"5\"\n");
        assertThat(QueryCsv.read(ok)).containsExactly(1, 2, 3, 4, 5, 6);
        Path nan = dir.resolve("nan.csv");
        Files.writeString(nan, "x,y,z\n1,2,3\n1,NaN,3\n");
        assertThatThrownBy(() -> QueryCsv.read(nan)).isInstanceOf(InputException.class).hasMessageContaining("nan.csv:3")
                .hasMessageContaining("'y'").hasMessageContaining("finite");
        Path noZ = dir.resolve("noz.csv");
        Files.writeString(noZ, "x,y\n1,2\n");
        assertThatThrownBy(() -> QueryCsv.read(noZ)).hasMessageContaining("no column 'z'");
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "x,y,z\n");
        assertThatThrownBy(() -> QueryCsv.read(empty)).hasMessageContaining("no query points");
        Path shortRow = dir.resolve("short.csv");
        Files.writeString(shortRow, "x,y,z\n1,2\n");
        assertThatThrownBy(() -> QueryCsv.read(shortRow)).hasMessageContaining("short.csv:2").hasMessageContaining("missing column 'z'");
    }
}
