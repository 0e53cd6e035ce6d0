package org.quire.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.Input;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.result.Result;
import org.quire.geometry.PointSet;
import org.quire.registration.core.RigidTransform;
import org.quire.registration.icp.IcpMetric;
import org.quire.registration.icp.IcpSettings;
import org.quire.registration.mpe.Anneal;
import org.quire.registration.mpe.MpeSettings;
import org.quire.registration.mpe.Starts;

/**
 * {@code registration.mpe}: registers one or more scans onto a reference (model-based multiview: each scan
 * independently onto the reference) by the minimum-potential-energy global stage followed by trimmed ICP. Reports
 * the transforms, metrics of the first scan, a per-view table, overlays, a residual map and convergence charts. A
 * registration that fails its self-checks (overlap, trimmed RMSE against the noise estimate, convergence) fails the
 * run with the reason (or only warns, with {@code onFailure = warn}).
 */
@Component(service = Algorithm.class)
@AlgorithmInfo(id = "registration.mpe", family = "registration", name = "MPE multiview registration",
        description = "Correspondence-free global registration of partial scans onto a reference by descending the "
                + "negative-full-inverse potential energy with force, torque and a two-flag stride controller, then "
                + "trimmed ICP (point-to-plane, automatic overlap); 4x4 transforms, diagnostics and pictures.",
        references = {"Z. Wu, Y. Wang, Y. Mo, Q. Zhu, H. Xie, H. Wu, M. Feng, A. Mian, Multiview Point Cloud Registration "
                + "Based on Minimum Potential Energy for Free-Form Blade Measurement, arXiv:2502.07680 (2025)",
                "D. Chetverikov, D. Stepanov, P. Krsek, Robust Euclidean alignment of 3D point sets: the trimmed iterative "
                        + "closest point algorithm, Image and Vision Computing 23 (2005)",
                "V. Golyanik, S. A. Ali, D. Stricker, Gravitational Approach for Point Set Registration, CVPR 2016"})
@Input(name = "reference", formats = {"ply", "pcd", "xyz", "csv", "txt", "obj", "stl", "off", "gz"},
        description = "Reference cloud or mesh (its vertices); normals in the file are used for point-to-plane ICP")
@Input(name = "scans", minCount = 1, maxCount = 64, formats = {"ply", "pcd", "xyz", "csv", "txt", "obj", "stl", "off", "gz"},
        description = "One or more scans to register onto the reference, each independently")
public final class MpeAlgorithm implements Algorithm<MpeAlgorithm.Params> {

    /**
     * Parameters (spec §1.7). [R] marks reconstructions of parts the paper does not give.
     *
     * @param points        global-stage points per cloud
     * @param eps2Factor    ε² as a factor of the reference diagonal [R]
     * @param eps2          ε² in length units (overrides eps2Factor when &gt; 0)
     * @param strideT0      initial translation stride, factor of the diagonal [R]
     * @param strideR0      initial rotation stride [R]
     * @param tolT          rest tolerance of the translation stride, factor of the diagonal [R]
     * @param tolR          rest tolerance of the rotation stride [R]
     * @param grow          stride growth ("mutation") [R]
     * @param shrink        stride shrink on overshoot or rejection [R]
     * @param kGrow         same-direction steps before growth [R]
     * @param maxIterGlobal descent iteration cap per start
     * @param starts        start hypotheses
     * @param screenPoints  points per cloud when screening starts
     * @param annealStages  localising stages after the all-pairs descent [R]
     * @param annealCutoff  first cutoff of the localising stages, factor of the diagonal [R]
     * @param anneal        how the stages localise [R]
     * @param icpMetric     TrICP metric
     * @param trimRatio     fixed overlap ξ (0: automatic)
     * @param lambda        λ of the automatic overlap rule [R]
     * @param xiMin         smallest automatic ξ [R]
     * @param maxIterIcp    TrICP iteration cap per pass
     * @param relTol        TrICP relative-change tolerance [R]
     * @param normalK       neighbours for PCA normals and noise estimates
     * @param normals       reference normals: from the file when usable, or always estimated
     * @param coarsePoints  scan points of the coarse TrICP pass
     * @param coarseReference reference points of the coarse pass
     * @param coarseDistance search bound of the coarse pass, factor of the diagonal
     * @param fineDistance  search bound of the fine pass, factor of the diagonal
     * @param verifyStarts  verify every start hypothesis by a short TrICP
     * @param probeDeg      refinement probes (0: off)
     * @param minOverlap    self-check: smallest overlap ξ
     * @param maxNoiseRatio self-check: largest trimmed RMSE in units of the noise estimate
     * @param onFailure     fail the run or only warn when a self-check fails
     */
    public record Params(
            @Param(label = "Global points", min = 3, max = 20000, defaultValue = "600",
                    description = "Points per cloud (random subsample) in the global stage") int points,
            @Param(label = "Softening factor", min = 0, max = 10, defaultValue = "0.02",
                    description = "Softening eps^2 as a factor of the reference bounding-box diagonal [reconstructed]") double eps2Factor,
            @Param(label = "Softening", unit = "length", min = 0, defaultValue = "0",
                    description = "Softening eps^2 in length units; overrides the factor when > 0") double eps2,
            @Param(label = "Initial translation stride", min = 0, max = 10, minExclusive = true, defaultValue = "0.05",
                    description = "Factor of the diagonal [reconstructed]") double strideT0,
            @Param(label = "Initial rotation stride", unit = "deg", min = 0, max = 180, minExclusive = true, defaultValue = "10",
                    description = "[reconstructed]") double strideR0,
            @Param(label = "Translation rest tolerance", min = 0, max = 1, minExclusive = true, defaultValue = "1e-4",
                    description = "Factor of the diagonal; the body is at rest when both strides are below tolerance [reconstructed]") double tolT,
            @Param(label = "Rotation rest tolerance", unit = "deg", min = 0, max = 10, minExclusive = true, defaultValue = "0.01",
                    description = "[reconstructed]") double tolR,
            @Param(label = "Stride growth", min = 1, max = 10, defaultValue = "1.5",
                    description = "Stride factor after kGrow same-direction steps (mutation) [reconstructed]") double grow,
            @Param(label = "Stride shrink", min = 0, max = 1, minExclusive = true, maxExclusive = true, defaultValue = "0.5",
                    description = "Stride factor on overshoot (direction flag) or rejected step (energy flag) [reconstructed]") double shrink,
            @Param(label = "Steps before growth", min = 1, max = 100, defaultValue = "3",
                    description = "[reconstructed]") int kGrow,
            @Param(label = "Global iteration cap", min = 1, max = 1_000_000, defaultValue = "2000",
                    description = "Descent iterations per start") int maxIterGlobal,
            @Param(label = "Start hypotheses", defaultValue = "pca", choices = {"identity", "pca", "octahedral"},
                    description = "identity: one descent; pca: identity and the 4 PCA-frame sign hypotheses; octahedral: "
                            + "also the 24 axis-permutation rotations. The lowest final energy wins") String starts,
            @Param(label = "Screening points", min = 0, max = 20000, defaultValue = "300",
                    description = "Points per cloud for screening several starts (the winner is refined with all global "
                            + "points); 0 screens at the global point count") int screenPoints,
            @Param(label = "Localising stages", min = 0, max = 5, defaultValue = "0",
                    description = "Stages after the all-pairs descent that restrict the potential to the overlap (trim) "
                            + "or truncate it (truncate) [reconstructed]; 0 is the paper's single stage") int annealStages,
            @Param(label = "Localising cutoff", min = 0, max = 10, minExclusive = true, defaultValue = "0.1",
                    description = "Cutoff of the first localising stage, factor of the diagonal (then /2.5 per stage)") double annealCutoff,
            @Param(label = "Localising mode", defaultValue = "trim", choices = {"trim", "truncate"},
                    description = "trim: keep only points within the cutoff of the other cloud; truncate: cut the kernel") String anneal,
            @Param(label = "ICP metric", defaultValue = "point-to-plane", choices = {"point-to-plane", "point-to-point"},
                    description = "TrICP error; point-to-point is the paper-literal TrICP") String icpMetric,
            @Param(label = "Trim ratio", min = 0, max = 1, defaultValue = "0",
                    description = "Fixed TrICP overlap xi; 0 chooses it each iteration by minimising e/xi^(1+lambda)") double trimRatio,
            @Param(label = "Overlap lambda", min = 0, max = 10, defaultValue = "2",
                    description = "lambda of the automatic overlap rule [reconstructed]") double lambda,
            @Param(label = "Smallest overlap", min = 0.01, max = 1, defaultValue = "0.4",
                    description = "Smallest automatic overlap xi [reconstructed]") double xiMin,
            @Param(label = "ICP iteration cap", min = 1, max = 100000, defaultValue = "200",
                    description = "TrICP iterations per pass") int maxIterIcp,
            @Param(label = "ICP tolerance", min = 0, max = 1, defaultValue = "1e-6",
                    description = "Stop when the relative change of the trimmed MSE is below this (the spec's 1e-9 is "
                            + "rarely reached once the trimmed set cycles; a 10-iteration stall also stops)") double relTol,
            @Param(label = "Normal neighbours", min = 3, max = 200, defaultValue = "12",
                    description = "Neighbours for PCA normals and the noise estimate") int normalK,
            @Param(label = "Reference normals", defaultValue = "auto", choices = {"auto", "estimate"},
                    description = "auto: the file's unit normals when every point has one, else PCA; estimate: always PCA") String normals,
            @Param(label = "Coarse scan points", min = 0, max = 10_000_000, defaultValue = "4000",
                    description = "Scan points of the coarse TrICP pass (0: no coarse pass)") int coarsePoints,
            @Param(label = "Coarse reference points", min = 0, max = 10_000_000, defaultValue = "8000",
                    description = "Reference points of the coarse pass (0: all)") int coarseReference,
            @Param(label = "Coarse search bound", min = 0, max = 10, minExclusive = true, defaultValue = "0.1",
                    description = "Pairs farther apart are unmatched in the coarse pass; factor of the diagonal") double coarseDistance,
            @Param(label = "Fine search bound", min = 0, max = 10, minExclusive = true, defaultValue = "0.01",
                    description = "Pairs farther apart are unmatched (outliers) in the fine pass; factor of the diagonal") double fineDistance,
            @Param(label = "Verify starts", defaultValue = "true",
                    description = "Run a short TrICP from the final pose of every start hypothesis and continue from the "
                            + "lowest e/xi^(1+lambda) (the energy alone can prefer a flipped pose under many outliers)") boolean verifyStarts,
            @Param(label = "Refinement probes", unit = "deg", min = 0, max = 90, defaultValue = "10",
                    description = "When > 0, short TrICP runs also start from the best pose rotated by +-this about the "
                            + "scan's axes and shifted along its major axis (+-1,2,3 x 0.03 diagonal), keeping the lowest "
                            + "e/xi^(1+lambda): escapes the near-helical slides of smooth blade views; 0: off") double probeDeg,
            @Param(label = "Minimum overlap", min = 0, max = 1, defaultValue = "0.25",
                    description = "Self-check: a registration keeping a smaller fraction of the scan fails") double minOverlap,
            @Param(label = "Residual ratio", min = 0, defaultValue = "2",
                    description = "Self-check: a registration whose trimmed RMSE exceeds this many noise estimates "
                            + "(+1e-4 diagonal) fails") double maxNoiseRatio,
            @Param(label = "On failure", defaultValue = "fail", choices = {"fail", "warn"},
                    description = "fail: a failed self-check fails the run (exit 4) with the reason; warn: report and warn") String onFailure) {

        MpeSettings mpe() {
            return new MpeSettings(points, eps2Factor, eps2, strideT0, strideR0, tolT, tolR, grow, shrink, kGrow, maxIterGlobal,
                    Starts.valueOf(starts.toUpperCase(Locale.ROOT)), screenPoints, annealStages, annealCutoff,
                    Anneal.valueOf(anneal.toUpperCase(Locale.ROOT)));
        }

        IcpSettings icp() {
            return new IcpSettings(metric(icpMetric), trimRatio, lambda, xiMin, maxIterIcp, relTol, normalK);
        }

        PairRegistration.Refinement refinement() {
            return new PairRegistration.Refinement(verifyStarts, probeDeg, 0.03, 3, 1000, 30, coarsePoints, coarseReference,
                    coarseDistance, fineDistance);
        }

        Checks checks() {
            return new Checks(minOverlap, maxNoiseRatio, Checks.defaults().floor(), Checks.defaults().maxRelChange());
        }
    }

    static IcpMetric metric(String s) {
        return s.equalsIgnoreCase("point-to-point") ? IcpMetric.POINT_TO_POINT : IcpMetric.POINT_TO_PLANE;
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) throws Exception {
        MpeSettings mpe = p.mpe();
        IcpSettings icp = p.icp();
        InputFile refFile = inputs.get(0);
        List<InputFile> scanFiles = inputs.subList(1, inputs.size());
        if (scanFiles.isEmpty()) {
            throw new IllegalArgumentException("registration.mpe needs the reference and at least one scan "
                    + "(--input reference --input scan ...)");
        }
        ctx.progress().begin("registration.mpe", 1 + 10L * scanFiles.size());
        PointSet refSet = Clouds.read(refFile, 3);
        List<double[]> scans = new ArrayList<>();
        for (InputFile f : scanFiles) {
            scans.add(Clouds.read(f, 3).xyz());
        }
        ReferenceModel ref = ReferenceModel.build(refSet.xyz(), refSet.hasNormals() ? refSet.normals() : null, p.normalK(),
                p.normals().equals("estimate"), ctx.threads());
        ctx.progress().worked(1);
        if (!(ref.diagonal() > 0)) {
            throw new IllegalArgumentException(refFile.fileName() + ": the reference has zero extent");
        }
        List<PairRegistration.Outcome> res = new ArrayList<>();
        for (int k = 0; k < scans.size(); k++) {
            ctx.progress().message("scan " + (k + 1) + "/" + scans.size() + ": " + scanFiles.get(k).fileName());
            PairRegistration.Outcome o = PairRegistration.register(ref, scans.get(k), mpe, icp, p.refinement(),
                    RigidTransform.identity(), p.checks(), ctx.random(100 + k), ctx.threads(), ctx.progress().split(10));
            res.add(o);
            report(o, scanFiles.get(k), k, p.onFailure(), ctx);
        }
        Result.Builder out = Result.builder();
        RegistrationReport.write(out, ref, scans, res, "length units");
        out.value("referenceNormals", ref.normalsFromFile() ? "file" : "PCA of " + p.normalK() + " neighbours");
        return out.build();
    }

    /** Fails (or warns about) a registration whose self-checks failed. */
    static void report(PairRegistration.Outcome o, InputFile scan, int k, String onFailure, RunContext ctx) {
        if (o.problems().isEmpty()) {
            return;
        }
        String msg = "registration of scan " + (k + 1) + " (" + scan.fileName() + ") failed its checks: "
                + String.join("; ", o.problems());
        if (onFailure.equals("warn")) {
            ctx.log().warn(msg);
        } else {
            throw new IllegalStateException(msg);
        }
    }
}
