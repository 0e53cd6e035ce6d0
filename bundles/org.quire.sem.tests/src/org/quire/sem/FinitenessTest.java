package org.quire.sem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quire.api.Progress;

/** Jacobian rank, codimension and generic fiber (spec §1.6, §2 fiber column, §5.7). */
class FinitenessTest {

    @Test
    void codimensionOfSimpleGraphsIsTheExpectedOne() {
        SplittableRandom rnd = new SplittableRandom(5);
        int checked = 0;
        for (int trial = 0; trial < 40; trial++) {
            MixedGraph g = RandomGraphs.simple(rnd, 3 + trial % 4, 0.6, 0.25);
            int m = g.sigmaCount();
            int params = g.parameterCount();
            if (params > m) {
                continue;
            }
            int rank = JacobianRank.rank(g, 2, rnd);
            assertThat(m - rank).as(g.toString()).isEqualTo(m - g.n() - g.directedCount() - g.bidirectedCount());
            checked++;
        }
        assertThat(checked).isGreaterThan(25);
    }

    @Test
    void nonSimpleTwoCycleIsRankDeficient() {
        MixedGraph g = MixedGraph.parse("1->2; 2->1");
        assertThat(g.isSimple()).isFalse();
        assertThat(JacobianRank.rank(g, 3, new SplittableRandom(1))).isEqualTo(3);
        assertThat(g.parameterCount()).isEqualTo(4);
    }

    @Test
    void fiberSizesOfTheSpecExamples() {
        // spec §2 fiber column: graphs with a directed cycle have 2 solutions, the acyclic Verma graph 1
        String[] two = {"1->2; 2->3; 3->1", "1->2; 2->3; 3->1; 3->4", "1->2; 2->3; 3->1; 3->4; 1<->4", "1->2; 2->3; 3->4; 4->1"};
        for (String s : two) {
            assertThat(FiberCount.count(MixedGraph.parse(s), 20000, new SplittableRandom(3), Progress.none()).solutions())
                    .as(s).isEqualTo(2);
        }
        assertThat(FiberCount.count(MixedGraph.parse("1->2; 1->3; 2->3; 3->4; 2<->4"), 20000, new SplittableRandom(3),
                Progress.none()).solutions()).isEqualTo(1);
        FiberCount.Count tiny = FiberCount.count(MixedGraph.parse("1->2; 2->3; 3->4; 4->1; 4->5; 1<->5"), 1,
                new SplittableRandom(3), Progress.none());
        assertThat(tiny.solutions()).isEqualTo(-1);
        assertThat(tiny.method()).contains("fiberBudget");
    }
}
