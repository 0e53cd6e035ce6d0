package org.quire.lmdp.learn;

/**
 * Options shared by the learners of one study.
 *
 * @param episodes  K, number of episodes per run (&ge; 1)
 * @param c1        constant of the variance (square-root) term of the bonuses, &ge; 0
 * @param c2        constant of the 1/n term of the bonuses, &ge; 0
 * @param delta     confidence δ in (0, 1), enters ι = ln(M S A K H / δ)
 * @param smoothing λ of the belief (planning) model P̃ = (1 − λ)P̂ + λ/S, in (0, 1]
 */
public record LearnSettings(int episodes, double c1, double c2, double delta, double smoothing) {
    public LearnSettings {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        }
        if (!(c1 >= 0) || !(c2 >= 0) || Double.isInfinite(c1) || Double.isInfinite(c2)) {
            throw new IllegalArgumentException("c1 and c2 must be finite and >= 0, got c1=" + c1 + ", c2=" + c2);
        }
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must lie in (0, 1), got " + delta);
        }
        if (!(smoothing > 0 && smoothing <= 1)) {
            throw new IllegalArgumentException("smoothing must lie in (0, 1], got " + smoothing);
        }
    }

    /** The defaults c1 = c2 = 1, δ = 0.05, λ = 1e-3 with K episodes. */
    public static LearnSettings defaults(int episodes) {
        return new LearnSettings(episodes, 1, 1, 0.05, EmpiricalModel.SMOOTHING);
    }
}
