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
import org.quire.api.CancelledException;
import org.quire.api.InputFile;
import org.quire.api.SimpleRunContext;
import org.quire.api.params.ParameterException;
import org.quire.api.params.ParameterSchema;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.Result;
import org.quire.api.result.Table;

/** {@code lmdp.learn} end to end on a tiger instance written as JSON. */
class LearnAlgorithmTest {

    private static final String TIGER = """
            {"states": 4, "actions": 3, "horizon": 3,
             "contexts": [
              {"weight": 0.5, "initial": [1, 0, 0, 0],
               "transitions": [[[0, 0.8, 0.2, 0], [0, 0, 0, 1], [0, 0, 0, 1]],
                               [[0, 0.8, 0.2, 0], [0, 0, 0, 1], [0, 0, 0, 1]],
                               [[0, 0.8, 0.2, 0], [0, 0, 0, 1], [0, 0, 0, 1]],
                               [[0, 0, 0, 1], [0, 0, 0, 1], [0, 0, 0, 1]]],
               "rewards": [[0, 0, 1], [0, 0, 1], [0, 0, 1], [0, 0, 0]]},
              {"weight": 0.5, "initial": [1, 0, 0, 0],
               "transitions": [[[0, 0.2, 0.8, 0], [0, 0, 0, 1], [0, 0, 0, 1]],
                               [[0, 0.2, 0.8, 0], [0, 0, 0, 1], [0, 0, 0, 1]],
                               [[0, 0.2, 0.8, 0], [0, 0, 0, 1], [0, 0, 0, 1]],
                               [[0, 0, 0, 1], [0, 0, 0, 1], [0, 0, 0, 1]]],
               "rewards": [[0, 1, 0], [0, 1, 0], [0, 1, 0], [0, 0, 0]]}]}
            """;

    @TempDir
    Path dir;

    private Result run(Map<String, String> params, int threads) throws Exception {
        Path file = dir.resolve("tiger.json");
        Files.writeString(file, TIGER);
        LearnAlgorithm algorithm = new LearnAlgorithm();
        LearnAlgorithm.Params p = (LearnAlgorithm.Params) ParameterSchema.of(LearnAlgorithm.Params.class).bind(params);
        return algorithm.run(p, List.of(new InputFile("lmdp", file)), new SimpleRunContext(9, threads));
    }

    @Test
    void reportsMetricsChartsAndCurvesPerLearner() throws Exception {
        Result r = run(Map.of("episodes", "600", "seeds", "3", "learners", "value,oracle,memoryless"), 2);
        // H = 3 on this tiger: listen twice and open against the majority = listen once: V* = 0.8
        assertThat(r.metrics().get("optimalValue")).isCloseTo(0.8, within(1e-12));
        for (String id : List.of("value", "oracle", "memoryless")) {
            assertThat(r.metrics()).containsKeys(id + ".finalRegret", id + ".slope", id + ".replans");
        }
        assertThat(r.metrics().get("oracle.finalRegret")).isCloseTo(0, within(1e-12));
        assertThat(r.metrics().get("value.replans")).isPositive()
                .isLessThanOrEqualTo(r.metrics().get("replanBound"));
        assertThat(r.metrics().get("replanBound")).isEqualTo(2.0 * 4 * 3 * Math.ceil(Math.log(1800) / Math.log(2)));
        assertThat(r.charts()).extracting(ChartSpec::name).contains("regret", "regretLogLog", "normalisedRegret");
        ChartSpec regret = r.charts().get(0);
        assertThat(regret.series()).hasSize(3).allMatch(s -> s.hasBand());
        Table curves = r.tables().get(0);
        assertThat(curves.name()).isEqualTo("regretCurves");
        assertThat(curves.columns()).extracting(Table.Column::name).containsExactly("k", "learner", "mean", "low", "high");
        int points = regret.series().get(0).size();
        assertThat(curves.rowCount()).isEqualTo(3 * points);
        for (int i = 0; i < curves.rowCount(); i++) {
            assertThat(curves.columns().get(3).number(i)).isLessThanOrEqualTo(curves.columns().get(2).number(i));
            assertThat(curves.columns().get(4).number(i)).isGreaterThanOrEqualTo(curves.columns().get(2).number(i));
        }
    }

    @Test
    void sameSeedGivesIdenticalResultsWithOneOrTwoThreads() throws Exception {
        Map<String, String> params = Map.of("episodes", "300", "seeds", "3");
        Result one = run(params, 1);
        Result two = run(params, 2);
        assertThat(two.metrics()).isEqualTo(one.metrics());
        Table a = one.tables().get(0);
        Table b = two.tables().get(0);
        for (int c = 0; c < a.columns().size(); c++) {
            if (a.columns().get(c).isNumeric()) {
                assertThat(b.columns().get(c).numbers()).isEqualTo(a.columns().get(c).numbers());
            } else {
                assertThat(b.columns().get(c).texts()).isEqualTo(a.columns().get(c).texts());
            }
        }
    }

    @Test
    void horizonOverrideChangesTheOptimalValue() throws Exception {
        Result r = run(Map.of("episodes", "50", "seeds", "1", "learners", "oracle", "horizon", "4"), 1);
        assertThat(r.metrics().get("optimalValue")).isCloseTo(0.896, within(1e-12));
    }

    @Test
    void unknownLearnerIsAParameterError() {
        assertThatThrownBy(() -> run(Map.of("learners", "value,ucbvi"), 1))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("ucbvi").hasMessageContaining("value, model, lucrl".replace(", ", ","));
    }

    @Test
    void cancellationStopsTheStudy() throws Exception {
        Path file = dir.resolve("tiger.json");
        Files.writeString(file, TIGER);
        LearnAlgorithm.Params p = (LearnAlgorithm.Params) ParameterSchema.of(LearnAlgorithm.Params.class).bind(Map.of("episodes", "1000"));
        SimpleRunContext cancelled = new SimpleRunContext(1, 2);
        cancelled.cancel();
        assertThatThrownBy(() -> new LearnAlgorithm().run(p, List.of(new InputFile("lmdp", file)), cancelled))
                .isInstanceOf(CancelledException.class);
    }
}
