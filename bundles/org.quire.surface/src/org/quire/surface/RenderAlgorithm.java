package org.quire.surface;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.Input;
import org.quire.api.InputException;
import org.quire.api.InputFile;
import org.quire.api.Progress;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.params.ParameterException;
import org.quire.api.result.Result;
import org.quire.geometry.TriangleMesh;
import org.quire.surface.analytic.AnalyticShapes;
import org.quire.surface.csp.ClosestPointField;
import org.quire.surface.csp.CspModel;
import org.quire.surface.csp.MeshSource;
import org.quire.surface.csp.Normalisation;
import org.quire.surface.io.ModelTable;
import org.quire.surface.render.Camera;
import org.quire.surface.render.MeshRaycaster;
import org.quire.surface.render.RenderMetrics;
import org.quire.surface.render.Rendering;
import org.quire.surface.render.SphereTracer;

/**
 * {@code surface.render}: a sphere-traced image (spec §1.6) of a trained model, a mesh (its exact closest points
 * through the BVH) or an analytic surface, in normalised coordinates with the paper's camera, shaded by normal. A
 * reference mesh adds the ground-truth ray cast and the rendered metrics of spec §1.8. Stateless.
 */
@Component(service = Algorithm.class)
@AlgorithmInfo(id = "surface.render", family = "surface", name = "Sphere-trace a closest-point field",
        description = "Sphere-traced image of a trained CSP model, a mesh or an analytic surface with the paper's camera "
                + "and tangent-plane refinement, shaded by the Jacobian (or forward) normal; with a reference mesh also "
                + "its ray-cast image and the rendered normal, silhouette and depth metrics.",
        references = {"R. Venkatesh et al., Deep Implicit Surface Point Prediction Networks, ICCV 2021 (arXiv:2106.05779)",
            "J. C. Hart, Sphere tracing, The Visual Computer 12 (1996)"})
@Input(name = "source", formats = {"csv", "obj", "ply", "off", "stl"}, minCount = 0, maxCount = 2,
        description = "model.csv of surface.fit, or a mesh; leave out for an analytic shape. A second file, a mesh, "
                + "is the ground truth for the rendered metrics (the model's source mesh)")
public final class RenderAlgorithm implements Algorithm<RenderAlgorithm.Params> {

    /**
     * Parameters.
     *
     * @param shape      analytic shape when there is no source input
     * @param resolution image side
     * @param azimuth    camera azimuth
     * @param elevation  camera elevation
     * @param distance   camera distance
     * @param threshold  convergence threshold
     * @param maxSteps   evaluations per ray
     * @param tile       cone-marching tile
     * @param normals    shading normal
     * @param method     sphere-trace or ray cast (meshes)
     */
    public record Params(
            @Param(label = "Analytic shape", defaultValue = "none",
                    choices = {"none", "sphere", "plane", "disk", "cylinder", "hemisphere", "torus", "moebius"},
                    description = "Render this analytic surface when no source input is given") String shape,
            @Param(label = "Resolution", defaultValue = "512", min = 8, max = 4096, unit = "px",
                    description = "Image width and height") int resolution,
            @Param(label = "Azimuth", defaultValue = "30", min = -360, max = 360, unit = "deg",
                    description = "Camera azimuth about the up axis z, from +x") double azimuth,
            @Param(label = "Elevation", defaultValue = "30", min = -89, max = 89, unit = "deg",
                    description = "Camera elevation (paper 30)") double elevation,
            @Param(label = "Distance", defaultValue = "1.7", min = 0.6, max = 100, unit = "normalised",
                    description = "Camera distance from the centre (paper 1.7)") double distance,
            @Param(label = "Threshold", defaultValue = "0.008", min = 1e-6, max = 0.1, unit = "normalised",
                    description = "Stop when the distance is below this (paper 0.008)") double threshold,
            @Param(label = "Max steps", defaultValue = "1000", min = 1, max = 100_000,
                    description = "Most field evaluations per ray (paper 1000)") int maxSteps,
            @Param(label = "Beam tile", defaultValue = "8", min = 1, max = 64, unit = "px",
                    description = "Pixels per side of a cone-marched beam (1: plain sphere tracing)") int tile,
            @Param(label = "Normals", defaultValue = "jacobian", choices = {"jacobian", "forward"},
                    description = "Shade with the Jacobian normal n_J or the forward normal n_f") String normals,
            @Param(label = "Method", defaultValue = "sphere-trace", choices = {"sphere-trace", "raycast"},
                    description = "raycast: BVH ray cast of a mesh source instead of sphere tracing its exact distance") String method) {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) throws Exception {
        // one slot (only the last slot of an algorithm may be optional or repeated): the source, then the reference
        InputFile source = inputs.isEmpty() ? null : inputs.get(0);
        InputFile reference = inputs.size() < 2 ? null : inputs.get(1);
        if (reference != null && SurfaceInputs.isModel(reference)) {
            throw new InputException(reference.path(), 0, "the second input is the reference and must be a mesh "
                    + "(obj, ply, off, stl), not a model table");
        }
        Progress progress = ctx.progress();
        progress.begin("surface.render", 100);
        Camera camera = new Camera(p.resolution(), p.resolution(), p.azimuth(), p.elevation(), p.distance());
        SphereTracer tracer = new SphereTracer(new SphereTracer.Settings(p.threshold(), p.maxSteps(), 0.01, p.tile(), true));
        ClosestPointField field;
        Normalisation normalisation;
        MeshSource meshSource = null;
        String what;
        if (source == null) {
            if (p.shape().equals("none")) {
                throw new ParameterException("shape", "give a source input (model.csv or a mesh) or an analytic shape");
            }
            normalisation = Normalisation.IDENTITY;
            what = "analytic " + p.shape();
            if (p.shape().equals("moebius")) {
                // its closest point needs Newton iterations: trace its 200 x 40 tessellation through the BVH instead
                meshSource = new MeshSource(AnalyticShapes.byName("moebius").mesh(200), Normalisation.IDENTITY, what);
                field = meshSource.field();
            } else {
                field = AnalyticShapes.byName(p.shape());
            }
        } else if (SurfaceInputs.isModel(source)) {
            CspModel model = ModelTable.read(source.path());
            field = model.network();
            normalisation = model.normalisation();
            what = "model " + source.fileName();
        } else {
            TriangleMesh mesh = SurfaceInputs.mesh(source);
            meshSource = new MeshSource(mesh, source.fileName());
            field = meshSource.field();
            normalisation = meshSource.normalisation();
            what = "mesh " + source.fileName();
        }
        long t0 = System.nanoTime();
        Rendering image;
        if (p.method().equals("raycast")) {
            if (meshSource == null) {
                throw new ParameterException("method", "raycast needs a mesh source; models and analytic shapes are sphere-traced");
            }
            image = MeshRaycaster.render(meshSource.unitMesh(), meshSource.bvh(), camera, ctx.threads(), progress.split(80));
        } else {
            image = tracer.render(field, camera, ctx.threads(), progress.split(80));
        }
        long t1 = System.nanoTime();
        long evaluations = 0;
        for (int e : image.evaluations) {
            evaluations += e;
        }
        ctx.log().info(String.format(Locale.ROOT, "%s: %dx%d rendered in %.2f s on %d threads (%d per-pixel evaluations)",
                what, p.resolution(), p.resolution(), (t1 - t0) / 1e9, ctx.threads(), evaluations));
        Result.Builder out = Result.builder();
        out.metric("hitPixels", image.hits());
        out.metric("evaluationsPerPixel", (double) evaluations / image.hit.length);
        out.image(image.toImage("render", !p.normals().equals("forward")));
        if (reference != null) {
            TriangleMesh ref = SurfaceInputs.mesh(reference);
            MeshSource gt = new MeshSource(ref, normalisation, reference.fileName());
            Rendering truth = MeshRaycaster.render(gt.unitMesh(), gt.bvh(), camera, ctx.threads(), progress.split(15));
            Map<String, Double> m = RenderMetrics.compare(image, truth);
            m.forEach(out::metric);
            out.image(truth.toImage("reference", true));
        }
        progress.worked(5);
        out.value("source", what);
        return out.build();
    }
}
