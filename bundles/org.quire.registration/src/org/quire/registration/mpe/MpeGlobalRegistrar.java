package org.quire.registration.mpe;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.quire.api.Progress;
import org.quire.registration.core.PointOps;
import org.quire.registration.core.RigidTransform;

/**
 * The MPE global stage: subsamples both clouds, resolves ε² and the strides against the reference diagonal,
 * descends from each start hypothesis (centroids matched, spec §1.4) and keeps the lowest final energy. With several
 * starts and {@code screenPoints > 0} the starts are screened on smaller subsamples and the winner is refined at
 * {@code points}. Deterministic given the random stream; the thread count does not change any number.
 */
public final class MpeGlobalRegistrar {
    private final MpeSettings settings;
    private final int threads;

    /** @param threads thread budget for the energy sums */
    public MpeGlobalRegistrar(MpeSettings settings, int threads) {
        this.settings = settings;
        this.threads = threads;
    }

    /**
     * Registers {@code template} (moving, e.g. a scan) onto {@code reference}.
     *
     * @param random   the subsampling stream (derive it from the run's seed)
     * @param progress progress (may be {@link Progress#none()}); checked every iteration
     */
    public Outcome register(double[] reference, double[] template, SplittableRandom random, Progress progress) {
        double diag = PointOps.diagonal(reference);
        if (!(diag > 0)) {
            throw new IllegalArgumentException("the reference has zero extent");
        }
        double eps2 = settings.eps2() > 0 ? settings.eps2() : settings.eps2Factor() * diag;
        int[] refIdx = PointOps.sampleIndices(PointOps.count(reference), settings.points(), random.split());
        int[] tplIdx = PointOps.sampleIndices(PointOps.count(template), settings.points(), random.split());
        double[] ref = PointOps.select(reference, refIdx);
        double[] tpl = PointOps.select(template, tplIdx);
        List<RigidTransform> starts = startRotations(ref, tpl, settings.starts());
        List<Candidate> candidates = new ArrayList<>();
        boolean screen = starts.size() > 1 && settings.screenPoints() > 0 && settings.screenPoints() < settings.points();
        progress.begin("MPE global stage", starts.size() + (screen ? 1 : 0) + settings.annealStages());
        double[] sRef = ref;
        double[] sTpl = tpl;
        if (screen) {
            sRef = PointOps.select(ref, PointOps.sampleIndices(PointOps.count(ref), settings.screenPoints(), random.split()));
            sTpl = PointOps.select(tpl, PointOps.sampleIndices(PointOps.count(tpl), settings.screenPoints(), random.split()));
        }
        PotentialField screenField = new PotentialField(sRef, eps2, threads);
        MpeDescent screenDescent = new MpeDescent(screenField, sTpl, settings, diag);
        double[] cRef = PointOps.centroid(sRef);
        double[] cTpl = PointOps.centroid(sTpl);
        for (int s = 0; s < starts.size(); s++) {
            RigidTransform start = centred(starts.get(s), cRef, cTpl);
            MpeDescent.Trace trace = screenDescent.run(start, progress);
            candidates.add(new Candidate(s, start, trace));
            progress.message("start " + (s + 1) + "/" + starts.size() + ": E = " + trace.energy());
            progress.worked(1);
        }
        Candidate best = candidates.get(0);
        for (Candidate c : candidates) {
            if (c.trace().energy() < best.trace().energy()) {
                best = c;
            }
        }
        MpeDescent.Trace finalTrace = best.trace();
        if (screen) {
            PotentialField field = new PotentialField(ref, eps2, threads);
            finalTrace = new MpeDescent(field, tpl, settings, diag).run(best.trace().pose(), progress);
            progress.worked(1);
        }
        MpeDescent.Trace allPairs = finalTrace;
        List<MpeDescent.Trace> anneal = new ArrayList<>();
        for (int k = 1; k <= settings.annealStages(); k++) {
            double scale = Math.pow(4, -k);
            double cutoff = settings.annealCutoff() * diag / Math.pow(2.5, k - 1);
            MpeDescent.Trace t;
            if (settings.anneal() == Anneal.TRUNCATE) {
                PotentialField field = new PotentialField(ref, eps2 * scale, cutoff, threads);
                t = new MpeDescent(field, tpl, settings, diag, scale).run(finalTrace.pose(), progress);
            } else {
                double[] moved = finalTrace.pose().applyToPoints(tpl);
                int[] refKeep = within(ref, moved, cutoff);
                int[] tplKeep = within(moved, ref, cutoff);
                if (refKeep.length < 10 || tplKeep.length < 10) {
                    break;
                }
                PotentialField field = new PotentialField(PointOps.select(ref, refKeep), eps2 * scale, threads);
                t = new MpeDescent(field, PointOps.select(tpl, tplKeep), settings, diag, scale).run(finalTrace.pose(),
                        progress);
            }
            finalTrace = t;
            anneal.add(finalTrace);
            progress.worked(1);
        }
        return new Outcome(finalTrace.pose(), allPairs, anneal, candidates, best.index(), eps2, diag, ref.length / 3,
                tpl.length / 3);
    }

    /** Indices of the points of {@code a} whose nearest point of {@code b} is closer than {@code r} (brute force). */
    private int[] within(double[] a, double[] b, double r) {
        double r2 = r * r;
        int n = a.length / 3;
        double[] keep = org.quire.compute.Parallel.map(threads, n, i -> {
            double x = a[3 * i];
            double y = a[3 * i + 1];
            double z = a[3 * i + 2];
            for (int j = 0; j < b.length; j += 3) {
                double dx = b[j] - x;
                double dy = b[j + 1] - y;
                double dz = b[j + 2] - z;
                if (dx * dx + dy * dy + dz * dz < r2) {
                    return 1;
                }
            }
            return 0;
        });
        int m = 0;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            if (keep[i] > 0) {
                idx[m++] = i;
            }
        }
        return java.util.Arrays.copyOf(idx, m);
    }

    /** Start pose with rotation {@code r} and translation matching the rotated template centroid to the reference's. */
    static RigidTransform centred(RigidTransform r, double[] cRef, double[] cTpl) {
        double[] rc = r.applyRotation(cTpl);
        return RigidTransform.of(r.rotation(), new double[] {cRef[0] - rc[0], cRef[1] - rc[1], cRef[2] - rc[2]});
    }

    /** The start rotations of a hypothesis set, identity first. */
    static List<RigidTransform> startRotations(double[] ref, double[] tpl, Starts starts) {
        List<RigidTransform> out = new ArrayList<>();
        out.add(RigidTransform.identity());
        if (starts == Starts.IDENTITY) {
            return out;
        }
        double[] ay = PointOps.principalAxes(ref);
        double[] ax = PointOps.principalAxes(tpl);
        int[][] signs = {{1, 1, 1}, {1, -1, -1}, {-1, 1, -1}, {-1, -1, 1}};
        for (int[] s : signs) {
            double[] r = new double[9];
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        r[3 * i + j] += s[k] * ay[3 * k + i] * ax[3 * k + j];
                    }
                }
            }
            out.add(RigidTransform.of(r, new double[3]));
        }
        if (starts == Starts.OCTAHEDRAL) {
            out.addAll(octahedralGroup());
        }
        return out;
    }

    /** The 24 proper rotations mapping the coordinate axes onto signed coordinate axes. */
    static List<RigidTransform> octahedralGroup() {
        List<RigidTransform> out = new ArrayList<>();
        int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] p : perms) {
            for (int sg = 0; sg < 8; sg++) {
                double[] r = new double[9];
                for (int i = 0; i < 3; i++) {
                    r[3 * i + p[i]] = ((sg >> i) & 1) == 0 ? 1 : -1;
                }
                double det = r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6])
                        + r[2] * (r[3] * r[7] - r[4] * r[6]);
                if (det > 0) {
                    out.add(RigidTransform.of(r, new double[3]));
                }
            }
        }
        return out;
    }

    /**
     * One start's descent.
     *
     * @param index position in the start list (0: identity)
     * @param start the start pose
     * @param trace its (screening) descent
     */
    public record Candidate(int index, RigidTransform start, MpeDescent.Trace trace) {
    }

    /**
     * The global stage's result.
     *
     * @param pose           template → reference pose (after the annealing stages)
     * @param trace          the winning all-pairs descent (the refinement when screening)
     * @param anneal         the truncated-field stages, in order (empty without annealing)
     * @param candidates     every start's descent
     * @param bestStart      index of the winning start
     * @param eps2           softening used (length units)
     * @param diagonal       reference bounding-box diagonal
     * @param referencePoints reference points used
     * @param templatePoints template points used
     */
    public record Outcome(RigidTransform pose, MpeDescent.Trace trace, List<MpeDescent.Trace> anneal, List<Candidate> candidates, int bestStart,
            double eps2, double diagonal, int referencePoints, int templatePoints) {

        /** Iterations of all descents: every start, the refinement and the annealing stages. */
        public int iterations() {
            int n = 0;
            for (Candidate c : candidates) {
                n += c.trace() == trace ? 0 : c.trace().iterations();
            }
            n += trace.iterations();
            for (MpeDescent.Trace t : anneal) {
                n += t.iterations();
            }
            return n;
        }
    }
}
