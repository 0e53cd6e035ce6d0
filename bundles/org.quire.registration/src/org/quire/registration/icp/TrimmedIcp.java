package org.quire.registration.icp;

import java.util.Arrays;
import org.quire.api.Progress;
import org.quire.compute.Parallel;
import org.quire.registration.core.Kabsch;
import org.quire.registration.core.NeighbourIndex;
import org.quire.registration.core.PointOps;
import org.quire.registration.core.RigidTransform;

/**
 * Trimmed ICP (Chetverikov et al. 2002/2005). Each iteration pairs every moved template point with its nearest
 * reference point, sorts the squared pair distances, keeps the N_po = ξN smallest (ξ fixed, or automatic by
 * {@link OverlapEstimator}), and solves the rigid update on the kept pairs (Kabsch for point-to-point; a linearised
 * 6×6 least-squares system about the kept centroid, then an exact Rodrigues rotation, for point-to-plane). It stops
 * when the relative change of the trimmed MSE e is below {@code relTol}, when e is negligible, when the update
 * vanishes, when ψ = e/ξ^(1+λ) has not improved by relTol for {@value #STALL} iterations (the trimmed set cycles), or
 * at {@code maxIter}. Trimming uses the Euclidean pair distance; e is measured in the chosen metric.
 * Deterministic for every thread count. Immutable after construction; {@link #run} may be called concurrently.
 */
public final class TrimmedIcp {
    /** Iterations without a relative improvement of ψ by relTol after which a run counts as stalled (converged). */
    public static final int STALL = 10;

    private final double[] reference;
    private final double[] normals;
    private final NeighbourIndex index;
    private final IcpSettings settings;
    private final int threads;
    private final double diagonal;

    /**
     * @param reference packed reference points (not copied)
     * @param normals   unit reference normals, same layout; required for point-to-plane, else may be null
     * @param index     nearest-neighbour index over {@code reference}
     * @param settings  settings
     * @param threads   thread budget
     */
    public TrimmedIcp(double[] reference, double[] normals, NeighbourIndex index, IcpSettings settings, int threads) {
        if (settings.metric() == IcpMetric.POINT_TO_PLANE && (normals == null || normals.length != reference.length)) {
            throw new IllegalArgumentException("point-to-plane ICP needs one normal per reference point");
        }
        this.reference = reference;
        this.normals = normals;
        this.index = index;
        this.settings = settings;
        this.threads = threads;
        this.diagonal = PointOps.diagonal(reference);
    }

    /**
     * Refines {@code initial} (template → reference) for the packed {@code template} points.
     *
     * @param progress progress (may be {@link Progress#none()}); one unit per iteration, cancellation checked
     */
    public Outcome run(double[] template, RigidTransform initial, Progress progress) {
        return run(template, initial, Double.POSITIVE_INFINITY, settings.maxIter(), progress);
    }

    /**
     * As {@link #run(double[], RigidTransform, Progress)}, pairing only template points whose nearest reference point
     * lies within {@code maxDistance} (the others count as unmatched: never kept, but part of N for ξ), and with
     * an iteration cap {@code maxIter} (≤ the settings').
     */
    public Outcome run(double[] template, RigidTransform initial, double maxDistance, int maxIter, Progress progress) {
        int n = PointOps.count(template);
        if (n < 3) {
            throw new IllegalArgumentException("ICP needs at least 3 template points, got " + n);
        }
        int cap = Math.min(maxIter, settings.maxIter());
        progress.begin("trimmed ICP", cap);
        RigidTransform pose = initial;
        double[] rmseTrace = new double[cap + 1];
        double[] xiTrace = new double[cap + 1];
        double prevE = Double.NaN;
        double bestScore = Double.POSITIVE_INFINITY;
        int bestAt = 0;
        int it = 0;
        boolean converged = false;
        String stop = "iteration cap (maxIter = " + cap + ") reached";
        double lastRelChange = Double.NaN;
        Pairs pairs = null;
        while (true) {
            progress.checkCancelled();
            pairs = pair(template, pose, maxDistance);
            rmseTrace[it] = Math.sqrt(pairs.error);
            xiTrace[it] = pairs.ratio();
            if (it > 0) {
                lastRelChange = Math.abs(prevE - pairs.error) / Math.max(prevE, Double.MIN_NORMAL);
                if (lastRelChange < settings.relTol()) {
                    converged = true;
                    stop = "relative change of the trimmed MSE below relTol (" + settings.relTol() + ")";
                    break;
                }
                if (pairs.score < bestScore * (1 - settings.relTol())) {
                    bestScore = pairs.score;
                    bestAt = it;
                } else if (it - bestAt >= STALL) {
                    converged = true;
                    stop = "stalled: psi = e/xi^(1+lambda) not lowered by relTol in " + STALL + " iterations";
                    break;
                }
            } else {
                bestScore = pairs.score;
            }
            if (pairs.error <= 1e-30 * diagonal * diagonal) {
                converged = true;
                stop = "trimmed MSE negligible";
                break;
            }
            if (pairs.kept.length < 3) {
                stop = "fewer than 3 template points within maxDistance " + maxDistance + " of the reference";
                break;
            }
            if (it >= cap) {
                break;
            }
            RigidTransform update = settings.metric() == IcpMetric.POINT_TO_POINT ? pointToPoint(pairs) : pointToPlane(pairs);
            pose = update.compose(pose);
            prevE = pairs.error;
            it++;
            progress.worked(1);
            if (update.rotationAngle() < 1e-13 && Math.sqrt(sq(update.translation())) < 1e-13 * diagonal) {
                pairs = pair(template, pose, maxDistance);
                rmseTrace[it] = Math.sqrt(pairs.error);
                xiTrace[it] = pairs.ratio();
                converged = true;
                stop = "pose update vanished";
                break;
            }
        }
        return new Outcome(pose, it, converged, stop, lastRelChange, Arrays.copyOf(rmseTrace, it + 1),
                Arrays.copyOf(xiTrace, it + 1), pairs);
    }

    /** Pairs of the moved template under {@code pose}, trimmed, with the trimmed error in the metric. */
    Pairs pair(double[] template, RigidTransform pose, double maxDistance) {
        int n = PointOps.count(template);
        double[] moved = pose.applyToPoints(template);
        int[] nn = new int[n];
        double[] d2 = new double[n];
        Parallel.forRange(threads, n, i -> {
            double x = moved[3 * i];
            double y = moved[3 * i + 1];
            double z = moved[3 * i + 2];
            int j = index.nearestWithin(x, y, z, maxDistance);
            nn[i] = j;
            if (j < 0) {
                d2[i] = Double.POSITIVE_INFINITY;
            } else {
                double dx = reference[3 * j] - x;
                double dy = reference[3 * j + 1] - y;
                double dz = reference[3 * j + 2] - z;
                d2[i] = dx * dx + dy * dy + dz * dz;
            }
        });
        double[] sorted = d2.clone();
        Arrays.sort(sorted);
        int matched = 0;
        while (matched < n && sorted[matched] != Double.POSITIVE_INFINITY) {
            matched++;
        }
        double[] finite = Arrays.copyOf(sorted, matched);
        int k = settings.automatic() ? OverlapEstimator.keptCount(finite, n, settings.lambda(), settings.xiMin())
                : Math.min(matched, Math.max(3, (int) Math.round(settings.trimRatio() * n)));
        int[] kept = new int[k];
        if (k > 0) {
            double threshold = sorted[k - 1];
            int m = 0;
            for (int i = 0; i < n && m < k; i++) {
                if (d2[i] < threshold) {
                    kept[m++] = i;
                }
            }
            for (int i = 0; i < n && m < k; i++) {
                if (d2[i] == threshold) {
                    kept[m++] = i;
                }
            }
        }
        double[] plane = null;
        if (normals != null) {
            plane = new double[n];
            for (int i = 0; i < n; i++) {
                int j = nn[i];
                plane[i] = j < 0 ? Double.NaN
                        : (moved[3 * i] - reference[3 * j]) * normals[3 * j]
                                + (moved[3 * i + 1] - reference[3 * j + 1]) * normals[3 * j + 1]
                                + (moved[3 * i + 2] - reference[3 * j + 2]) * normals[3 * j + 2];
            }
        }
        double sum = 0;
        for (int i : kept) {
            sum += settings.metric() == IcpMetric.POINT_TO_PLANE ? plane[i] * plane[i] : d2[i];
        }
        double error = k == 0 ? Double.POSITIVE_INFINITY : sum / k;
        return new Pairs(moved, nn, d2, plane, kept, error, OverlapEstimator.psi(error, (double) k / n, settings.lambda()));
    }

    private RigidTransform pointToPoint(Pairs p) {
        int k = p.kept.length;
        double[] src = new double[3 * k];
        double[] dst = new double[3 * k];
        for (int a = 0; a < k; a++) {
            int i = p.kept[a];
            int j = p.nn[i];
            System.arraycopy(p.moved, 3 * i, src, 3 * a, 3);
            System.arraycopy(reference, 3 * j, dst, 3 * a, 3);
        }
        return Kabsch.fit(src, dst, null);
    }

    private RigidTransform pointToPlane(Pairs p) {
        int k = p.kept.length;
        double[] c = new double[3];
        for (int i : p.kept) {
            c[0] += p.moved[3 * i];
            c[1] += p.moved[3 * i + 1];
            c[2] += p.moved[3 * i + 2];
        }
        c[0] /= k;
        c[1] /= k;
        c[2] /= k;
        int chunk = Math.max(1, (k + 127) / 128);
        double[] acc = Parallel.reduceChunks(threads, k, chunk, (from, to) -> {
            double[] part = new double[27];
            double[] a = new double[6];
            for (int q = from; q < to; q++) {
                int i = p.kept[q];
                int j = p.nn[i];
                double px = p.moved[3 * i] - c[0];
                double py = p.moved[3 * i + 1] - c[1];
                double pz = p.moved[3 * i + 2] - c[2];
                double nx = normals[3 * j];
                double ny = normals[3 * j + 1];
                double nz = normals[3 * j + 2];
                a[0] = py * nz - pz * ny;
                a[1] = pz * nx - px * nz;
                a[2] = px * ny - py * nx;
                a[3] = nx;
                a[4] = ny;
                a[5] = nz;
                double r = p.plane[i];
                int u = 0;
                for (int s = 0; s < 6; s++) {
                    for (int t = s; t < 6; t++) {
                        part[u++] += a[s] * a[t];
                    }
                    part[21 + s] += a[s] * r;
                }
            }
            return part;
        }, (x, y) -> {
            for (int q = 0; q < 27; q++) {
                x[q] += y[q];
            }
            return x;
        }, new double[27], null);
        double[][] m = new double[6][7];
        int u = 0;
        double trace = 0;
        for (int s = 0; s < 6; s++) {
            for (int t = s; t < 6; t++) {
                m[s][t] = acc[u];
                m[t][s] = acc[u];
                u++;
            }
            trace += m[s][s];
            m[s][6] = -acc[21 + s];
        }
        for (int s = 0; s < 6; s++) {
            m[s][s] += 1e-12 * trace / 6;
        }
        double[] x = solve(m);
        RigidTransform rot = RigidTransform.rotationVector(x[0], x[1], x[2]);
        double[] rc = rot.applyRotation(c);
        return RigidTransform.of(rot.rotation(), new double[] {c[0] - rc[0] + x[3], c[1] - rc[1] + x[4], c[2] - rc[2] + x[5]});
    }

    /** Gaussian elimination with partial pivoting of an n×(n+1) augmented system; singular pivots give 0 components. */
    static double[] solve(double[][] m) {
        int n = m.length;
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) {
                    piv = r;
                }
            }
            double[] tmp = m[col];
            m[col] = m[piv];
            m[piv] = tmp;
            if (m[col][col] == 0) {
                continue;
            }
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int c = r + 1; c < n; c++) {
                s -= m[r][c] * x[c];
            }
            x[r] = m[r][r] == 0 ? 0 : s / m[r][r];
        }
        return x;
    }

    private static double sq(double[] v) {
        return v[0] * v[0] + v[1] * v[1] + v[2] * v[2];
    }

    /**
     * Pairing of one iteration.
     *
     * @param moved  moved template points
     * @param nn     nearest reference index per template point, -1 when none lies within the search bound
     * @param d2     squared Euclidean pair distance per template point (+∞ when unmatched)
     * @param plane  signed point-to-plane distance per template point (NaN when unmatched; null without normals)
     * @param kept   kept template indices (ascending within the strict and the tied part)
     * @param error  trimmed MSE in the metric over the kept pairs
     * @param score  ψ = e / ξ^(1+λ) of this pairing (lower is better; compares poses fairly across ξ)
     */
    public record Pairs(double[] moved, int[] nn, double[] d2, double[] plane, int[] kept, double error, double score) {
        /** The kept fraction ξ. */
        public double ratio() {
            return (double) kept.length / nn.length;
        }

        /** RMS Euclidean pair distance over the matched template points (all of them without a search bound). */
        public double rmse() {
            double s = 0;
            int m = 0;
            for (double v : d2) {
                if (v != Double.POSITIVE_INFINITY) {
                    s += v;
                    m++;
                }
            }
            return m == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(s / m);
        }

        /** Number of template points with a reference point within the search bound. */
        public int matched() {
            int m = 0;
            for (double v : d2) {
                m += v != Double.POSITIVE_INFINITY ? 1 : 0;
            }
            return m;
        }
    }

    /**
     * A TrICP run.
     *
     * @param pose           final pose (template → reference)
     * @param iterations     pose updates made
     * @param converged      whether a convergence test (not the cap) stopped it
     * @param stopReason     why it stopped
     * @param lastRelChange  relative change of e at the last test (NaN before the second iteration)
     * @param trimmedRmse    √e per iteration (entry 0: at the initial pose)
     * @param overlap        ξ per iteration
     * @param finalPairs     the pairing at the final pose
     */
    public record Outcome(RigidTransform pose, int iterations, boolean converged, String stopReason,
            double lastRelChange, double[] trimmedRmse, double[] overlap, Pairs finalPairs) {
    }
}
