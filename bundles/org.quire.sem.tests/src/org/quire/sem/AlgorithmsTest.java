package org.quire.sem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.api.InputException;
import org.quire.api.InputFile;
import org.quire.api.SimpleRunContext;
import org.quire.api.result.Image;
import org.quire.api.result.Result;
import org.quire.api.result.Table;

/** The three algorithms through the Algorithm API, as the batch and the workbench call them. */
class AlgorithmsTest {
    @TempDir
    Path dir;

    private List<InputFile> input(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return List.of(new InputFile("graph", f));
    }

    @Test
    @SuppressWarnings("unchecked")
    void covarianceGivesNumeratorsAndDenominatorAndChecksThem() throws Exception {
        Result r = new CovarianceAlgorithm().run(new CovarianceAlgorithm.Params(3, 50, 2_000_000),
                input("c3.txt", "1->2; 2->3; 3->1"), new SimpleRunContext(1, 1));
        assertThat(r.values().get("denominator")).isEqualTo("l_1_2^2*l_2_3^2*l_3_1^2-2*l_1_2*l_2_3*l_3_1+1");
        Map<String, String> num = (Map<String, String>) r.values().get("numerators");
        assertThat(num).hasSize(6).containsEntry("s_1_1", "l_2_3^2*l_3_1^2*w_2_2+l_3_1^2*w_3_3+w_1_1");
        assertThat(r.metrics()).containsEntry("oneConnectionTerms", 18.0).containsEntry("checkedPoints", 53.0)
                .containsEntry("cycles", 1.0);
        Table sigma = r.tables().stream().filter(t -> t.name().equals("sigma")).findFirst().orElseThrow();
        assertThat(sigma.rowCount()).isEqualTo(3);
        assertThat(sigma.columns().get(2).text(0)).isEqualTo(num.get("s_1_2"));
        assertThat(r.images()).extracting(Image::name).containsExactly("graph");
    }

    @Test
    void finitenessReportsRankFiberAndSimplicity() throws Exception {
        Result r = new FinitenessAlgorithm().run(new FinitenessAlgorithm.Params(3, 20000),
                input("c3.json", "{\"nodes\": 3, \"directed\": [[1,2],[2,3],[3,1]]}"), new SimpleRunContext(1, 1));
        assertThat(r.metrics()).containsEntry("jacobianRank", 6.0).containsEntry("expectedDimension", 6.0)
                .containsEntry("genericFiber", 2.0).containsEntry("codimension", 0.0);
        assertThat(r.values()).containsEntry("simple", true).containsEntry("genericallyFinite", true);
        Result bad = new FinitenessAlgorithm().run(new FinitenessAlgorithm.Params(3, 20000),
                input("two.txt", "1->2; 2->1"), new SimpleRunContext(1, 1));
        assertThat(bad.metrics()).containsEntry("jacobianRank", 3.0).containsEntry("genericFiber", Double.POSITIVE_INFINITY);
        assertThat(bad.values()).containsEntry("simple", false).containsEntry("genericallyFinite", false);
    }

    @Test
    void vanishingReportsGeneratorsPerDegreeAndFlagsPartialResults() throws Exception {
        SimpleRunContext ctx = new SimpleRunContext(1, 2);
        Result r = new VanishingAlgorithm().run(new VanishingAlgorithm.Params(4, 4000, 5_000_000, 600, 20, 8),
                input("verma.json", "{\"nodes\": 4, \"directed\": [[1,2],[1,3],[2,3],[3,4]], \"bidirected\": [[2,4]]}"), ctx);
        assertThat(r.metrics()).containsEntry("generators", 1.0).containsEntry("degree4", 1.0)
                .containsEntry("degree2", 0.0).containsEntry("completeDegree", 4.0);
        assertThat((List<String>) r.values().get("generators")).hasSize(1).allMatch(s -> s.contains("s_1_1*s_1_3*s_2_2*s_3_4"));
        assertThat(r.values()).containsEntry("complete", true);
        assertThat(ctx.warnings()).isEmpty();
        SimpleRunContext partial = new SimpleRunContext(1, 1);
        Result p = new VanishingAlgorithm().run(new VanishingAlgorithm.Params(10, 20, 5_000_000, 600, 20, 8),
                input("c4.txt", "1->2; 2->3; 3->4; 4->1; 1<->3"), partial);
        assertThat(p.values()).containsEntry("complete", false);
        assertThat((String) p.values().get("stopReason")).contains("maxBlockMonomials = 20");
        assertThat(partial.warnings()).singleElement().asString().contains("partial result");
    }

    @Test
    void badGraphIsAnInputExceptionNamingFileLineAndEdge() throws Exception {
        List<InputFile> in = input("bad.json", "{\"nodes\": 3,\n \"directed\": [[1, 2], [2, 5]]}");
        assertThatThrownBy(() -> new VanishingAlgorithm().run(new VanishingAlgorithm.Params(2, 4000, 5_000_000, 600, 20, 8),
                in, new SimpleRunContext(1, 1))).isInstanceOf(InputException.class).hasMessageContaining("bad.json:2")
                .hasMessageContaining("edge 2->5");
    }

    @Test
    void pictureDrawsDirectedAndBidirectedEdgesDifferently() {
        Image img = GraphPicture.draw(MixedGraph.parse("1->2; 2->3; 3->1; 1<->4"), "graph", 400);
        int dark = 0;
        int red = 0;
        for (int px : img.argb()) {
            int r = (px >> 16) & 0xff;
            int g = (px >> 8) & 0xff;
            int b = px & 0xff;
            if (b > 80 && r < 60 && g < 90) {
                dark++;
            }
            if (r > 150 && g < 90 && b < 90) {
                red++;
            }
        }
        assertThat(img.width()).isEqualTo(400);
        assertThat(dark).as("directed (dark blue) pixels").isGreaterThan(500);
        assertThat(red).as("bidirected (red, dashed) pixels").isGreaterThan(100);
        Image noBi = GraphPicture.draw(MixedGraph.parse("1->2; 2->3"), "graph", 400);
        int red2 = 0;
        for (int px : noBi.argb()) {
            if (((px >> 16) & 0xff) > 150 && ((px >> 8) & 0xff) < 90 && (px & 0xff) < 90) {
                red2++;
            }
        }
        assertThat(red2).as("legend only").isLessThan(red);
    }
}
