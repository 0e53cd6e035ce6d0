package org.quire.surface;

import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.Input;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.Result;
import org.quire.api.result.Table;
import org.quire.geometry.TriangleMesh;
import org.quire.geometry.index.MeshBvh;
import org.quire.surface.io.QueryCsv;

/**
 * {@code surface.closest}: exact closest points of query points on a triangle mesh (BVH with Ericson's point-triangle
 * test, double precision), in query order. Stateless.
 */
@Component(service = Algorithm.class)
@AlgorithmInfo(id = "surface.closest", family = "surface", name = "Exact closest points on a mesh",
        description = "Exact closest surface points and unsigned distances of query points on a triangle mesh (open, "
                + "closed or non-manifold) through a bounding-volume hierarchy, with the mesh's boundary and "
                + "non-manifold edge counts.",
        references = {"C. Ericson, Real-Time Collision Detection, Morgan Kaufmann 2005, section 5.1.5",
            "R. Venkatesh et al., Deep Implicit Surface Point Prediction Networks, ICCV 2021 (arXiv:2106.05779)"})
@Input(name = "mesh", formats = {"obj", "ply", "off", "stl"}, description = "Triangle mesh (polygons are fan-triangulated)")
@Input(name = "queries", formats = {"csv"}, description = "Query points: CSV with header x,y,z (mesh units)")
public final class ClosestAlgorithm implements Algorithm<ClosestAlgorithm.Params> {

    /**
     * Parameters.
     *
     * @param histogram add a histogram chart of the distances
     */
    public record Params(
            @Param(label = "Distance histogram", defaultValue = "true",
                    description = "Chart the distribution of the distances (closestChart)") boolean histogram) {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) throws Exception {
        TriangleMesh mesh = SurfaceInputs.mesh(inputs.get(0));
        double[] q = QueryCsv.read(inputs.get(1).path());
        ctx.progress().begin("closest points", 10);
        long t0 = System.nanoTime();
        MeshBvh bvh = new MeshBvh(mesh);
        long t1 = System.nanoTime();
        MeshBvh.Batch b = bvh.closestAll(q, ctx.threads(), ctx.progress().split(10));
        long t2 = System.nanoTime();
        int n = b.size();
        ctx.log().info(String.format(Locale.ROOT, "BVH of %d triangles built in %.3f s; %d queries in %.3f s (%.0f queries/s on %d threads)",
                mesh.triangleCount(), (t1 - t0) / 1e9, n, (t2 - t1) / 1e9, n / Math.max(1e-9, (t2 - t1) / 1e9), ctx.threads()));
        double[][] cols = new double[7][n];
        double sum = 0;
        double max = 0;
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 3; d++) {
                cols[d][i] = q[3 * i + d];
                cols[3 + d][i] = b.points[3 * i + d];
            }
            cols[6][i] = b.distances[i];
            sum += b.distances[i];
            max = Math.max(max, b.distances[i]);
        }
        Result.Builder out = Result.builder();
        out.metric("queries", n);
        out.metric("meanDistance", sum / n);
        out.metric("maxDistance", max);
        MeshStats.addTo(out, mesh);
        double[] bounds = mesh.bounds();
        out.value("bounds", bounds);
        out.table(Table.builder("closest").numeric("x", cols[0]).numeric("y", cols[1]).numeric("z", cols[2])
                .numeric("px", cols[3]).numeric("py", cols[4]).numeric("pz", cols[5]).numeric("distance", cols[6]).build());
        if (p.histogram()) {
            out.chart(ChartSpec.histogram("closestChart", "Distances to the mesh", "distance (mesh units)",
                    Math.max(5, Math.min(60, (int) Math.sqrt(n))), cols[6]));
        }
        return out.build();
    }
}
