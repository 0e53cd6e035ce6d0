package org.quire.lmdp.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.api.InputException;

/** The issue-4 JSON format: round trip, every validation error kind with its line, the return warning. */
class LmdpJsonTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            {"states": 2, "actions": 2, "horizon": 3,
             "contexts": [
              {"weight": 0.25, "initial": [1, 0],
               "transitions": [[[0.5, 0.5], [0, 1]],
                               [[1, 0], [0.2, 0.8]]],
               "rewards": [[0.1, 0], [0, 0.2]]},
              {"weight": 0.75, "initial": [0.5, 0.5],
               "transitions": [[[1, 0], [0, 1]],
                               [[0.3, 0.7], [1, 0]]],
               "rewards": [[0, 0.1], [0.2, 0]]}
             ]}
            """;

    private Path write(String text) throws Exception {
        Path f = dir.resolve("inst.json");
        Files.writeString(f, text);
        return f;
    }

    private InputException error(String text) throws Exception {
        Path f = write(text);
        try {
            LmdpJson.read(f);
        } catch (InputException e) {
            assertThat(e.file()).isEqualTo(f);
            return e;
        }
        throw new AssertionError("no error for " + text);
    }

    @Test
    void readsTheIssueFormat() throws Exception {
        Lmdp l = LmdpJson.read(write(GOOD));
        assertThat(l.contexts()).isEqualTo(2);
        assertThat(l.horizon()).isEqualTo(3);
        assertThat(l.weight(1)).isEqualTo(0.75);
        assertThat(l.transition(1, 1, 0, 1)).isEqualTo(0.7);
        assertThat(l.reward(0, 1, 1)).isEqualTo(0.2);
        assertThat(l.successors(0, 0, 0)).containsExactly(0, 1);
        assertThat(l.successors(0, 0, 1)).containsExactly(1);
        assertThat(LmdpJson.warnings(l)).isEmpty();
    }

    @Test
    void roundTripsGeneratedInstancesExactly() throws Exception {
        Lmdp l = Generators.random(3, 4, 2, 5, 3, 0.5, 42);
        Path f = dir.resolve("r.json");
        LmdpJson.write(l, f);
        Lmdp back = LmdpJson.read(f);
        for (int m = 0; m < 3; m++) {
            assertThat(back.weight(m)).isEqualTo(l.weight(m));
            for (int s = 0; s < 4; s++) {
                assertThat(back.initial(m, s)).isEqualTo(l.initial(m, s));
                for (int a = 0; a < 2; a++) {
                    assertThat(back.reward(m, s, a)).isEqualTo(l.reward(m, s, a));
                    for (int n = 0; n < 4; n++) {
                        assertThat(back.transition(m, s, a, n)).isEqualTo(l.transition(m, s, a, n));
                    }
                }
            }
        }
    }

    @Test
    void rowNotSummingToOneNamesContextStateActionAndLine() throws Exception {
        InputException e = error(GOOD.replace("[[0.3, 0.7], [1, 0]]", "[[0.3, 0.6], [1, 0]]"));
        assertThat(e.line()).isEqualTo(9);
        assertThat(e.getMessage()).contains("context 1, state 1, action 0, transitions").contains("sums to 0.899999");
    }

    @Test
    void negativeNumbersAreRejected() throws Exception {
        InputException e = error(GOOD.replace("\"rewards\": [[0, 0.1], [0.2, 0]]", "\"rewards\": [[0, 0.1], [-0.2, 0]]"));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.getMessage()).contains("context 1, state 1, action 0, reward").contains(">= 0");
        InputException t = error(GOOD.replace("[[1, 0], [0.2, 0.8]]", "[[1, 0], [-0.2, 1.2]]"));
        assertThat(t.line()).isEqualTo(5);
        assertThat(t.getMessage()).contains("context 0, state 1, action 1, transitions, entry 0");
    }

    @Test
    void weightsMustSumToOne() throws Exception {
        InputException e = error(GOOD.replace("\"weight\": 0.75", "\"weight\": 0.7"));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("weights must sum to 1").contains("0.95");
    }

    @Test
    void shapeMismatchesNameTheContextAndState() throws Exception {
        InputException e = error(GOOD.replace("[[1, 0], [0.2, 0.8]]", "[[1, 0]]"));
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("context 0, transitions of state 1").contains("expected 2 entries, found 1");
        InputException r = error(GOOD.replace("\"initial\": [0.5, 0.5]", "\"initial\": [0.5, 0.25, 0.25]"));
        assertThat(r.line()).isEqualTo(7);
        assertThat(r.getMessage()).contains("context 1, initial").contains("expected 2 entries, found 3");
        InputException n = error(GOOD.replace("[[0.5, 0.5], [0, 1]]", "[[0.5, 0.5, 0], [0, 1]]"));
        assertThat(n.line()).isEqualTo(4);
        assertThat(n.getMessage()).contains("context 0, state 0, action 0, transitions");
    }

    @Test
    void missingFieldsAndMalformedJsonAreReported() throws Exception {
        InputException e = error(GOOD.replace("\"horizon\": 3,", ""));
        assertThat(e.getMessage()).contains("missing field \"horizon\"");
        InputException m = error(GOOD.replace("\"rewards\": [[0.1, 0], [0, 0.2]]}", "\"rewards\": [[0.1, 0], [0, 0.2]]"));
        assertThat(m.getMessage()).contains("malformed JSON");
        assertThat(m.line()).isGreaterThan(0);
        InputException h = error(GOOD.replace("\"horizon\": 3", "\"horizon\": 2.5"));
        assertThat(h.line()).isEqualTo(1);
        assertThat(h.getMessage()).contains("\"horizon\": expected a positive integer");
        assertThat(error("").getMessage()).contains("empty");
    }

    @Test
    void warnsWhenAReturnCanExceedOne() throws Exception {
        Lmdp l = LmdpJson.read(write(GOOD.replace("\"rewards\": [[0.1, 0], [0, 0.2]]", "\"rewards\": [[0.6, 0], [0, 0.2]]")));
        // context 0 can collect 0.6 three times from state 0 (action 0 stays with probability 0.5)
        assertThat(l.maxReturn()).isEqualTo(1.8, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(LmdpJson.warnings(l)).singleElement().asString().contains("exceed", "1.8");
        assertThat(LmdpJson.warnings(Generators.random(2, 3, 2, 6, 2, 1.0, 3))).isEmpty();
    }

    @Test
    void builderValidatesWithContextStateAndAction() {
        Lmdp.Builder b = Lmdp.builder(1, 2, 1, 1).weight(0, 1).initial(0, 0, 1).transition(0, 0, 0, 0, 1);
        assertThatThrownBy(b::build).hasMessageContaining("context 0, state 1, action 0, transitions")
                .hasMessageContaining("sums to 0");
    }
}
