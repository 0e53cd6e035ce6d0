package org.quire.batch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sem family's acceptance through the real command line: {@code sem.vanishing} on the bench graphs
 * ({@code bench/sem/graphs}) against the minimal generators per degree that Macaulay2 1.21's Λ-elimination gives
 * ({@code bench/sem/run.sh}, which also times both and has M2 confirm that the ideals agree), including the 4-cycle with
 * chord whose only generator has degree 10; {@code sem.covariance} against the spec's worked example; {@code
 * sem.finiteness} against the spec's fiber column; a bad graph (exit 3) and a budget overrun (flagged partial result,
 * exit 1).
 */
class SemCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path GRAPHS = Path.of(System.getProperty("quire.sem.graphs", "../../bench/sem/graphs"))
            .toAbsolutePath().normalize();
    /** Minimal generators per degree printed by Macaulay2 1.21 (bench/sem/run.sh), with the degree bound Quire scans to. */
    private static final Map<String, int[]> M2 = Map.of(
            "verma", new int[] {4, 0, 0, 0, 1},
            "cycle3", new int[] {4, 0, 0, 0, 0},
            "cycle3-sink", new int[] {3, 0, 3, 0},
            "cycle3-sink-bi14", new int[] {3, 0, 0, 1},
            "cycle4", new int[] {3, 0, 0, 2},
            "twocycle-extra", new int[] {3, 0, 3, 0},
            "cycle3-chain", new int[] {4, 0, 12, 0, 0},
            "cycle4-sink-bi15", new int[] {4, 0, 0, 10, 0},
            "one-factor", new int[] {3, 0, 16, 0},
            "cycle4-chord", new int[] {10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});

    @TempDir
    static Path root;
    static QuireProcess quire;

    @BeforeAll
    static void install() throws IOException {
        quire = new QuireProcess(QuireProcess.homeWithTestAlgorithms(root), root);
    }

    private static JsonNode results(String out) throws IOException {
        return JSON.readTree(root.resolve(out).resolve("results.json").toFile());
    }

    @Test
    void vanishingIdealHasMacaulay2sGeneratorsPerDegree() throws Exception {
        for (Map.Entry<String, int[]> e : M2.entrySet()) {
            int maxDegree = e.getValue()[0];
            String out = "van-" + e.getKey();
            QuireProcess.Outcome o = quire.run("run", "sem.vanishing", "--input", GRAPHS.resolve(e.getKey() + ".json").toString(),
                    "--param", "maxDegree=" + maxDegree, "--threads", "2", "-q", "--out", out);
            assertThat(o.exit()).as(e.getKey() + ": " + o).isZero();
            JsonNode r = results(out);
            int total = 0;
            for (int d = 1; d <= maxDegree; d++) {
                int want = e.getValue()[d];
                total += want;
                assertThat(r.get("metrics").get("degree" + d).asInt()).as(e.getKey() + " degree " + d).isEqualTo(want);
            }
            assertThat(r.get("metrics").get("generators").asInt()).as(e.getKey()).isEqualTo(total);
            assertThat(r.get("values").get("complete").asBoolean()).isTrue();
            assertThat(r.get("values").get("generators")).hasSize(total);
            assertThat(Files.exists(root.resolve(out).resolve("graph.png"))).isTrue();
            assertThat(Files.exists(root.resolve(out).resolve("generators.csv"))).isTrue();
        }
        // the Verma constraint exactly (spec §2, up to the sign Quire normalises: leading term positive)
        List<String> verma = new ArrayList<>();
        results("van-verma").get("values").get("generators").forEach(n -> verma.add(n.asText()));
        assertThat(verma).containsExactly("s_1_1*s_1_3*s_2_2*s_3_4-s_1_1*s_1_3*s_2_3*s_2_4-s_1_1*s_1_4*s_2_2*s_3_3"
                + "+s_1_1*s_1_4*s_2_3^2-s_1_2^2*s_1_3*s_3_4+s_1_2^2*s_1_4*s_3_3+s_1_2*s_1_3^2*s_2_4-s_1_2*s_1_3*s_1_4*s_2_3");
        // the degree-10 generator has the 187 terms of Macaulay2's
        String deg10 = results("van-cycle4-chord").get("values").get("generators").get(0).asText();
        assertThat(deg10.split("(?<=.)[+-]")).hasSize(187);
    }

    @Test
    void covarianceGivesTheOneConnectionClosedFormOfTheSpec() throws Exception {
        Path g = Files.writeString(root.resolve("cycle3.txt"), "# the 3-cycle of spec §1.4\n1->2; 2->3; 3->1\n");
        QuireProcess.Outcome o = quire.run("run", "sem.covariance", "--input", g.toString(), "-q", "--out", "cov");
        assertThat(o.exit()).as(o.toString()).isZero();
        JsonNode r = results("cov");
        assertThat(r.get("values").get("determinant").asText()).isEqualTo("-l_1_2*l_2_3*l_3_1+1");
        assertThat(r.get("values").get("numerators").get("s_1_1").asText()).isEqualTo("l_2_3^2*l_3_1^2*w_2_2+l_3_1^2*w_3_3+w_1_1");
        assertThat(r.get("values").get("numerators").get("s_1_2").asText()).isEqualTo("l_1_2*l_3_1^2*w_3_3+l_1_2*w_1_1+l_2_3*l_3_1*w_2_2");
        assertThat(r.get("metrics").get("oneConnectionTerms").asInt()).isEqualTo(18);
        assertThat(r.get("metrics").get("checkedPoints").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(Files.exists(root.resolve("cov/sigma.csv"))).isTrue();
        assertThat(Files.exists(root.resolve("cov/graph.png"))).isTrue();
    }

    @Test
    void finitenessGivesRankAndFiberOfTheSpec() throws Exception {
        QuireProcess.Outcome o = quire.run("run", "sem.finiteness", "--input", GRAPHS.resolve("cycle3-sink-bi14.json").toString(),
                "-q", "--out", "fin");
        assertThat(o.exit()).as(o.toString()).isZero();
        JsonNode m = results("fin").get("metrics");
        assertThat(m.get("jacobianRank").asInt()).isEqualTo(9);
        assertThat(m.get("expectedDimension").asInt()).isEqualTo(9);
        assertThat(m.get("codimension").asInt()).isEqualTo(1);
        assertThat(m.get("genericFiber").asInt()).isEqualTo(2);
        Path two = Files.writeString(root.resolve("two.txt"), "1->2; 2->1\n");
        QuireProcess.Outcome t = quire.run("run", "sem.finiteness", "--input", two.toString(), "-q", "--out", "fin2");
        assertThat(t.exit()).as(t.toString()).isZero();
        JsonNode r2 = results("fin2");
        assertThat(r2.get("metrics").get("jacobianRank").asInt()).isEqualTo(3);
        assertThat(r2.get("values").get("genericallyFinite").asBoolean()).isFalse();
        assertThat(r2.get("values").get("simple").asBoolean()).isFalse();
    }

    @Test
    void badGraphExits3NamingFileLineAndEdge() throws Exception {
        Files.writeString(root.resolve("bad.json"), "{\"nodes\": 3,\n \"directed\": [[1, 2],\n  [2, 2]]}\n");
        QuireProcess.Outcome o = quire.run("run", "sem.vanishing", "--input", "bad.json", "--out", "bad");
        assertThat(o.exit()).as(o.toString()).isEqualTo(3);
        assertThat(o.err()).contains("bad.json:3").contains("edge 2->2").contains("self-loop");
    }

    @Test
    void budgetOverrunIsAFlaggedPartialResult() throws Exception {
        QuireProcess.Outcome o = quire.run("run", "sem.vanishing", "--input", GRAPHS.resolve("cycle4-chord.json").toString(),
                "--param", "maxDegree=10", "--param", "maxBlockMonomials=40", "-q", "--out", "partial");
        assertThat(o.exit()).as(o.toString()).isEqualTo(1);
        JsonNode r = results("partial");
        assertThat(r.get("values").get("complete").asBoolean()).isFalse();
        assertThat(r.get("values").get("stopReason").asText()).contains("maxBlockMonomials = 40");
        assertThat(r.get("metrics").get("completeDegree").asInt()).isBetween(1, 9);
    }
}
