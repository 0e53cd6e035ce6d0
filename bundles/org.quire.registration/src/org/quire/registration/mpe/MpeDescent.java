package org.quire.registration.mpe;

import java.util.Arrays;
import org.quire.api.Progress;
import org.quire.registration.core.RigidTransform;

/**
 * The two-flag stride-controlled rigid descent to the minimum-potential-energy pose (spec §1.3 [R]). Each iteration
 * computes F and τ; <b>flag D</b> (direction) halves a stride whose driving vector reversed since the last accepted
 * step (F·F_prev &lt; 0, τ·τ_prev &lt; 0) and grows it by {@code grow} after {@code kGrow} consecutive same-direction
 * steps; a trial step rotates the template about its centroid by s_r around τ/‖τ‖ (Rodrigues) and translates it by
 * s_t F/‖F‖; <b>flag E</b> (energy) accepts the trial only if it lowers E, else shrinks both strides and forgets the
 * previous directions. It stops at rest (s_t &lt; tol_t and s_r &lt; tol_r) or at the iteration cap. Accepted energies
 * are strictly decreasing by construction. Strides are capped at 8× their initial values. Not thread-safe (one
 * instance per run); the field's evaluations run on the field's thread budget.
 */
public final class MpeDescent {
    private final PotentialField field;
    private final double[] template;
    private final double strideT0;
    private final double strideR0;
    private final double tolT;
    private final double tolR;
    private final double grow;
    private final double shrink;
    private final int kGrow;
    private final int maxIter;

    /**
     * @param field    the potential of the (subsampled) reference
     * @param template packed template points in their own frame (not copied)
     * @param s        settings; lengths are resolved against {@code diagonal}
     * @param diagonal the reference's bounding-box diagonal (length units)
     */
    public MpeDescent(PotentialField field, double[] template, MpeSettings s, double diagonal) {
        this(field, template, s, diagonal, 1);
    }

    /** As {@link #MpeDescent(PotentialField, double[], MpeSettings, double)} with initial strides scaled by {@code strideScale}. */
    public MpeDescent(PotentialField field, double[] template, MpeSettings s, double diagonal, double strideScale) {
        this.field = field;
        this.template = template;
        this.strideT0 = s.strideT0() * diagonal * strideScale;
        this.strideR0 = Math.toRadians(s.strideR0Deg()) * strideScale;
        this.tolT = s.tolT() * diagonal;
        this.tolR = Math.toRadians(s.tolRDeg());
        this.grow = s.grow();
        this.shrink = s.shrink();
        this.kGrow = s.kGrow();
        this.maxIter = s.maxIter();
    }

    /** Runs the descent from {@code start}; checks cancellation every iteration. */
    public Trace run(RigidTransform start, Progress progress) {
        RigidTransform pose = start;
        PotentialField.Evaluation current = field.evaluate(pose.applyToPoints(template));
        double st = strideT0;
        double sr = strideR0;
        double[] fPrev = null;
        double[] tPrev = null;
        int sameT = 0;
        int sameR = 0;
        double[] energies = new double[maxIter + 1];
        double[] strideT = new double[maxIter + 1];
        double[] strideR = new double[maxIter + 1];
        boolean[] accepted = new boolean[maxIter + 1];
        energies[0] = current.energy();
        strideT[0] = st;
        strideR[0] = sr;
        accepted[0] = true;
        int it = 0;
        int acceptedCount = 0;
        String stop = "iteration cap (maxIter = " + maxIter + ") reached";
        while (it < maxIter) {
            if (progress != null) {
                progress.checkCancelled();
            }
            double[] f = current.force();
            double[] tq = current.torque();
            double fn = norm(f);
            double tn = norm(tq);
            if (fn == 0 && tn == 0) {
                stop = "zero force and torque";
                break;
            }
            if (fPrev != null) {
                if (dot(f, fPrev) < 0) {
                    st *= shrink;
                    sameT = 0;
                } else if (++sameT >= kGrow) {
                    st = Math.min(st * grow, 8 * strideT0);
                    sameT = 0;
                }
                if (dot(tq, tPrev) < 0) {
                    sr *= shrink;
                    sameR = 0;
                } else if (++sameR >= kGrow) {
                    sr = Math.min(sr * grow, 8 * strideR0);
                    sameR = 0;
                }
            }
            if (st < tolT && sr < tolR) {
                stop = "at rest (strides below tolerance)";
                break;
            }
            it++;
            double[] c = current.centroid();
            RigidTransform rot = tn > 0 ? RigidTransform.axisAngle(tq, sr, new double[3]) : RigidTransform.identity();
            double[] rc = rot.applyRotation(c);
            double[] shift = new double[3];
            for (int k = 0; k < 3; k++) {
                shift[k] = c[k] - rc[k] + (fn > 0 ? st * f[k] / fn : 0);
            }
            RigidTransform step = RigidTransform.of(rot.rotation(), shift);
            RigidTransform trialPose = step.compose(pose);
            PotentialField.Evaluation trial = field.evaluate(trialPose.applyToPoints(template));
            if (trial.energy() < current.energy()) {
                pose = trialPose;
                fPrev = f;
                tPrev = tq;
                current = trial;
                accepted[it] = true;
                acceptedCount++;
            } else {
                st *= shrink;
                sr *= shrink;
                fPrev = null;
                tPrev = null;
                sameT = 0;
                sameR = 0;
                accepted[it] = false;
            }
            energies[it] = trial.energy();
            strideT[it] = st;
            strideR[it] = sr;
        }
        return new Trace(pose, current.energy(), Arrays.copyOf(energies, it + 1), Arrays.copyOf(accepted, it + 1),
                Arrays.copyOf(strideT, it + 1), Arrays.copyOf(strideR, it + 1), it, acceptedCount, stop);
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /**
     * The record of one descent. Index 0 is the start; entry k &gt; 0 is iteration k.
     *
     * @param pose        final pose (template frame to reference frame)
     * @param energy      energy at the final pose
     * @param energies    trial energy per iteration (entry 0: the start's energy)
     * @param accepted    whether iteration k's trial was accepted (entry 0: true)
     * @param strideT     translation stride after iteration k (length units)
     * @param strideR     rotation stride after iteration k (radians)
     * @param iterations  iterations run
     * @param acceptedSteps number of accepted steps
     * @param stopReason  why it stopped
     */
    public record Trace(RigidTransform pose, double energy, double[] energies, boolean[] accepted, double[] strideT,
            double[] strideR, int iterations, int acceptedSteps, String stopReason) {

        /** The energies of the start and of every accepted step, in order (strictly decreasing). */
        public double[] acceptedEnergies() {
            int n = 0;
            for (boolean a : accepted) {
                n += a ? 1 : 0;
            }
            double[] out = new double[n];
            int k = 0;
            for (int i = 0; i < accepted.length; i++) {
                if (accepted[i]) {
                    out[k++] = energies[i];
                }
            }
            return out;
        }
    }
}
