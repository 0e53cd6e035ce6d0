package org.quire.sem;

import java.util.ArrayList;
import java.util.List;
import org.quire.api.RunContext;
import org.quire.api.result.Result;

/** Adds what every sem run reports about its graph: counts, flags, strongly connected components, the picture. Stateless. */
final class GraphSummary {
    /** Pixel size of the graph picture. */
    static final int PICTURE_SIZE = 480;

    private GraphSummary() {
    }

    static void add(MixedGraph g, String file, Result.Builder out, RunContext ctx) {
        out.metric("nodes", g.n());
        out.metric("directedEdges", g.directedCount());
        out.metric("bidirectedEdges", g.bidirectedCount());
        out.value("edges", g.edgeList());
        out.value("simple", g.isSimple());
        out.value("acyclic", g.isAcyclic());
        List<List<Integer>> scc = new ArrayList<>();
        for (List<Integer> c : g.stronglyConnectedComponents()) {
            if (c.size() > 1) {
                List<Integer> oneBased = new ArrayList<>();
                for (int v : c) {
                    oneBased.add(v + 1);
                }
                scc.add(oneBased);
            }
        }
        out.value("cyclicComponents", scc);
        if (g.hasNames()) {
            out.value("names", List.of(g.names()));
        }
        for (String v : g.simplicityViolations()) {
            ctx.log().info(file + ": not simple: " + v);
        }
        out.image(GraphPicture.draw(g, "graph", PICTURE_SIZE));
    }
}
