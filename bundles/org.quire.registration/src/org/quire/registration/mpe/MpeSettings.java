package org.quire.registration.mpe;

/**
 * Settings of the MPE global stage (spec §1.3, §1.4, §1.7). Lengths given as factors are relative to the bounding-box
 * diagonal of the reference; [R] marks choices the paper does not give (reconstructed).
 *
 * @param points       points per cloud in the global stage (random subsample), &ge; 3; spec default 600
 * @param eps2Factor   softening ε² as a factor of the reference diagonal [R], default 0.02 (the prototype's value)
 * @param eps2         softening ε² in length units; when &gt; 0 it overrides {@code eps2Factor}
 * @param strideT0     initial translation stride as a factor of the diagonal [R], default 0.05
 * @param strideR0Deg  initial rotation stride in degrees [R], default 10
 * @param tolT         rest tolerance of the translation stride, factor of the diagonal [R], default 1e-4
 * @param tolRDeg      rest tolerance of the rotation stride in degrees [R], default 0.01
 * @param grow         stride growth after {@code kGrow} same-direction steps ("mutation") [R], default 1.5
 * @param shrink       stride factor on overshoot (flag D) or on a rejected step (flag E) [R], default 0.5
 * @param kGrow        consecutive same-direction accepted steps before growing [R], default 3
 * @param maxIter      iteration cap per start, default 2000
 * @param starts       initial-rotation hypotheses, default {@link Starts#PCA}
 * @param screenPoints points per cloud when screening several starts (the winner is then refined with
 *                     {@code points}); 0 screens at {@code points}. Default 300 [design choice for speed]
 * @param annealStages truncated-field stages after the all-pairs descent (spec §1.4 cutoff r_c [R]); stage k uses
 *                     cutoff {@code annealCutoff · diag / 2.5^(k−1)}, softening ε²/4^k and initial strides /4^k. They
 *                     reduce the pull of a partial view towards the full model's mass. 0 (default) is paper-literal;
 *                     on the blade benchmark they did not help once the views were realistic
 * @param annealCutoff cutoff of the first truncated stage as a factor of the diagonal, default 0.1
 * @param anneal       how the stages localise the potential, default {@link Anneal#TRIM}
 */
public record MpeSettings(int points, double eps2Factor, double eps2, double strideT0, double strideR0Deg, double tolT,
        double tolRDeg, double grow, double shrink, int kGrow, int maxIter, Starts starts, int screenPoints,
        int annealStages, double annealCutoff, Anneal anneal) {

    public MpeSettings {
        if (points < 3) {
            throw new IllegalArgumentException("points must be >= 3, got " + points);
        }
        if (!(eps2Factor > 0) && !(eps2 > 0)) {
            throw new IllegalArgumentException("eps2 or eps2Factor must be > 0");
        }
        if (!(strideT0 > 0) || !(strideR0Deg > 0) || !(tolT > 0) || !(tolRDeg > 0)) {
            throw new IllegalArgumentException("strides and tolerances must be > 0");
        }
        if (!(grow >= 1) || !(shrink > 0 && shrink < 1) || kGrow < 1 || maxIter < 1) {
            throw new IllegalArgumentException("need grow >= 1, 0 < shrink < 1, kGrow >= 1, maxIter >= 1");
        }
        if (annealStages < 0 || !(annealCutoff > 0) || anneal == null) {
            throw new IllegalArgumentException("need annealStages >= 0 and annealCutoff > 0");
        }
        if (screenPoints < 0) {
            throw new IllegalArgumentException("screenPoints must be >= 0, got " + screenPoints);
        }
    }

    /** The spec's defaults (§1.7) with PCA multi-start on, screening at 300 points, no localising stages. */
    public static MpeSettings defaults() {
        return new MpeSettings(600, 0.02, 0, 0.05, 10, 1e-4, 0.01, 1.5, 0.5, 3, 2000, Starts.PCA, 300, 0, 0.1, Anneal.TRIM);
    }

    /** A copy with other start hypotheses. */
    public MpeSettings withStarts(Starts s) {
        return new MpeSettings(points, eps2Factor, eps2, strideT0, strideR0Deg, tolT, tolRDeg, grow, shrink, kGrow, maxIter,
                s, screenPoints, annealStages, annealCutoff, anneal);
    }

    /** A copy with another annealing schedule. */
    public MpeSettings withAnneal(int stages, double cutoff, Anneal mode) {
        return new MpeSettings(points, eps2Factor, eps2, strideT0, strideR0Deg, tolT, tolRDeg, grow, shrink, kGrow, maxIter,
                starts, screenPoints, stages, cutoff, mode);
    }

    /** A copy with another global point count. */
    public MpeSettings withPoints(int n, int screen) {
        return new MpeSettings(n, eps2Factor, eps2, strideT0, strideR0Deg, tolT, tolRDeg, grow, shrink, kGrow, maxIter,
                starts, screen, annealStages, annealCutoff, anneal);
    }
}
