package org.quire.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.quire.compute.RandomStreams;

class TrainingTest {

    /** Forward + backward of a 2-hidden-layer MLP on a batch large enough for parallel products and elementwise ops. */
    private static double[][] gradientsWithThreads(int threads) {
        Mlp mlp = new Mlp("net", new int[] {5, 64, 64, 3}, Activation.TANH, false, new RandomStreams(77), 0);
        SplittableRandom r = new SplittableRandom(8);
        int batch = 1100; // 1100 x 64 elements > the elementwise parallel threshold
        Matrix x = new Matrix(batch, 5);
        Matrix y = new Matrix(batch, 3);
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = r.nextDouble(-2, 2);
        }
        for (int i = 0; i < y.size(); i++) {
            y.data()[i] = r.nextDouble(-1, 1);
        }
        Tape tape = new Tape(threads);
        Tensor out = mlp.forward(tape, tape.constant(x));
        Tensor loss = tape.add(tape.mse(out, tape.constant(y)), tape.mean(tape.softplus(out)));
        tape.backward(loss);
        List<Parameter> ps = mlp.parameters();
        double[][] result = new double[ps.size() + 2][];
        for (int i = 0; i < ps.size(); i++) {
            result[i] = ps.get(i).grad().data().clone();
        }
        result[ps.size()] = out.value().data().clone();
        result[ps.size() + 1] = new double[] {loss.item()};
        return result;
    }

    @Test
    void forwardAndBackwardAreBitIdenticalForOneTwoAndThreeThreads() {
        double[][] one = gradientsWithThreads(1);
        double[][] two = gradientsWithThreads(2);
        double[][] three = gradientsWithThreads(3);
        for (int i = 0; i < one.length; i++) {
            assertThat(two[i]).as("array %d with 2 threads", i).containsExactly(one[i]);
            assertThat(three[i]).as("array %d with 3 threads", i).containsExactly(one[i]);
        }
    }

    @Test
    void adamReachesTheMinimumOfAConvexQuadratic() {
        // f(p) = 0.5 p H p^T - g p^T with H symmetric positive definite: minimum at p* = g H^{-1}
        double[][] h = {{4, 1, 0.5}, {1, 3, -0.4}, {0.5, -0.4, 2}};
        double[] g = {1, -2, 0.5};
        double[] expected = solve3(h, g);
        Parameter p = new Parameter("p", Matrix.row(0, 0, 0));
        Adam adam = new Adam(List.of(p), 0.05);
        Tape tape = new Tape();
        Matrix hm = Matrix.of(h);
        Matrix gm = Matrix.row(g);
        for (int step = 0; step < 3000; step++) {
            adam.setLearningRate(0.05 / (1 + step / 100.0));
            tape.reset();
            Tensor pt = tape.param(p);
            Tensor quad = tape.scale(tape.sum(tape.mul(tape.matmul(pt, tape.constant(hm)), pt)), 0.5);
            Tensor f = tape.sub(quad, tape.sum(tape.mul(pt, tape.constant(gm))));
            adam.zeroGrad();
            tape.backward(f);
            adam.step();
        }
        assertThat(adam.steps()).isEqualTo(3000);
        for (int i = 0; i < 3; i++) {
            assertThat(p.value().data()[i]).as("p[%d]", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    /** x H = g for symmetric 3x3 H by Cramer's rule. */
    private static double[] solve3(double[][] a, double[] b) {
        double det = det(a);
        double[] x = new double[3];
        for (int c = 0; c < 3; c++) {
            double[][] m = new double[3][];
            for (int r = 0; r < 3; r++) {
                m[r] = a[r].clone();
                m[r][c] = b[r];
            }
            x[c] = det(m) / det;
        }
        return x;
    }

    private static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    @Test
    void adamMatchesTheClosedFormFirstStepAndClipsTheGradientNorm() {
        // first Adam step moves every coordinate by lr * g / (|g| + eps) in the direction of -g
        Parameter p = new Parameter("p", Matrix.row(1, 2));
        p.grad().data()[0] = 3;
        p.grad().data()[1] = -4;
        Adam adam = new Adam(List.of(p), 0.1, 0.9, 0.999, 1e-8).clipGradientNorm(1.0);
        double norm = adam.step();
        assertThat(norm).isEqualTo(5.0);
        // clipped gradient (0.6, -0.8): step lr * gc / (|gc| + eps)
        assertThat(p.value().get(0, 0)).isCloseTo(1 - 0.1 * 0.6 / (0.6 + 1e-8), org.assertj.core.data.Offset.offset(1e-15));
        assertThat(p.value().get(0, 1)).isCloseTo(2 + 0.1 * 0.8 / (0.8 + 1e-8), org.assertj.core.data.Offset.offset(1e-15));
        assertThat(p.grad().data()).containsExactly(3, -4);
        adam.zeroGrad();
        assertThat(p.grad().data()).containsExactly(0, 0);
    }

    @Test
    void mlpFitsSineOnMinusThreeToThree() {
        int n = 200;
        Matrix x = new Matrix(n, 1);
        Matrix y = new Matrix(n, 1);
        for (int i = 0; i < n; i++) {
            double xi = -3 + 6.0 * i / (n - 1);
            x.data()[i] = xi;
            y.data()[i] = Math.sin(xi);
        }
        Mlp mlp = new Mlp("sine", new int[] {1, 32, 32, 1}, Activation.TANH, false, new SplittableRandom(2024));
        Adam adam = new Adam(mlp.parameters(), 0.01);
        Tape tape = new Tape(2);
        int maxSteps = 3000;
        double mse = Double.NaN;
        int steps = 0;
        while (steps < maxSteps) {
            tape.reset();
            Tensor loss = tape.mse(mlp.forward(tape, tape.constant(x)), tape.constant(y));
            mse = loss.item();
            if (mse < 5e-4) {
                break;
            }
            adam.zeroGrad();
            tape.backward(loss);
            adam.step();
            steps++;
        }
        // independent check of the fit on a finer grid between the training points
        Matrix xt = new Matrix(601, 1);
        for (int i = 0; i < 601; i++) {
            xt.data()[i] = -3 + 6.0 * i / 600;
        }
        Matrix pred = mlp.predict(xt);
        double s = 0;
        for (int i = 0; i < 601; i++) {
            double d = pred.data()[i] - Math.sin(xt.data()[i]);
            s += d * d;
        }
        assertThat(steps).as("steps used (training mse %s)", mse).isLessThan(maxSteps);
        assertThat(s / 601).isLessThan(1e-3);
    }

    @Test
    void zeroInitialisedLastLayerGivesExactlyZeroOutputButLearns() {
        Mlp control = new Mlp("control", new int[] {4, 16, 16, 2}, Activation.SOFTPLUS, true, new SplittableRandom(3));
        Matrix x = TapeGradientTest.param("x", 10, 4, -5, 5, 4).value();
        Matrix out = control.predict(x);
        for (double v : out.data()) {
            assertThat(v).isEqualTo(0.0);
        }
        Tape tape = new Tape();
        tape.backward(tape.sum(control.forward(tape, tape.constant(x))));
        List<Parameter> ps = control.parameters();
        Parameter lastWeight = ps.get(ps.size() - 2);
        assertThat(lastWeight.name()).isEqualTo("control.2.weight");
        double sumAbs = 0;
        for (double g : lastWeight.grad().data()) {
            sumAbs += Math.abs(g);
        }
        assertThat(sumAbs).isGreaterThan(0);
    }

    @Test
    void initialisationIsSeededAndHasTheStatedVariance() {
        Mlp a = new Mlp("m", new int[] {200, 300, 1}, Activation.TANH, false, new RandomStreams(9), 4);
        Mlp b = new Mlp("m", new int[] {200, 300, 1}, Activation.TANH, false, new RandomStreams(9).splittable(4));
        Mlp c = new Mlp("m", new int[] {200, 300, 1}, Activation.RELU, false, new RandomStreams(10), 4);
        assertThat(b.parameters().get(0).value().data()).containsExactly(a.parameters().get(0).value().data());
        assertThat(c.parameters().get(0).value().data()).isNotEqualTo(a.parameters().get(0).value().data());
        // Xavier: var 2/(200+300) = 0.004; He: 2/200 = 0.01; 60000 draws -> sampling error ~ 0.6 % of the variance
        assertThat(variance(a.parameters().get(0).value().data())).isCloseTo(0.004, org.assertj.core.data.Percentage.withPercentage(3));
        assertThat(variance(c.parameters().get(0).value().data())).isCloseTo(0.01, org.assertj.core.data.Percentage.withPercentage(3));
        assertThat(a.parameters().get(1).value().data()).containsOnly(0.0);
        assertThat(a.parameterCount()).isEqualTo(200 * 300 + 300 + 300 + 1);
    }

    private static double variance(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.length;
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }
}
