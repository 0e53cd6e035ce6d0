package org.quire.lmdp.learn;

import java.util.SplittableRandom;

import org.quire.lmdp.model.Lmdp;

/** Small LMDPs for the learner tests, built directly (independent of the generators under test elsewhere). */
final class LearnInstances {
    private LearnInstances() {
    }

    /**
     * Tiger with listening accuracy {@code acc}: states start(0), heardL(1), heardR(2), done(3); actions listen(0),
     * openL(1), openR(2); context 0 = tiger left (openR pays 1), context 1 = tiger right (openL pays 1). With H = 4
     * (three listens, then open) V* = acc³ + 3acc²(1 − acc), while the best memoryless policy only gets acc.
     */
    static Lmdp tiger(double acc, int horizon) {
        Lmdp.Builder b = Lmdp.builder(2, 4, 3, horizon);
        for (int m = 0; m < 2; m++) {
            b.weight(m, 0.5).initial(m, 0, 1);
            int sameSide = m == 0 ? 1 : 2;
            int otherSide = 3 - sameSide;
            for (int s = 0; s < 3; s++) {
                b.transition(m, s, 0, sameSide, acc).transition(m, s, 0, otherSide, 1 - acc);
                b.transition(m, s, 1, 3, 1).transition(m, s, 2, 3, 1);
                b.reward(m, s, m == 0 ? 2 : 1, 1);
            }
            for (int a = 0; a < 3; a++) {
                b.transition(m, 3, a, 3, 1);
            }
        }
        return b.build();
    }

    /**
     * A two-step instance where only the reward identifies the context: in state 0, "probe" (action 0) pays 0 in
     * context 0 and 0.2 in context 1, "skip" (action 1) pays 0.1 in both; both move to state 1, where the action equal
     * to the context pays 0.8 and moves to the absorbing state 2. Transitions are the same in both contexts, so a
     * belief update that ignored rewards could never tell them apart. V* = 0.1 + 0.8 = 0.9 (probe, then act on the
     * reward); without the reward information the best is 0.1 + 0.4 = 0.5.
     */
    static Lmdp rewardRevealed() {
        Lmdp.Builder b = Lmdp.builder(2, 3, 2, 2);
        for (int m = 0; m < 2; m++) {
            b.weight(m, 0.5).initial(m, 0, 1);
            for (int a = 0; a < 2; a++) {
                b.transition(m, 0, a, 1, 1).transition(m, 1, a, 2, 1).transition(m, 2, a, 2, 1);
            }
            b.reward(m, 0, 0, m == 0 ? 0 : 0.2).reward(m, 0, 1, 0.1).reward(m, 1, m, 0.8);
        }
        return b.build();
    }

    /** Random LMDP: Dirichlet(1) transition rows, rewards U[0,1]/H, uniform weights and initial distributions. */
    static Lmdp random(int contexts, int states, int actions, int horizon, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Lmdp.Builder b = Lmdp.builder(contexts, states, actions, horizon);
        for (int m = 0; m < contexts; m++) {
            b.weight(m, 1.0 / contexts);
            for (int s = 0; s < states; s++) {
                b.initial(m, s, 1.0 / states);
                for (int a = 0; a < actions; a++) {
                    double[] row = new double[states];
                    double sum = 0;
                    for (int x = 0; x < states; x++) {
                        row[x] = -Math.log(1 - rnd.nextDouble());
                        sum += row[x];
                    }
                    for (int x = 0; x < states; x++) {
                        row[x] /= sum;
                    }
                    b.transitions(m, s, a, row).reward(m, s, a, rnd.nextDouble() / horizon);
                }
            }
        }
        return b.build();
    }
}
