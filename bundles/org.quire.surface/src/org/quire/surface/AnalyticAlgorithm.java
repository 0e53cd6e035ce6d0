package org.quire.surface;

import java.util.List;
import java.util.SplittableRandom;

import org.osgi.service.component.annotations.Component;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.Input;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.result.Result;
import org.quire.api.result.Table;
import org.quire.geometry.TriangleMesh;
import org.quire.geometry.index.MeshBvh;
import org.quire.surface.analytic.AnalyticShapes;
import org.quire.surface.analytic.AnalyticSurface;
import org.quire.surface.io.QueryCsv;

/**
 * {@code surface.analytic}: one of the analytic surfaces of spec §6.1 as a mesh, with the largest gap between the
 * tessellation's exact distance and the analytic one near the surface, and optionally the exact analytic closest
 * points of query points. Stateless.
 */
@Component(service = Algorithm.class)
@AlgorithmInfo(id = "surface.analytic", family = "surface", name = "Analytic surface",
        description = "Sphere, plane, disk, open cylinder, hemisphere, torus or Möbius strip in normalised coordinates: "
                + "a tessellation, its deviation from the exact surface (largest distance gap at near-surface probes whose exact closest point lies on the tessellated part), and exact closest points of optional queries.",
        references = {"R. Venkatesh et al., Deep Implicit Surface Point Prediction Networks, ICCV 2021 (arXiv:2106.05779)"})
@Input(name = "queries", formats = {"csv"}, minCount = 0, description = "Optional query points: CSV with header x,y,z")
public final class AnalyticAlgorithm implements Algorithm<AnalyticAlgorithm.Params> {

    /** Near-surface probes of the tessellation check. */
    static final int PROBES = 2000;

    /**
     * Parameters.
     *
     * @param shape      which surface
     * @param resolution tessellation segments along the longest parameter direction
     */
    public record Params(
            @Param(label = "Shape", defaultValue = "sphere",
                    choices = {"sphere", "plane", "disk", "cylinder", "hemisphere", "torus", "moebius"},
                    description = "The analytic surface (normalised coordinates, inside [-0.45, 0.45]^3)") String shape,
            @Param(label = "Resolution", defaultValue = "128", min = 8, max = 2048,
                    description = "Tessellation segments along the longest parameter direction") int resolution) {
    }

    private static boolean outside(double[] p, int i, double[] box) {
        for (int d = 0; d < 3; d++) {
            if (p[3 * i + d] < box[d] - 1e-12 || p[3 * i + d] > box[3 + d] + 1e-12) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) throws Exception {
        AnalyticSurface s = AnalyticShapes.byName(p.shape());
        ctx.progress().begin("analytic " + s.name(), 3);
        TriangleMesh mesh = s.mesh(p.resolution());
        ctx.progress().worked(1);
        Result.Builder out = Result.builder();
        MeshStats.addTo(out, mesh);
        out.metric("area", mesh.area());
        out.metric("closed", s.closed() ? 1 : 0);
        // tessellation error: exact mesh distance against the analytic one at near-surface probes
        MeshBvh bvh = new MeshBvh(mesh);
        SplittableRandom r = ctx.random(1);
        double[] probes = new double[3 * PROBES];
        double[] mv = mesh.verticesView();
        for (int i = 0; i < PROBES; i++) {
            int v = r.nextInt(mesh.vertexCount());
            for (int d = 0; d < 3; d++) {
                probes[3 * i + d] = mv[3 * v + d] + 0.03 * (2 * r.nextDouble() - 1);
            }
        }
        double[] exact = new double[3 * PROBES];
        s.closest(probes, exact, ctx.threads());
        MeshBvh.Batch b = bvh.closestAll(probes, ctx.threads(), null);
        double worst = 0;
        double[] box = mesh.bounds();
        for (int i = 0; i < PROBES; i++) {
            if (outside(exact, i, box)) {
                continue; // the plane is infinite, its tessellation a square patch
            }
            double dx = probes[3 * i] - exact[3 * i], dy = probes[3 * i + 1] - exact[3 * i + 1], dz = probes[3 * i + 2] - exact[3 * i + 2];
            worst = Math.max(worst, Math.abs(Math.sqrt(dx * dx + dy * dy + dz * dz) - b.distances[i]));
        }
        out.metric("tessellationError", worst);
        ctx.progress().worked(1);
        out.mesh(mesh.toResult("analytic"));
        if (inputs.size() > 0) {
            double[] q = QueryCsv.read(inputs.get(0).path());
            int n = q.length / 3;
            double[] cp = new double[3 * n];
            s.closest(q, cp, ctx.threads());
            double[][] cols = new double[7][n];
            for (int i = 0; i < n; i++) {
                double d2 = 0;
                for (int d = 0; d < 3; d++) {
                    cols[d][i] = q[3 * i + d];
                    cols[3 + d][i] = cp[3 * i + d];
                    d2 += (q[3 * i + d] - cp[3 * i + d]) * (q[3 * i + d] - cp[3 * i + d]);
                }
                cols[6][i] = Math.sqrt(d2);
            }
            out.table(Table.builder("closest").numeric("x", cols[0]).numeric("y", cols[1]).numeric("z", cols[2])
                    .numeric("px", cols[3]).numeric("py", cols[4]).numeric("pz", cols[5]).numeric("distance", cols[6]).build());
            out.metric("queries", n);
        }
        ctx.progress().worked(1);
        return out.build();
    }
}
