package org.quire.batch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lmdp family's planning acceptance through the real command line: {@code lmdp.plan} on the
 * bench instances (tiger-style, lock, bandit, hard, random) against the values of an independent
 * planner, BURLAP 3.0.1's exact finite-horizon belief-MDP solver ({@code bench/lmdp/run.sh}, which
 * also times both).
 */
class LmdpCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path INSTANCES = Path.of(System.getProperty("quire.lmdp.instances", "../../bench/lmdp/instances"))
            .toAbsolutePath().normalize();
    /** Optimal values printed by bench/lmdp/run.sh for BURLAP's BeliefSparseSampling (full width, c = -1). */
    private static final Map<String, Double> BURLAP = Map.of(
            "bandit", 0.927774066666667,
            "hard", 0.453614724956250,
            "lock", 0.399998771901399,
            "random", 0.775564074889256,
            "tiger", 0.999995888494871);

    @TempDir
    static Path root;
    static QuireProcess quire;

    @BeforeAll
    static void install() throws IOException {
        quire = new QuireProcess(QuireProcess.homeWithTestAlgorithms(root), root);
    }

    @Test
    void optimalValueEqualsAnIndependentPlannersWithin1e6() throws Exception {
        for (Map.Entry<String, Double> e : BURLAP.entrySet()) {
            Path instance = INSTANCES.resolve(e.getKey() + ".json");
            QuireProcess.Outcome o = quire.run("run", "lmdp.plan", "--input", instance.toString(), "-q", "--out", "plan-" + e.getKey());
            assertThat(o.exit()).as(e.getKey() + ": " + o).isIn(0, 1);
            JsonNode metrics = JSON.readTree(root.resolve("plan-" + e.getKey()).resolve("results.json").toFile()).get("metrics");
            assertThat(metrics.get("optimalValue").asDouble()).as(e.getKey()).isCloseTo(e.getValue(), within(1e-6));
            assertThat(metrics.get("optimalValue").asDouble()).isLessThanOrEqualTo(metrics.get("contextKnownValue").asDouble() + 1e-12);
        }
    }

    @Test
    void malformedInstanceExits3NamingContextStateAndAction() throws Exception {
        java.nio.file.Files.writeString(root.resolve("bad.json"), """
                {"states": 1, "actions": 1, "horizon": 1,
                 "contexts": [{"weight": 1, "initial": [1],
                               "transitions": [[[0.5]]],
                               "rewards": [[0]]}]}
                """);
        QuireProcess.Outcome o = quire.run("run", "lmdp.plan", "--input", "bad.json", "--out", "bad");
        assertThat(o.exit()).as(o.toString()).isEqualTo(3);
        assertThat(o.err()).contains("bad.json").contains("context 0").contains("state 0").contains("action 0");
    }
}
