package org.quire.fbm.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.quire.fbm.math.FbmType;
import org.quire.fbm.math.GammaGrid;
import org.quire.fbm.math.MarkovApproximation;
import org.quire.nn.Activation;
import org.quire.nn.Adam;
import org.quire.nn.GradientCheck;
import org.quire.nn.Mlp;
import org.quire.nn.Tape;
import org.quire.nn.Tensor;

/**
 * The path-space ELBO against exact references: KL = 0 and the prior expected log-likelihood at zero control,
 * Girsanov consistency, the tape gradient (including dω/dH) against finite differences, and the linear-Gaussian
 * bridge against the Kalman log-evidence.
 */
class PathElboTest {

    private static final GammaGrid GRID = GammaGrid.symmetric(5, 20);
    private static final double[] TIMES = {0, 0.5, 1.0, 2.0};
    private static final double[] VALUES = {0.1, 0.3, -0.2, 0.5};
    private static final double NOISE = 0.3;
    private static final double SIGMA = 1.2;
    private static final double HURST = 0.3;

    private static PathElbo elbo(double[] times, double[][] values, Mlp control, int substeps, ScalarParameter hurst,
            double noise) {
        return new PathElbo(new PathElbo.Setup(FbmType.TYPE_I, GRID, 6, times, values, substeps, DriftModel.linear(0, 0),
                control, 1.0, hurst, ScalarParameter.positive("sigma", SIGMA, 1, false),
                ScalarParameter.positive("noise", noise, 1, false), 0, 1, 1));
    }

    private static Mlp control(boolean zeroLast, long seed) {
        return new Mlp("control", new int[] {PathElbo.CONTROL_FEATURES + GRID.size(), 16, 16, 1}, Activation.TANH, zeroLast,
                new SplittableRandom(seed));
    }

    private static SplittableRandom[] streams(int n, long base) {
        SplittableRandom[] r = new SplittableRandom[n];
        for (int i = 0; i < n; i++) {
            r[i] = new SplittableRandom(base + i);
        }
        return r;
    }

    @Test
    void zeroControlHasZeroKlAndTheElboIsThePriorExpectedLogLikelihood() {
        PathElbo e = elbo(TIMES, new double[][] {VALUES}, control(true, 1), 3, ScalarParameter.hurst("h", HURST, false), NOISE);
        int n = 20_000;
        Tape tape = new Tape();
        PathElbo.Batch b = e.simulate(tape, new int[n], streams(n, 7), true);
        double mean = 0;
        double mean2 = 0;
        for (int i = 0; i < n; i++) {
            assertThat(b.kl().get(i, 0)).isZero();
            assertThat(b.elbo().get(i, 0)).isEqualTo(b.logLikelihood().get(i, 0));
            double v = b.elbo().get(i, 0);
            mean += v;
            mean2 += v * v;
        }
        mean /= n;
        double se = Math.sqrt((mean2 / n - mean * mean) / n);
        // exact prior moments of X(t_i) from the exact transitions (θ = 0: the simulation scheme is exact too)
        double[] omega = MarkovApproximation.optimal(FbmType.TYPE_I, HURST, 6, GRID).omega();
        LinearMaFbmSde sde = new LinearMaFbmSde(FbmType.TYPE_I, 0, 0, SIGMA, GRID.gammas(), omega);
        int d = sde.dimension();
        double[] m = new double[d];
        m[0] = VALUES[0];
        double[][] p = new double[d][d];
        p[0][0] = NOISE * NOISE;
        double[][] ou = sde.initialOuCovariance();
        for (int a = 0; a < d - 1; a++) {
            System.arraycopy(ou[a], 0, p[a + 1], 1, d - 1);
        }
        double expected = 0;
        for (int i = 1; i < TIMES.length; i++) {
            LinearMaFbmSde.Transition tr = sde.transition(TIMES[i] - TIMES[i - 1]);
            double[] m2 = tr.offset().clone();
            double[][] phiP = MatrixExponential.multiply(tr.phi(), p);
            double[][] p2 = new double[d][d];
            for (int a = 0; a < d; a++) {
                for (int c = 0; c < d; c++) {
                    m2[a] += tr.phi()[a][c] * m[c];
                    double s = tr.q()[a][c];
                    for (int j = 0; j < d; j++) {
                        s += phiP[a][j] * tr.phi()[c][j];
                    }
                    p2[a][c] = s;
                }
            }
            m = m2;
            p = p2;
            double r = VALUES[i] - m[0];
            expected += -0.5 * Math.log(2 * Math.PI * NOISE * NOISE) - (r * r + p[0][0]) / (2 * NOISE * NOISE);
        }
        assertThat(mean).isCloseTo(expected, within(4 * se));
    }

    @Test
    void girsanovWeightsHaveUnitMeanUnderThePriorAndThePosterior() {
        PathElbo e = elbo(TIMES, new double[][] {VALUES}, control(false, 3), 8, ScalarParameter.hurst("h", HURST, false), NOISE);
        int n = 8_000;
        for (boolean controlled : new boolean[] {false, true}) {
            PathElbo.Batch b = e.simulate(new Tape(), new int[n], streams(n, controlled ? 100_000 : 0), controlled);
            double mean = 0;
            double mean2 = 0;
            double kl = 0;
            double logW = 0;
            for (int i = 0; i < n; i++) {
                double w = Math.exp(b.logWeight()[i]);
                mean += w;
                mean2 += w * w;
                logW += b.logWeight()[i];
                kl += b.kl().get(i, 0);
            }
            mean /= n;
            double se = Math.sqrt((mean2 / n - mean * mean) / n);
            assertThat(mean).as("E[exp(-∫u dW - ½∫u² dt)], controlled=%s", controlled).isCloseTo(1.0, within(4 * se));
            assertThat(-logW / n).as("mean log weight").isNotCloseTo(0, within(0.01)); // the control is far from zero
            if (controlled) {
                // under Q, E[log dQ/dP] = KL = E[½∫u² dt]
                assertThat(-logW / n).isCloseTo(kl / n, within(0.03 * kl / n + 0.01));
            } else {
                assertThat(kl).isZero();
            }
        }
    }

    @Test
    void tapeGradientMatchesFiniteDifferencesIncludingTheHurstIndex() {
        ScalarParameter hurst = ScalarParameter.hurst("h", 0.62, true);
        Mlp control = control(false, 5);
        PathElbo e = elbo(TIMES, new double[][] {VALUES}, control, 2, hurst, NOISE);
        GradientCheck.Result r = GradientCheck.check(e.parameters(), tape -> {
            PathElbo.Batch b = e.simulate(tape, new int[8], streams(8, 11), true);
            return tape.mean(b.elbo());
        }, 1e-5);
        assertThat(r.maxRelativeError()).as(r.worst()).isLessThan(1e-4);
        assertThat(e.parameters()).contains(hurst.raw());
    }

    @Test
    void trainedControlOnTheFbmBridgeApproachesTheKalmanLogEvidenceFromBelow() {
        double h = 0.7;
        double noise = 0.3;
        double[] times = {0, 2};
        double[][] values = {{0, 0}};
        double[] omega = MarkovApproximation.optimal(FbmType.TYPE_I, h, 6, GRID).omega();
        double exact = KalmanEvidence.logEvidence(new LinearMaFbmSde(FbmType.TYPE_I, 0, 0, SIGMA, GRID.gammas(), omega),
                noise, times, values);
        PathElbo e = elbo(times, values, control(true, 1), 50, ScalarParameter.hurst("h", h, false), noise);
        Adam adam = new Adam(e.parameters(), 0.01).clipGradientNorm(100);
        Tape tape = new Tape();
        int batch = 32;
        double first = Double.NaN;
        for (int s = 0; s < 300; s++) {
            tape.reset();
            Tensor mean = tape.mean(e.simulate(tape, new int[batch], streams(batch, 1000L * s), true).elbo());
            if (s == 0) {
                first = mean.item();
            }
            tape.backward(tape.neg(mean));
            adam.step();
            adam.zeroGrad();
        }
        int n = 4096;
        tape.reset();
        PathElbo.Batch b = e.simulate(tape, new int[n], streams(n, 99_000_000L), true);
        double mean = 0;
        double mean2 = 0;
        for (int i = 0; i < n; i++) {
            double v = b.elbo().get(i, 0);
            mean += v;
            mean2 += v * v;
        }
        mean /= n;
        double se = Math.sqrt((mean2 / n - mean * mean) / n);
        assertThat(mean).as("ELBO <= log-evidence").isLessThanOrEqualTo(exact + 3 * se);
        // stated tolerance: 0.25 nats at 50 sub-steps and 300 Adam steps (0.05 needs ~200 sub-steps, too slow for a test)
        assertThat(exact - mean).as("gap to the Kalman log-evidence").isLessThan(0.25);
        assertThat(mean).as("trained vs zero control").isGreaterThan(first + 1);
        // the posterior of X(T) against the Kalman smoother: stated tolerances at this training budget: 30% on the sd, half a smoother sd on the mean
        // (the prior sd of X(T) is about 1.9, five times the smoother's)
        LinearMaFbmSde sde = new LinearMaFbmSde(FbmType.TYPE_I, 0, 0, SIGMA, GRID.gammas(), omega);
        KalmanEvidence.Posterior smoothed = KalmanEvidence.smooth(sde, noise, times, values[0]);
        double xm = 0;
        double xm2 = 0;
        for (int i = 0; i < n; i++) {
            double x = b.x()[i][1];
            xm += x;
            xm2 += x * x;
        }
        xm /= n;
        double xsd = Math.sqrt(xm2 / n - xm * xm);
        assertThat(xsd).isCloseTo(smoothed.sd()[1], within(0.3 * smoothed.sd()[1]));
        assertThat(xm).as("posterior mean of X(T)").isCloseTo(smoothed.mean()[1], within(0.5 * smoothed.sd()[1]));
        assertThat(se).isLessThan(0.05);
    }
}
