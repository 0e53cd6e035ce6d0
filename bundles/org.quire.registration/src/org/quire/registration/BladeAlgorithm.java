package org.quire.registration;

import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.result.PointCloud;
import org.quire.api.result.Result;
import org.quire.registration.blade.BladeGenerator;
import org.quire.registration.blade.BladeSettings;

/**
 * {@code registration.blade}: the spec's synthetic free-form blade (§4.3) — a reference cloud with exact normals and
 * scanner-like partial views with noise, outliers and a known pose — as point clouds, with the ground truth (the
 * transform mapping each scan onto the reference) as values and 4×4 tables. Seeded; no inputs.
 */
@Component(service = Algorithm.class)
@AlgorithmInfo(id = "registration.blade", family = "registration", name = "Synthetic blade scans",
        description = "A twisted NACA-style blade (200 long, root platform) sampled at random as the reference, and "
                + "one-sided scanner views with Gaussian noise, uniform outliers and a random rigid pose; writes the "
                + "reference, the scans and the ground-truth transforms (scan onto reference).",
        references = {"Z. Wu, Y. Wang, Y. Mo et al., Multiview Point Cloud Registration Based on Minimum Potential Energy "
                + "for Free-Form Blade Measurement, arXiv:2502.07680 (2025); blade model reconstructed (spec section 4.3)"})
public final class BladeAlgorithm implements Algorithm<BladeAlgorithm.Params> {

    /**
     * Parameters.
     *
     * @param views          number of views
     * @param noise          σ along the normal (0.3σ isotropic on top)
     * @param outliers       outlier fraction of each view
     * @param maxRotation    largest pose rotation (uniform in [0.5, 1] × this)
     * @param maxTranslation largest pose translation per component
     * @param referencePoints blade samples of the reference
     * @param platformPoints platform samples of the reference
     * @param scanSamples    blade samples per view before the visibility cut
     * @param twist          linear twist over the span
     * @param visibility     visibility threshold on n·v
     */
    public record Params(
            @Param(label = "Views", min = 1, max = 16, defaultValue = "1",
                    description = "Number of scanner views around the blade axis") int views,
            @Param(label = "Noise sigma", unit = "length", min = 0, max = 10, defaultValue = "0.1",
                    description = "Gaussian noise sigma along the surface normal (plus 0.3 sigma isotropic)") double noise,
            @Param(label = "Outlier fraction", min = 0, max = 0.9, defaultValue = "0.1",
                    description = "Fraction of each view's points that are uniform outliers in its box inflated by 20%") double outliers,
            @Param(label = "Max rotation", unit = "deg", min = 0, max = 180, defaultValue = "90",
                    description = "Largest pose rotation; the angle is uniform in [0.5, 1] times this") double maxRotation,
            @Param(label = "Max translation", unit = "length", min = 0, max = 10000, defaultValue = "50",
                    description = "Each pose translation component is uniform in plus or minus this") double maxTranslation,
            @Param(label = "Reference blade points", min = 100, max = 5_000_000, defaultValue = "40000",
                    description = "Random blade samples in the reference") int referencePoints,
            @Param(label = "Reference platform points", min = 0, max = 5_000_000, defaultValue = "8000",
                    description = "Random root-platform samples in the reference") int platformPoints,
            @Param(label = "Scan samples", min = 100, max = 5_000_000, defaultValue = "40000",
                    description = "Blade samples per view before the one-sided visibility cut") int scanSamples,
            @Param(label = "Twist", unit = "deg", min = -180, max = 180, defaultValue = "40",
                    description = "Linear twist over the 200-unit span") double twist,
            @Param(label = "Visibility threshold", min = -0.99, max = 0.99, defaultValue = "0.15",
                    description = "A view keeps points whose normal n satisfies n.v > this for view direction v") double visibility) {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) {
        BladeSettings s = new BladeSettings(200, p.twist(), p.referencePoints(), p.platformPoints(), p.scanSamples(),
                p.views(), p.visibility(), p.noise(), p.outliers(), p.maxRotation(), p.maxTranslation());
        BladeGenerator gen = new BladeGenerator(s);
        ctx.progress().begin("synthetic blade", 1 + p.views());
        BladeGenerator.Cloud ref = gen.reference(ctx.random(1));
        ctx.progress().worked(1);
        List<BladeGenerator.View> views = gen.views(ctx.random(2));
        ctx.progress().worked(p.views());
        Result.Builder out = Result.builder();
        out.cloud(new PointCloud("reference", toFloat(ref.xyz()), toFloat(ref.normals()), null));
        List<List<Double>> truths = new ArrayList<>();
        List<Double> angles = new ArrayList<>();
        for (int k = 0; k < views.size(); k++) {
            BladeGenerator.View v = views.get(k);
            out.cloud(new PointCloud(Transforms.indexed("scan", k, views.size()), toFloat(v.xyz()), null, null));
            out.table(Transforms.table(Transforms.indexed("truth", k, views.size()), v.truth()));
            truths.add(Transforms.values(v.truth()));
            angles.add(Math.toDegrees(v.truth().rotationAngle()));
        }
        BladeGenerator.View first = views.get(0);
        out.metric("referencePoints", ref.xyz().length / 3);
        out.metric("scanPoints", first.xyz().length / 3);
        out.metric("scanInliers", first.inliers());
        out.metric("rotationDeg", Math.toDegrees(first.truth().rotationAngle()));
        out.metric("translation", Math.sqrt(sq(first.truth().translation())));
        out.value("transform", truths.get(0));
        out.value("transforms", truths);
        out.value("rotationsDeg", angles);
        out.value("noise", p.noise());
        out.value("outlierFraction", p.outliers());
        out.value("seed", ctx.seed());
        out.value("note", "transform maps the scan onto the reference (row-major 4x4); scans hold inliers first, "
                + "then outliers");
        return out.build();
    }

    static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    private static double sq(double[] v) {
        return v[0] * v[0] + v[1] * v[1] + v[2] * v[2];
    }
}
