package org.quire.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.quire.api.Progress;
import org.quire.registration.core.NeighbourIndex;
import org.quire.registration.core.PointOps;
import org.quire.registration.core.RigidTransform;
import org.quire.registration.core.Roughness;
import org.quire.registration.icp.IcpSettings;
import org.quire.registration.icp.TrimmedIcp;
import org.quire.registration.mpe.MpeGlobalRegistrar;
import org.quire.registration.mpe.MpeSettings;

/**
 * One scan onto a prepared reference: the MPE global stage (optional), then trimmed ICP — first on a random subsample
 * of the scan (coarse), then on all of it — and the self-checks (overlap, trimmed RMSE against the noise estimate,
 * convergence). Stateless; deterministic given the random stream, whatever the thread count.
 */
final class PairRegistration {
    private PairRegistration() {
    }

    /**
     * @param global      global-stage settings, or null to start TrICP from {@code initial}
     * @param icp         TrICP settings
     * @param refine      probes, coarse pass and search bounds
     * @param initial     start pose when {@code global} is null
     */
    static Outcome register(ReferenceModel ref, double[] scan, MpeSettings global, IcpSettings icp, Refinement refine,
            RigidTransform initial, Checks checks, SplittableRandom random, int threads, Progress progress) {
        long t0 = System.nanoTime();
        progress.begin("registration", 12);
        MpeGlobalRegistrar.Outcome g = null;
        RigidTransform start = initial;
        if (global != null) {
            g = new MpeGlobalRegistrar(global, threads).register(ref.xyz(), scan, random.split(), progress.split(4));
            start = g.pose();
        } else {
            progress.worked(4);
        }
        long t1 = System.nanoTime();
        TrimmedIcp tricp = new TrimmedIcp(ref.xyz(), ref.normals(), ref.index(), icp, threads);
        ReferenceModel coarseRef = ref.coarse(refine.coarseReference(), random.split());
        TrimmedIcp coarseIcp = new TrimmedIcp(coarseRef.xyz(), coarseRef.normals(), coarseRef.index(), icp, threads);
        int n = PointOps.count(scan);
        double coarseBound = refine.coarseDistance() * ref.diagonal();
        SplittableRandom probeRandom = random.split();
        SplittableRandom coarseRandom = random.split();
        List<Probe> probes = new ArrayList<>();
        List<RigidTransform> starts = new ArrayList<>();
        double[] sub = PointOps.select(scan, PointOps.sampleIndices(n, Math.max(3, refine.probePoints()), probeRandom));
        if (g != null && refine.verifyStarts()) {
            starts.add(start);
            for (MpeGlobalRegistrar.Candidate c : g.candidates()) {
                if (c.index() != g.bestStart()) {
                    starts.add(c.trace().pose());
                }
            }
        }
        Progress pp = progress.split(2);
        pp.begin("verifying start poses by TrICP", 2);
        if (starts.size() > 1) {
            start = bestProbe(coarseIcp, sub, starts, coarseBound, refine.probeIterations(), probes, pp);
        }
        pp.worked(1);
        if (refine.probeDeg() > 0) {
            List<RigidTransform> around = perturbations(start, sub, Math.toRadians(refine.probeDeg()),
                    refine.probeShift() * ref.diagonal(), refine.probeShifts());
            start = bestProbe(coarseIcp, sub, around, coarseBound, refine.probeIterations(), probes, pp);
        }
        pp.worked(1);
        TrimmedIcp.Outcome coarse = null;
        if (refine.coarsePoints() > 0 && refine.coarsePoints() < n) {
            double[] part = PointOps.select(scan, PointOps.sampleIndices(n, refine.coarsePoints(), coarseRandom));
            // the coarse pass runs from the best few distinct probe results and keeps the lowest ψ: scores of short
            // probes on 1000 points can rank a screw-slide basin just above the true one
            List<RigidTransform> finalists = finalists(probes, start, ref.diagonal(), FINALISTS);
            Progress cp = progress.split(2);
            cp.begin("coarse TrICP", finalists.size());
            for (RigidTransform f : finalists) {
                TrimmedIcp.Outcome o = coarseIcp.run(part, f, coarseBound, icp.maxIter(), Progress.none());
                if (coarse == null || o.finalPairs().score() < coarse.finalPairs().score()) {
                    coarse = o;
                }
                cp.worked(1);
            }
            start = coarse.pose();
        } else {
            progress.worked(2);
        }
        double fineBound = refine.fineDistance() * ref.diagonal();
        TrimmedIcp.Outcome fine = tricp.run(scan, start, fineBound, icp.maxIter(), progress.split(3));
        long t2 = System.nanoTime();
        NeighbourIndex scanIndex = new KdTreeIndex(scan);
        double scanRough = Roughness.estimate(scan, scanIndex, icp.normalK(), ReferenceModel.ROUGHNESS_SAMPLES, 0.25, threads);
        progress.worked(1);
        double noise = Math.hypot(ref.roughness(), scanRough);
        List<String> problems = problems(fine, noise, ref.diagonal(), checks);
        return new Outcome(fine.pose(), g, probes, coarse, fine, scanRough, noise, fineBound, problems, (t1 - t0) * 1e-9,
                (t2 - t1) * 1e-9);
    }

    /** Probe results refined by the coarse pass. */
    static final int FINALISTS = 3;

    /**
     * Up to {@code count} final poses of the probes in order of increasing ψ, skipping poses within 0.5° and 0.005 ×
     * diagonal of one already chosen; just {@code fallback} without probes.
     */
    static List<RigidTransform> finalists(List<Probe> probes, RigidTransform fallback, double diagonal, int count) {
        List<RigidTransform> out = new ArrayList<>();
        if (probes.isEmpty()) {
            out.add(fallback);
            return out;
        }
        List<Probe> sorted = new ArrayList<>(probes);
        sorted.sort(java.util.Comparator.comparingDouble(p -> p.icp().finalPairs().score()));
        for (Probe p : sorted) {
            RigidTransform t = p.icp().pose();
            boolean distinct = true;
            for (RigidTransform o : out) {
                if (RigidTransform.angleBetween(o, t) < Math.toRadians(0.5)
                        && RigidTransform.translationDistance(o, t) < 0.005 * diagonal) {
                    distinct = false;
                    break;
                }
            }
            if (distinct) {
                out.add(t);
                if (out.size() == count) {
                    break;
                }
            }
        }
        return out;
    }

    /** Runs a short TrICP from each start, records it, and returns the final pose of the lowest ψ (first among ties). */
    private static RigidTransform bestProbe(TrimmedIcp icp, double[] sub, List<RigidTransform> starts, double bound,
            int iterations, List<Probe> record, Progress progress) {
        Probe best = null;
        for (RigidTransform s : starts) {
            progress.checkCancelled();
            Probe p = new Probe(s, icp.run(sub, s, bound, iterations, Progress.none()));
            record.add(p);
            if (best == null || p.icp().finalPairs().score() < best.icp().finalPairs().score()) {
                best = p;
            }
        }
        return best.icp().pose();
    }

    /**
     * {@code pose}, its rotations by ±angle about the principal axes of the moved points (about their centroid), and
     * its shifts by ±k·{@code step} (k = 1..{@code shifts}) along the major axis, plain and combined with a twist of
     * ±k·angle/4 about that axis: the screw-slide directions of long smooth twisted parts (near-helicoidal blades).
     */
    static List<RigidTransform> perturbations(RigidTransform pose, double[] points, double angle, double step, int shifts) {
        double[] moved = pose.applyToPoints(points);
        double[] c = PointOps.centroid(moved);
        double[] axes = PointOps.principalAxes(moved);
        List<RigidTransform> out = new ArrayList<>();
        out.add(pose);
        double[] major = {axes[0], axes[1], axes[2]};
        for (int k = 1; k <= shifts; k++) {
            for (int sign = -1; sign <= 1; sign += 2) {
                double d = sign * k * step;
                // a plain shift and two screw motions (shift plus a twist of ±k·angle/4 about the major axis)
                for (int twist = 0; twist < 3; twist++) {
                    double a = twist == 0 ? 0 : (twist == 1 ? 1 : -1) * k * angle / 4;
                    RigidTransform rot = RigidTransform.axisAngle(major, a, new double[3]);
                    double[] rc = rot.applyRotation(c);
                    out.add(RigidTransform.of(rot.rotation(), new double[] {c[0] - rc[0] + d * major[0],
                            c[1] - rc[1] + d * major[1], c[2] - rc[2] + d * major[2]}).compose(pose));
                }
            }
        }
        for (int a = 0; a < 3; a++) {
            for (int sign = -1; sign <= 1; sign += 2) {
                RigidTransform rot = RigidTransform.axisAngle(new double[] {axes[3 * a], axes[3 * a + 1], axes[3 * a + 2]},
                        sign * angle, new double[3]);
                double[] rc = rot.applyRotation(c);
                out.add(RigidTransform.of(rot.rotation(), new double[] {c[0] - rc[0], c[1] - rc[1], c[2] - rc[2]})
                        .compose(pose));
            }
        }
        return out;
    }

    /**
     * How TrICP refines the global pose (design choices, not from the paper).
     *
     * @param verifyStarts   run a short TrICP (a "probe") from the final pose of every global start hypothesis and
     *                       continue from the one with the lowest ψ = e/ξ^(1+λ): the energy alone can prefer a flipped
     *                       pose when outliers are many
     * @param probeDeg       after the verification, probes from the best pose rotated by ±probeDeg about the scan's
     *                       principal axes and shifted along its major axis (0: no probes); the lowest ψ = e/ξ^(1+λ)
     *                       wins. Guards against the near-helical slides of smooth one-sided blade views
     * @param probeShift     shift step of the slide probes along the scan's major axis, factor of the diagonal
     * @param probeShifts    slide probes per direction (k = 1..probeShifts)
     * @param probePoints    scan points per probe
     * @param probeIterations TrICP iterations per probe
     * @param coarsePoints   scan points of the coarse pass (0: none)
     * @param coarseReference reference points (random subset) of the probes and the coarse pass (0: all)
     * @param coarseDistance search bound of probes and the coarse pass, factor of the reference diagonal
     * @param fineDistance   search bound of the full-resolution pass, factor of the diagonal; farther points are
     *                       unmatched (outliers)
     */
    record Refinement(boolean verifyStarts, double probeDeg, double probeShift, int probeShifts, int probePoints,
            int probeIterations, int coarsePoints, int coarseReference, double coarseDistance, double fineDistance) {
        /**
         * Start verification on, then probes at ±10° about the scan's axes and at ±1, 2, 3 × 0.03 diagonal along its
         * major axis (1000 points, 30 iterations each), coarse pass on 4000 scan points against 8000 reference points,
         * bounds 0.1 and 0.01 × diagonal.
         */
        static Refinement defaults() {
            return withProbes(10);
        }

        /** Start verification, probes at ±{@code deg} (0: none) and slide probes at ±1, 2, 3 × 0.03 diagonal. */
        static Refinement withProbes(double deg) {
            return new Refinement(true, deg, 0.03, 3, 1000, 30, 4000, 8000, 0.1, 0.01);
        }

        /** Plain refinement: no probes, no coarse pass, the given bound for the single pass. */
        static Refinement single(double distance) {
            return new Refinement(false, 0, 0, 0, 0, 0, 0, 0, distance, distance);
        }
    }

    /**
     * One probe.
     *
     * @param start its start pose
     * @param icp   its TrICP run
     */
    record Probe(RigidTransform start, TrimmedIcp.Outcome icp) {
    }

    static List<String> problems(TrimmedIcp.Outcome fine, double noise, double diagonal, Checks checks) {
        List<String> out = new ArrayList<>();
        double xi = fine.finalPairs().ratio();
        double trimmed = Math.sqrt(fine.finalPairs().error());
        if (xi < checks.minOverlap()) {
            out.add(String.format(Locale.ROOT, "overlap %.3f is below minOverlap %.3f", xi, checks.minOverlap()));
        }
        double bound = checks.maxNoiseRatio() * noise + checks.floor() * diagonal;
        if (trimmed > bound) {
            out.add(String.format(Locale.ROOT,
                    "trimmed RMSE %.4g is above %.3g x the noise estimate %.4g + %.1g x diagonal (= %.4g): the scan does "
                            + "not lie on the reference surface at the found pose",
                    trimmed, checks.maxNoiseRatio(), noise, checks.floor(), bound));
        }
        if (!fine.converged() && !(fine.lastRelChange() <= checks.maxRelChange())) {
            out.add(String.format(Locale.ROOT,
                    "trimmed ICP did not converge in %d iterations (last relative change of the trimmed MSE %.3g > %.1g)",
                    fine.iterations(), fine.lastRelChange(), checks.maxRelChange()));
        }
        return out;
    }

    /**
     * @param pose           final pose (scan → reference)
     * @param global         the global stage, or null
     * @param probes         the refinement probes (empty when off)
     * @param coarse         the coarse TrICP pass, or null
     * @param fine           the full-resolution TrICP pass
     * @param scanRoughness  noise estimate of the scan
     * @param noise          combined noise estimate used by the checks
     * @param searchBound    search bound of the final pass (length units)
     * @param problems       failed checks (empty: success)
     * @param globalSeconds  time of the global stage
     * @param icpSeconds     time of TrICP
     */
    record Outcome(RigidTransform pose, MpeGlobalRegistrar.Outcome global, List<Probe> probes, TrimmedIcp.Outcome coarse,
            TrimmedIcp.Outcome fine, double scanRoughness, double noise, double searchBound, List<String> problems, double globalSeconds,
            double icpSeconds) {

        /** TrICP iterations of all passes (probes, coarse, fine). */
        int icpIterations() {
            int n = fine.iterations() + (coarse == null ? 0 : coarse.iterations());
            for (Probe p : probes) {
                n += p.icp().iterations();
            }
            return n;
        }
    }
}
