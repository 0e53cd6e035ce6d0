package org.quire.surface.csp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.quire.nn.Matrix;
import org.quire.surface.analytic.AnalyticShapes;
import org.quire.surface.eval.FieldMetrics;

/**
 * The CSP network: its inference agrees with the training tape's forward pass, its exact Jacobian with central
 * differences, results do not depend on the thread count; training is deterministic for a seed and a tiny network
 * learns the sphere's closest points with Jacobian normals better than the forward ones.
 */
class CspNetworkTest {

    private static double[] randomPoints(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[3 * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble(-0.5, 0.5);
        }
        return x;
    }

    @Test
    void inferenceEqualsTheTapeForwardPassAndTheJacobianEqualsFiniteDifferences() {
        for (boolean residual : new boolean[] {false, true}) {
            CspNetwork net = new CspNetwork(24, 3, residual, new SplittableRandom(1));
            int n = 600; // more than two inference blocks
            double[] x = randomPoints(n, 2);
            double[] f = new double[3 * n];
            net.closest(x, f, 1);
            org.quire.nn.Tape tape = new org.quire.nn.Tape();
            Matrix out = net.forward(tape, tape.constant(Matrix.wrap(n, 3, x.clone()))).value();
            for (int i = 0; i < 3 * n; i++) {
                assertThat(f[i]).isCloseTo(out.data()[i], within(1e-12));
            }
            double[] jac = new double[9 * n];
            net.jacobian(x, jac, 1);
            double h = 1e-6;
            double[] fd = new double[9 * n];
            FieldOps.finiteDifferenceJacobian(net, x, fd, 1, h);
            int compared = 0;
            for (int i = 0; i < n; i++) {
                // ReLU kinks within h of x make central differences meaningless there: skip points where the
                // one-sided differences disagree
                if (kinkNearby(net, x, i, h)) {
                    continue;
                }
                compared++;
                for (int k = 0; k < 9; k++) {
                    assertThat(jac[9 * i + k]).isCloseTo(fd[9 * i + k], within(1e-6));
                }
            }
            assertThat(compared).isGreaterThan(n / 2);
        }
    }

    private static boolean kinkNearby(CspNetwork net, double[] x, int i, double h) {
        double[] p = new double[27];
        for (int b = 0; b < 3; b++) {
            for (int s = 0; s < 3; s++) {
                System.arraycopy(x, 3 * i, p, 9 * b + 3 * s, 3);
                p[9 * b + 3 * s + b] += (s - 1) * h;
            }
        }
        double[] f = new double[27];
        net.closest(p, f, 1);
        for (int b = 0; b < 3; b++) {
            for (int a = 0; a < 3; a++) {
                double forward = f[9 * b + 6 + a] - f[9 * b + 3 + a];
                double backward = f[9 * b + 3 + a] - f[9 * b + a];
                if (Math.abs(forward - backward) > 1e-9) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void inferenceDoesNotDependOnTheThreadCount() {
        CspNetwork net = new CspNetwork(32, 4, false, new SplittableRandom(3));
        double[] x = randomPoints(2000, 4);
        double[] f1 = new double[x.length];
        double[] f2 = new double[x.length];
        double[] j1 = new double[3 * x.length];
        double[] j2 = new double[3 * x.length];
        net.closestAndJacobian(x, f1, j1, 1);
        net.closestAndJacobian(x, f2, j2, 2);
        assertThat(f2).containsExactly(f1);
        assertThat(j2).containsExactly(j1);
    }

    @Test
    void tinyTrainingIsDeterministicAndLearnsTheSphereWithJacobianNormalsBetterThanForwardOnes() {
        TrainingSource src = new AnalyticSource(AnalyticShapes.byName("sphere"));
        TrainingData.Config dc = new TrainingData.Config(20_000, 0.0158, 0.005, 20_000, TrainingData.GroundTruth.EXACT);
        TrainingData d1 = TrainingData.generate(src, dc, new SplittableRandom(7), 1, null);
        TrainingData d2 = TrainingData.generate(src, dc, new SplittableRandom(7), 2, null);
        assertThat(d2.trainY).containsExactly(d1.trainY);
        assertThat(d1.heldSize()).isEqualTo(4000);
        CspTrainer.Config tc1 = new CspTrainer.Config(400, 256, 3e-3, CspTrainer.Schedule.COSINE, 1);
        CspTrainer.Config tc2 = new CspTrainer.Config(400, 256, 3e-3, CspTrainer.Schedule.COSINE, 2);
        CspNetwork a = new CspNetwork(32, 3, false, new SplittableRandom(8));
        CspNetwork b = new CspNetwork(32, 3, false, new SplittableRandom(8));
        double[] la = CspTrainer.train(a, d1, tc1, new SplittableRandom(9), null);
        double[] lb = CspTrainer.train(b, d2, tc2, new SplittableRandom(9), null);
        assertThat(lb).containsExactly(la);
        assertThat(b.parameters().get(0).value().data()).containsExactly(a.parameters().get(0).value().data());
        double early = 0;
        double late = 0;
        for (int i = 0; i < 20; i++) {
            early += la[i];
            late += la[la.length - 1 - i];
        }
        assertThat(late).isLessThan(early / 20);
        Map<String, Double> m = FieldMetrics.evaluate(a, d1.heldX, d1.heldY, d1.heldNormals, d1.surface, 2);
        // a 32x3 network after 400 steps: a few percent of the radius 0.35
        assertThat(m.get("cspError")).isLessThan(0.03);
        assertThat(m.get("jacobianNormalCos")).isGreaterThan(m.get("forwardNormalCos"));
        assertThat(m.get("jacobianNormalCos")).isGreaterThan(0.9);
    }

    @Test
    void sphereExactFieldHasZeroMetricErrors() {
        TrainingSource src = new AnalyticSource(AnalyticShapes.byName("sphere"));
        TrainingData d = TrainingData.generate(src, new TrainingData.Config(2000, 0.0158, 0.005, 5000,
                TrainingData.GroundTruth.EXACT), new SplittableRandom(1), 1, null);
        Map<String, Double> m = FieldMetrics.evaluate(src.field(), d.heldX, d.heldY, d.heldNormals, d.surface, 1);
        assertThat(m.get("cspError")).isLessThan(1e-15);
        assertThat(m.get("udfError")).isLessThan(1e-15);
        assertThat(m.get("idempotenceError")).isLessThan(1e-15);
        assertThat(m.get("forwardNormalCos")).isCloseTo(1.0, within(1e-12));
        assertThat(m.get("jacobianNormalCos")).isCloseTo(1.0, within(1e-8));
        // nn-samples targets are quantised to the reference samples: about their spacing away from the exact ones
        TrainingData nn = TrainingData.generate(src, new TrainingData.Config(2000, 0.0158, 0.005, 5000,
                TrainingData.GroundTruth.NN_SAMPLES), new SplittableRandom(1), 1, null);
        double spacing = Math.sqrt(4 * Math.PI * 0.35 * 0.35 / 5000);
        double mean = 0;
        for (int i = 0; i < nn.trainSize(); i++) {
            double[] p = new double[3];
            ((org.quire.surface.analytic.AnalyticSurface) src.field()).closest(nn.trainX[3 * i], nn.trainX[3 * i + 1],
                    nn.trainX[3 * i + 2], p);
            mean += Math.sqrt(Math.pow(p[0] - nn.trainY[3 * i], 2) + Math.pow(p[1] - nn.trainY[3 * i + 1], 2)
                    + Math.pow(p[2] - nn.trainY[3 * i + 2], 2));
        }
        mean /= nn.trainSize();
        assertThat(mean).isBetween(0.1 * spacing, spacing);
    }
}
