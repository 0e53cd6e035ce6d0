package org.quire.registration;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.Input;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.params.ParameterException;
import org.quire.api.result.Result;
import org.quire.geometry.PointSet;
import org.quire.registration.core.RigidTransform;
import org.quire.registration.icp.IcpSettings;

/**
 * {@code registration.icp}: the ICP baseline — plain (ξ = 1) or trimmed (fixed or automatic ξ), point-to-point or
 * point-to-plane — from an initial transform given as a parameter (16 numbers) or as an optional third input file.
 * Same outputs and self-checks as {@code registration.mpe}, without the global stage.
 */
@Component(service = Algorithm.class)
@AlgorithmInfo(id = "registration.icp", family = "registration", name = "ICP / trimmed ICP (baseline)",
        description = "Plain or trimmed ICP (point-to-point or point-to-plane) of a scan onto a reference from an "
                + "initial transform; the local baseline of the MPE registration.",
        references = {"P. J. Besl, N. D. McKay, A Method for Registration of 3-D Shapes, IEEE TPAMI 14 (1992)",
                "Y. Chen, G. Medioni, Object modelling by registration of multiple range images, IVC 10 (1992)",
                "D. Chetverikov, D. Stepanov, P. Krsek, Robust Euclidean alignment of 3D point sets: the trimmed iterative "
                        + "closest point algorithm, Image and Vision Computing 23 (2005)"})
@Input(name = "reference", formats = {"ply", "pcd", "xyz", "csv", "txt", "obj", "stl", "off", "gz"},
        description = "Reference cloud or mesh (its vertices)")
@Input(name = "scan", formats = {"ply", "pcd", "xyz", "csv", "txt", "obj", "stl", "off", "gz"},
        description = "Scan to register onto the reference")
@Input(name = "initial", minCount = 0, maxCount = 1, formats = {"txt", "csv"},
        description = "Optional initial transform: a 4x4 row-major text matrix (16 numbers; header lines are skipped)")
public final class IcpAlgorithm implements Algorithm<IcpAlgorithm.Params> {

    /**
     * Parameters.
     *
     * @param initial     initial transform as 16 numbers (empty: identity, or the third input)
     * @param metric      point-to-point or point-to-plane
     * @param trimRatio   ξ: 1 is plain ICP, 0 automatic
     * @param lambda      λ of the automatic rule
     * @param xiMin       smallest automatic ξ
     * @param maxIter     iteration cap
     * @param relTol      relative-change tolerance
     * @param normalK     neighbours for normals and noise estimates
     * @param normals     reference normals source
     * @param searchBound pairs farther apart are unmatched; factor of the diagonal (0: unbounded)
     * @param minOverlap  self-check
     * @param maxNoiseRatio self-check
     * @param onFailure   fail or warn
     */
    public record Params(
            @Param(label = "Initial transform", defaultValue = "",
                    description = "16 numbers, row-major 4x4, mapping the scan towards the reference; empty: identity "
                            + "(or the optional third input file)") String initial,
            @Param(label = "Metric", defaultValue = "point-to-point", choices = {"point-to-point", "point-to-plane"},
                    description = "Error minimised per iteration") String metric,
            @Param(label = "Trim ratio", min = 0, max = 1, defaultValue = "1",
                    description = "Kept fraction xi: 1 is plain ICP, 0 chooses xi automatically (TrICP)") double trimRatio,
            @Param(label = "Overlap lambda", min = 0, max = 10, defaultValue = "2",
                    description = "lambda of the automatic overlap rule") double lambda,
            @Param(label = "Smallest overlap", min = 0.01, max = 1, defaultValue = "0.4",
                    description = "Smallest automatic xi") double xiMin,
            @Param(label = "Iteration cap", min = 1, max = 100000, defaultValue = "200", description = "") int maxIter,
            @Param(label = "Tolerance", min = 0, max = 1, defaultValue = "1e-6",
                    description = "Stop when the relative change of the (trimmed) MSE is below this") double relTol,
            @Param(label = "Normal neighbours", min = 3, max = 200, defaultValue = "12",
                    description = "Neighbours for PCA normals and the noise estimate") int normalK,
            @Param(label = "Reference normals", defaultValue = "auto", choices = {"auto", "estimate"},
                    description = "auto: the file's unit normals when every point has one, else PCA") String normals,
            @Param(label = "Search bound", min = 0, max = 10, defaultValue = "0",
                    description = "Pairs farther apart are unmatched; factor of the reference diagonal; 0: unbounded") double searchBound,
            @Param(label = "Minimum overlap", min = 0, max = 1, defaultValue = "0.25",
                    description = "Self-check: a registration keeping a smaller fraction of the scan fails") double minOverlap,
            @Param(label = "Residual ratio", min = 0, defaultValue = "2",
                    description = "Self-check: trimmed RMSE above this many noise estimates (+1e-4 diagonal) fails") double maxNoiseRatio,
            @Param(label = "On failure", defaultValue = "fail", choices = {"fail", "warn"},
                    description = "fail: a failed self-check fails the run (exit 4); warn: report and warn") String onFailure) {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) throws Exception {
        InputFile refFile = inputs.get(0);
        InputFile scanFile = inputs.get(1);
        RigidTransform initial = RigidTransform.identity();
        boolean fromParam = !p.initial().isBlank();
        if (fromParam && inputs.size() > 2) {
            throw new ParameterException("initial", "give the initial transform either as the parameter or as the third "
                    + "input file, not both");
        }
        if (fromParam) {
            try {
                initial = Transforms.parse(p.initial());
            } catch (IllegalArgumentException e) {
                throw new ParameterException("initial", e.getMessage());
            }
        } else if (inputs.size() > 2) {
            initial = MatrixFile.read(inputs.get(2).path());
        }
        ctx.progress().begin("registration.icp", 11);
        PointSet refSet = Clouds.read(refFile, 3);
        double[] scan = Clouds.read(scanFile, 3).xyz();
        IcpSettings icp = new IcpSettings(MpeAlgorithm.metric(p.metric()), p.trimRatio(), p.lambda(), p.xiMin(), p.maxIter(),
                p.relTol(), p.normalK());
        ReferenceModel ref = ReferenceModel.build(refSet.xyz(), refSet.hasNormals() ? refSet.normals() : null, p.normalK(),
                p.normals().equals("estimate"), ctx.threads());
        ctx.progress().worked(1);
        double bound = p.searchBound() > 0 ? p.searchBound() : Double.POSITIVE_INFINITY;
        Checks checks = new Checks(p.minOverlap(), p.maxNoiseRatio(), Checks.defaults().floor(), Checks.defaults().maxRelChange());
        PairRegistration.Outcome o = PairRegistration.register(ref, scan, null, icp, PairRegistration.Refinement.single(bound),
                initial, checks, ctx.random(100), ctx.threads(), ctx.progress().split(10));
        MpeAlgorithm.report(o, scanFile, 0, p.onFailure(), ctx);
        Result.Builder out = Result.builder();
        RegistrationReport.write(out, ref, List.of(scan), List.of(o), "length units");
        out.value("initialTransform", Transforms.values(initial));
        return out.build();
    }
}
