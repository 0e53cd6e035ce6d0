package org.quire.lmdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.api.InputException;
import org.quire.api.InputFile;
import org.quire.api.SimpleRunContext;
import org.quire.api.params.ParameterSchema;
import org.quire.api.result.Result;
import org.quire.lmdp.model.Generators;
import org.quire.lmdp.model.Lmdp;
import org.quire.lmdp.model.LmdpJson;

/** The lmdp.plan and lmdp.generate components end to end on files. */
class PlanAlgorithmTest {
    @TempDir
    Path dir;

    private static <P extends Record> P params(Class<P> type, Map<String, String> values) {
        return type.cast(ParameterSchema.of(type).bind(values));
    }

    private Result plan(Lmdp l, Map<String, String> values) throws Exception {
        Path f = dir.resolve("inst.json");
        LmdpJson.write(l, f);
        return new PlanAlgorithm().run(params(PlanAlgorithm.Params.class, values), List.of(new InputFile("instance", f)),
                new SimpleRunContext(1, 1));
    }

    @Test
    void tigerMetricsPolicyAndChart() throws Exception {
        Result r = plan(Generators.tiger(0.8, 4), Map.of("planner", "both"));
        assertThat(r.metrics().get("optimalValue")).isCloseTo(0.512 + 3 * 0.64 * 0.2, within(1e-12));
        assertThat(r.metrics().get("contextKnownValue")).isCloseTo(1.0, within(1e-12));
        assertThat(r.metrics().get("bestMemorylessValue")).isLessThanOrEqualTo(r.metrics().get("optimalValue"));
        assertThat(r.metrics()).containsKeys("beliefTreeNodes", "alphaVectors");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> roots = (List<Map<String, Object>>) r.values().get("policy");
        assertThat(roots).hasSize(1);
        assertThat(roots.get(0)).containsEntry("action", 0).containsEntry("h", 0);
        assertThat((double) roots.get(0).get("value")).isCloseTo(r.metrics().get("optimalValue"), within(1e-12));
        assertThat(r.charts()).singleElement().satisfies(c -> assertThat(c.series()).hasSize(3));
        assertThat(r.tables()).extracting(t -> t.name()).contains("values-by-horizon", "policy-tree");
        double[] opt = r.tables().stream().filter(t -> t.name().equals("values-by-horizon")).findFirst().orElseThrow()
                .columns().get(1).numbers();
        assertThat(opt).containsExactly(new double[] {0.5, 0.8, 0.8, 0.512 + 3 * 0.64 * 0.2}, within(1e-12));
    }

    @Test
    void sameNumbersWithOneOrTwoThreads() throws Exception {
        Path f = dir.resolve("inst.json");
        LmdpJson.write(Generators.random(3, 3, 2, 4, 2, 0.5, 12), f);
        Result one = new PlanAlgorithm().run(params(PlanAlgorithm.Params.class, Map.of()),
                List.of(new InputFile("instance", f)), new SimpleRunContext(1, 1));
        Result two = new PlanAlgorithm().run(params(PlanAlgorithm.Params.class, Map.of()),
                List.of(new InputFile("instance", f)), new SimpleRunContext(1, 2));
        assertThat(two.metrics()).isEqualTo(one.metrics());
    }

    @Test
    void horizonParameterOverridesTheFile() throws Exception {
        Result r = plan(Generators.tiger(0.8, 4), Map.of("horizon", "2", "planner", "belief-tree", "chart", "false"));
        assertThat(r.metrics().get("optimalValue")).isCloseTo(0.8, within(1e-12));
        assertThat(r.metrics().get("horizon")).isEqualTo(2.0);
        assertThat(r.metrics()).doesNotContainKey("alphaVectors");
    }

    @Test
    void treeIsCappedAndSaysSo() throws Exception {
        Path f = dir.resolve("inst.json");
        LmdpJson.write(Generators.random(2, 3, 2, 4, 2, 0.5, 3), f);
        SimpleRunContext ctx = new SimpleRunContext(1, 1);
        Result r = new PlanAlgorithm().run(params(PlanAlgorithm.Params.class, Map.of("treeNodes", "5")),
                List.of(new InputFile("instance", f)), ctx);
        assertThat(r.values().get("policyTruncated")).isEqualTo(true);
        assertThat(ctx.infos()).anyMatch(m -> m.contains("truncated to 5 nodes"));
    }

    @Test
    void badInputIsAnInputException() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"states\": 1, \"actions\": 1, \"horizon\": 1,\n \"contexts\": []}");
        assertThatThrownBy(() -> new PlanAlgorithm().run(params(PlanAlgorithm.Params.class, Map.of()),
                List.of(new InputFile("instance", f)), new SimpleRunContext(1, 1))).isInstanceOf(InputException.class)
                .hasMessageContaining("bad.json:2").hasMessageContaining("non-empty array");
    }

    @Test
    void generateWritesTheInstanceAsValueAndTable() throws Exception {
        for (String family : new String[] {"random", "hard", "lock", "tiger", "bandit"}) {
            GenerateAlgorithm.Params p = params(GenerateAlgorithm.Params.class, Map.of("family", family, "seed", "5"));
            Result r = new GenerateAlgorithm().run(p, List.of(), new SimpleRunContext(1, 1));
            Lmdp expected = GenerateAlgorithm.generate(p);
            // the value is the JSON object of the file format: write it back and read it
            Path f = dir.resolve(family + ".json");
            Files.writeString(f, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(r.values().get("instance")));
            Lmdp back = LmdpJson.read(f);
            assertThat(back.states()).isEqualTo(expected.states());
            assertThat(PlannerValue.of(back)).as(family).isCloseTo(PlannerValue.of(expected), within(1e-12));
            assertThat(r.tables()).singleElement().satisfies(t -> assertThat(t.name()).isEqualTo("instance"));
        }
    }

    @Test
    void exampleFilesOfTheTourPlanToTheirClosedForms() throws Exception {
        Path data = Path.of("../../examples/data").toAbsolutePath().normalize();
        Path tiger = data.resolve("lmdp-tiger.json");
        Result t = new PlanAlgorithm().run(params(PlanAlgorithm.Params.class, Map.of()),
                List.of(new InputFile("instance", tiger)), new SimpleRunContext(1, 1));
        // majority of 7 listens with accuracy 0.8
        assertThat(t.metrics().get("optimalValue")).isCloseTo(0.966656, within(1e-9));
        Lmdp lock = LmdpJson.read(data.resolve("lmdp-lock.json"));
        Lmdp expected = Generators.lock(2, 2, 3, 0.8, 7);
        assertThat(PlannerValue.of(lock)).isCloseTo(PlannerValue.of(expected), within(1e-12));
        Result l = new PlanAlgorithm().run(params(PlanAlgorithm.Params.class, Map.of()),
                List.of(new InputFile("instance", data.resolve("lmdp-lock.json"))), new SimpleRunContext(1, 1));
        assertThat(l.metrics().get("bestMemorylessValue")).isLessThanOrEqualTo(l.metrics().get("optimalValue") + 1e-12);
        assertThat(l.metrics().get("optimalValue")).isLessThanOrEqualTo(l.metrics().get("contextKnownValue") + 1e-12);
    }

    /** Belief-tree value, for comparing instances. */
    static final class PlannerValue {
        static double of(Lmdp l) {
            return new org.quire.lmdp.plan.BeliefTreePlanner(l, org.quire.lmdp.plan.BeliefTreePlanner.exact(l)).plan().value();
        }
    }
}
