package org.quire.fbm.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * MA-fBM paths against the closed-form variance ωᵀM(t)ω. Monte Carlo: N paths, relative standard error of a
 * variance √(2/N); tolerance 5 standard errors plus, for Euler, its O(γmax·Δ) bias (γmax·Δ = 0.02 → 4%).
 */
class MaFbmSimulatorTest {

    @Test
    void exactStepperMatchesTheClosedFormVarianceForBothTypes() {
        for (FbmType type : FbmType.values()) {
            for (double h : new double[] {0.3, 0.7}) {
                MarkovApproximation ma = MarkovApproximation.optimal(type, h, 1, GammaGrid.symmetric(5, 20));
                // coarse steps on purpose: γmax·Δ = 1.25, where Euler would be unstable
                checkVariance(new MaFbmSimulator(ma, 16, 1.0 / 16, MaFbmSimulator.Stepper.EXACT), 20_000, 5 * Math.sqrt(2 / 20_000.0));
            }
        }
    }

    @Test
    void eulerStepperMatchesTheClosedFormVarianceForSmallSteps() {
        MarkovApproximation ma = MarkovApproximation.optimal(FbmType.TYPE_I, 0.7, 1, GammaGrid.symmetric(5, 20));
        checkVariance(new MaFbmSimulator(ma, 1000, 1e-3, MaFbmSimulator.Stepper.EULER), 5000, 5 * Math.sqrt(2 / 5000.0) + 0.04);
    }

    @Test
    void brownianLimitHasIncrementVarianceDt() {
        MarkovApproximation white = MarkovApproximation.withWeights(FbmType.TYPE_II, 0.5, 1, GammaGrid.of(0), new double[] {1});
        for (MaFbmSimulator.Stepper stepper : MaFbmSimulator.Stepper.values()) {
            MaFbmSimulator sim = new MaFbmSimulator(white, 100, 0.01, stepper);
            SplittableRandom random = new SplittableRandom(3);
            double s = 0;
            int count = 0;
            for (int p = 0; p < 2000; p++) {
                double[] path = sim.sample(random);
                for (int j = 1; j < path.length; j++) {
                    double d = path[j] - path[j - 1];
                    s += d * d;
                    count++;
                }
            }
            // 200 000 increments: relative standard error 0.3%
            assertThat(s / count).as("%s", stepper).isCloseTo(0.01, within(0.0005));
        }
    }

    @Test
    void eulerRefusesUnstableSteps() {
        MarkovApproximation ma = MarkovApproximation.optimal(FbmType.TYPE_I, 0.7, 1, GammaGrid.symmetric(5, 20));
        assertThatThrownBy(() -> new MaFbmSimulator(ma, 10, 0.1, MaFbmSimulator.Stepper.EULER))
                .hasMessageContaining("gammaMax*dt < 0.5");
    }

    private static void checkVariance(MaFbmSimulator sim, int paths, double relTol) {
        SplittableRandom random = new SplittableRandom(17);
        int n = sim.steps();
        int[] at = {n / 4, n / 2, n};
        double[] v = new double[at.length];
        for (int p = 0; p < paths; p++) {
            double[] path = sim.sample(random);
            assertThat(path[0]).isZero();
            for (int i = 0; i < at.length; i++) {
                v[i] += path[at[i]] * path[at[i]];
            }
        }
        for (int i = 0; i < at.length; i++) {
            double expected = sim.approximation().variance(at[i] * sim.dt());
            assertThat(v[i] / paths).as("%s %s H=%s Var at step %d", sim.stepper(), sim.approximation().type(),
                    sim.approximation().hurst(), at[i]).isCloseTo(expected, within(relTol * expected));
        }
    }
}
