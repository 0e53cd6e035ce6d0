package org.quire.registration.mpe;

import org.quire.compute.Parallel;

/**
 * The NFI energy {@code E = −Σ_i Σ_j 1/(d_ij + ε²)} between moved template points x′ and reference points y, with the
 * resultant force {@code F = Σ_i f_i}, {@code f_i = Σ_j (y_j − x′_i) / (d_ij (d_ij + ε²)²)} (= −∂E/∂t) and the torque
 * {@code τ = Σ_i (x′_i − c) × f_i} about the template centroid c (= −∂E/∂ω for a rotation about c). All pairs are
 * summed (O(N·M) time, O(1) extra memory per thread); the sum over template points is a deterministic parallel
 * reduction, so results are bit-identical for every thread count. Thread-safe (immutable).
 */
public final class PotentialField {
    private final double[] reference;
    private final double eps2;
    private final int threads;
    private final double cutoff;
    private final double cutoff2;
    private final double shift;

    /**
     * The all-pairs field of the paper.
     *
     * @param reference packed reference points y (not copied; must not change)
     * @param eps2      softening ε² &gt; 0, length units
     * @param threads   thread budget &ge; 1
     */
    public PotentialField(double[] reference, double eps2, int threads) {
        this(reference, eps2, Double.POSITIVE_INFINITY, threads);
    }

    /**
     * A field truncated at distance {@code cutoff} (spec §1.4 [R]): pairs farther apart than r_c contribute nothing,
     * nearer pairs {@code −1/(d + ε²) + 1/(r_c + ε²)}, so the energy stays continuous; the force of a pair is unchanged
     * inside r_c. An infinite cutoff gives the all-pairs field.
     */
    public PotentialField(double[] reference, double eps2, double cutoff, int threads) {
        if (!(eps2 > 0) || !Double.isFinite(eps2)) {
            throw new IllegalArgumentException("eps2 must be > 0 and finite, got " + eps2);
        }
        if (!(cutoff > 0)) {
            throw new IllegalArgumentException("cutoff must be > 0, got " + cutoff);
        }
        this.reference = reference;
        this.eps2 = eps2;
        this.threads = threads;
        this.cutoff = cutoff;
        this.cutoff2 = cutoff * cutoff;
        this.shift = Double.isInfinite(cutoff) ? 0 : 1 / (cutoff + eps2);
    }

    /** The cutoff radius (infinite for the all-pairs field). */
    public double cutoff() {
        return cutoff;
    }

    /** The softening ε². */
    public double eps2() {
        return eps2;
    }

    /** Energy, force and torque of the moved template points {@code moved}. */
    public Evaluation evaluate(double[] moved) {
        int n = moved.length / 3;
        double cx = 0;
        double cy = 0;
        double cz = 0;
        for (int i = 0; i < n; i++) {
            cx += moved[3 * i];
            cy += moved[3 * i + 1];
            cz += moved[3 * i + 2];
        }
        double[] c = {cx / n, cy / n, cz / n};
        int chunk = Math.max(1, (n + 63) / 64);
        double[] acc = Parallel.reduceChunks(threads, n, chunk, (from, to) -> {
            double[] part = new double[7];
            for (int i = from; i < to; i++) {
                accumulate(moved, i, c, part);
            }
            return part;
        }, (a, b) -> {
            for (int k = 0; k < 7; k++) {
                a[k] += b[k];
            }
            return a;
        }, new double[7], null);
        return new Evaluation(acc[0], new double[] {acc[1], acc[2], acc[3]}, new double[] {acc[4], acc[5], acc[6]}, c);
    }

    /** The energy only (same sum as {@link #evaluate}). */
    public double energy(double[] moved) {
        return evaluate(moved).energy();
    }

    private void accumulate(double[] moved, int i, double[] c, double[] part) {
        double[] y = reference;
        double e2 = eps2;
        double px = moved[3 * i];
        double py = moved[3 * i + 1];
        double pz = moved[3 * i + 2];
        double e = 0;
        double fx = 0;
        double fy = 0;
        double fz = 0;
        if (shift == 0) {
            for (int j = 0; j < y.length; j += 3) {
                double dx = y[j] - px;
                double dy = y[j + 1] - py;
                double dz = y[j + 2] - pz;
                double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
                double inv = 1 / (d + e2);
                e -= inv;
                if (d > 0) {
                    double w = inv * inv / d;
                    fx += w * dx;
                    fy += w * dy;
                    fz += w * dz;
                }
            }
        } else {
            double rc2 = cutoff2;
            for (int j = 0; j < y.length; j += 3) {
                double dx = y[j] - px;
                double dy = y[j + 1] - py;
                double dz = y[j + 2] - pz;
                double d2 = dx * dx + dy * dy + dz * dz;
                if (d2 >= rc2) {
                    continue;
                }
                double d = Math.sqrt(d2);
                double inv = 1 / (d + e2);
                e -= inv - shift;
                if (d > 0) {
                    double w = inv * inv / d;
                    fx += w * dx;
                    fy += w * dy;
                    fz += w * dz;
                }
            }
        }
        double rx = px - c[0];
        double ry = py - c[1];
        double rz = pz - c[2];
        part[0] += e;
        part[1] += fx;
        part[2] += fy;
        part[3] += fz;
        part[4] += ry * fz - rz * fy;
        part[5] += rz * fx - rx * fz;
        part[6] += rx * fy - ry * fx;
    }

    /**
     * One evaluation.
     *
     * @param energy   E (negative)
     * @param force    resultant force F = −∂E/∂t
     * @param torque   torque τ about {@code centroid} = −∂E/∂ω
     * @param centroid centroid c of the moved template
     */
    public record Evaluation(double energy, double[] force, double[] torque, double[] centroid) {
    }
}
