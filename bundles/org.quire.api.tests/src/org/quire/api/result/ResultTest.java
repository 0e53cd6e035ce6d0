package org.quire.api.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResultTest {
    @Test
    void keepsItemsInOrderAndIsImmutable() {
        double[] x = {1, 2};
        Series s = Series.of("s", x, new double[] {3, 4});
        x[0] = 99;
        assertThat(s.xAt(0)).isEqualTo(1.0);
        Result r = Result.builder().metric("b", 2).metric("a", 1).value("v", new int[] {1})
                .chart(ChartSpec.line("c", null, "x", "y", s)).table(Table.builder("t").numeric("n", "s", new double[] {1})
                        .text("label", new String[] {"one"}).build())
                .build();
        assertThat(r.metrics().keySet()).containsExactly("b", "a");
        assertThat(r.charts().get(0).title()).isEqualTo("c");
        assertThat(r.tables().get(0).rowCount()).isEqualTo(1);
        assertThat(r.tables().get(0).columns().get(0).text(0)).isEqualTo("1.0");
        assertThatThrownBy(() -> r.metrics().put("c", 3.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void fileNamesMustBeUniqueAndSafe() {
        Series s = Series.indexed("s", new double[] {1});
        assertThatThrownBy(() -> Result.builder().chart(ChartSpec.line("paths", "t", "x", "y", s))
                .table(Table.builder("paths").numeric("a", new double[] {1}).build()))
                .hasMessageContaining("'paths' is already used");
        assertThatThrownBy(() -> ChartSpec.line("../evil", "t", "x", "y", s)).hasMessageContaining("chart name '../evil'");
        assertThatThrownBy(() -> new Image("a b", 1, 1, new int[1])).hasMessageContaining("image name 'a b'");
    }

    @Test
    void shapesAreChecked() {
        assertThatThrownBy(() -> Series.of("s", new double[2], new double[3])).hasMessageContaining("x has 2 points, y has 3");
        assertThatThrownBy(() -> new Series("s", new double[1], new double[1], new double[1], null)).hasMessageContaining("both band arrays");
        assertThatThrownBy(() -> Table.builder("t").numeric("a", new double[2]).numeric("b", new double[3]).build())
                .hasMessageContaining("column 'b' has 3 rows, expected 2");
        assertThatThrownBy(() -> new Mesh("m", new float[9], new int[] {0, 1, 3})).hasMessageContaining("triangle 0 names vertex 3, expected 0..2");
        assertThatThrownBy(() -> new PointCloud("p", new float[4], null, null)).hasMessageContaining("multiple of 3");
        assertThatThrownBy(() -> new PointCloud("p", new float[6], null, new int[1])).hasMessageContaining("one colour per point");
        assertThatThrownBy(() -> new PointCloud("p", new float[6], null, null, new float[1], "r")).hasMessageContaining("one scalar per point");
        assertThatThrownBy(() -> new PointCloud("p", new float[6], null, null, new float[] {0, Float.NaN}, "r"))
                .hasMessageContaining("scalar 1 is not finite");
        assertThatThrownBy(() -> new PointCloud("p", new float[6], null, null, new float[2], " ")).hasMessageContaining("need a label");
        assertThatThrownBy(() -> new PointCloud("p", new float[6], null, null, null, "r")).hasMessageContaining("without scalars");
        assertThat(new PointCloud("p", new float[6], null, null).scalars()).isNull();
        assertThatThrownBy(() -> new Image("i", 2, 2, new int[3])).hasMessageContaining("width*height");
        assertThatThrownBy(() -> ChartSpec.histogram("h", "t", "v", 0, new double[] {1})).hasMessageContaining("bins >= 1");
        assertThat(new Mesh("m", new float[9], new int[] {0, 1, 2}).triangleCount()).isEqualTo(1);
    }

    @Test
    void filesKeepTheirBytesAndShareTheNameSpaceOfFileItems() {
        ResultFile f = ResultFile.text("model", "json", "{\"w\": [1, 2]}", "trained model");
        Result r = Result.builder().file(f).build();
        assertThat(r.files()).containsExactly(f);
        assertThat(r.files().get(0).fileName()).isEqualTo("model.json");
        assertThat(new String(r.files().get(0).content(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"w\": [1, 2]}");
        byte[] bytes = {1, 2, 3};
        ResultFile raw = new ResultFile("raw", "bin", bytes, null);
        bytes[0] = 9;
        assertThat(raw.content()).containsExactly(1, 2, 3);
        assertThat(raw.description()).isEmpty();
        assertThatThrownBy(() -> Result.builder().table(Table.builder("model").numeric("x", new double[] {1}).build())
                .file(f)).hasMessageContaining("'model' is already used");
        assertThatThrownBy(() -> new ResultFile("m", ".json", bytes, "")).hasMessageContaining("without the dot");
        assertThatThrownBy(() -> new ResultFile("m", "JSON", bytes, "")).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> new ResultFile("../m", "txt", bytes, "")).hasMessageContaining("file name");
    }
}
