package org.quire.sem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.quire.api.InputException;

class GraphReaderTest {
    private static final Path JSON = Path.of("g.json");
    private static final Path TXT = Path.of("g.txt");

    @Test
    void readsJsonWithNamesAndIsolatedVertices() throws Exception {
        MixedGraph g = GraphReader.readJson(JSON, """
                {"nodes": 5, "names": ["a","b","c","d","e"],
                 "directed": [[1, 2], [2, 3], [3, 1]],
                 "bidirected": [[4, 1]]}
                """);
        assertThat(g.n()).isEqualTo(5);
        assertThat(g.edgeList()).isEqualTo("1->2; 2->3; 3->1; 1<->4");
        assertThat(g.label(3)).isEqualTo("d");
        assertThat(g.isAcyclic()).isFalse();
        assertThat(g.isSimple()).isTrue();
        assertThat(g.stronglyConnectedComponents()).hasSize(3);
        assertThat(g.parameterNames()).containsExactly("l_1_2", "l_2_3", "l_3_1", "w_1_1", "w_2_2", "w_3_3", "w_4_4",
                "w_5_5", "w_1_4");
    }

    @Test
    void readsEdgeListTextWithNamesCommentsAndReverseArrows() throws Exception {
        MixedGraph g = GraphReader.readText(TXT, "# a cycle\nX -> Y; Y->Z\nX <- Z   # closes it\nX <-> W\n");
        assertThat(g.n()).isEqualTo(4);
        assertThat(g.names()).containsExactly("X", "Y", "Z", "W");
        assertThat(g.edgeList()).isEqualTo("1->2; 2->3; 3->1; 1<->4");
        MixedGraph h = GraphReader.readText(TXT, "nodes: 5\n1->2; 2->3; 3->1; 1<->4");
        assertThat(h.n()).isEqualTo(5);
        assertThat(h.hasNames()).isFalse();
    }

    @Test
    void simplicityNamesTwoCyclesAndBows() throws Exception {
        MixedGraph g = GraphReader.readText(TXT, "1->2; 2->1; 2->3; 2<->3");
        assertThat(g.isSimple()).isFalse();
        assertThat(g.simplicityViolations()).containsExactly("2-cycle 1->2->1", "bow 2->3 with 2<->3");
    }

    @Test
    void badJsonEdgesNameTheEdgeTheFileAndTheLine() {
        assertThatThrownBy(() -> GraphReader.readJson(JSON, "{\"nodes\": 3,\n \"directed\": [[1, 2],\n [3, 3]]}"))
                .isInstanceOf(InputException.class).hasMessageContaining("g.json:3")
                .hasMessageContaining("edge 3->3").hasMessageContaining("self-loop");
        assertThatThrownBy(() -> GraphReader.readJson(JSON, "{\"nodes\": 3,\n \"bidirected\": [[1, 4]]}"))
                .isInstanceOf(InputException.class).hasMessageContaining("g.json:2")
                .hasMessageContaining("edge 1<->4").hasMessageContaining("out of range 1..3");
        assertThatThrownBy(() -> GraphReader.readJson(JSON, "{\"nodes\": 3,\n \"bidirected\": [[1, 2],\n\n [2, 1]]}"))
                .isInstanceOf(InputException.class).hasMessageContaining("g.json:4")
                .hasMessageContaining("edge 2<->1").hasMessageContaining("line 2");
        assertThatThrownBy(() -> GraphReader.readJson(JSON, "{\"nodes\": 3, \"directed\": [[1, 2, 3]]}"))
                .isInstanceOf(InputException.class).hasMessageContaining("pair");
        assertThatThrownBy(() -> GraphReader.readJson(JSON, "{\"nodes\": 3, \"direct\": []}"))
                .isInstanceOf(InputException.class).hasMessageContaining("unknown field \"direct\"");
        assertThatThrownBy(() -> GraphReader.readJson(JSON, "{\"nodes\": 3, \"directed\": [[1, 2]"))
                .isInstanceOf(InputException.class).hasMessageContaining("malformed JSON");
    }

    @Test
    void badTextEdgesNameTheEdgeTheFileAndTheLine() {
        assertThatThrownBy(() -> GraphReader.readText(TXT, "1->2\n2->2"))
                .isInstanceOf(InputException.class).hasMessageContaining("g.txt:2").hasMessageContaining("edge 2->2")
                .hasMessageContaining("self-loop");
        assertThatThrownBy(() -> GraphReader.readText(TXT, "nodes: 3\n1->2; 2->7"))
                .isInstanceOf(InputException.class).hasMessageContaining("g.txt:2").hasMessageContaining("edge 2->7")
                .hasMessageContaining("out of range 1..3");
        assertThatThrownBy(() -> GraphReader.readText(TXT, "1->2\n3<->1\n1<->3"))
                .isInstanceOf(InputException.class).hasMessageContaining("g.txt:3").hasMessageContaining("edge 1<->3")
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> GraphReader.readText(TXT, "1->2->3"))
                .isInstanceOf(InputException.class).hasMessageContaining("g.txt:1");
        assertThatThrownBy(() -> GraphReader.readText(TXT, "1 - 2"))
                .isInstanceOf(InputException.class).hasMessageContaining("not an edge");
    }
}
