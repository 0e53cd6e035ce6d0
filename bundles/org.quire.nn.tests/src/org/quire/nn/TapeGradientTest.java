package org.quire.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every operation's reverse-mode gradient against central finite differences (h = 1e-6, max rel. error < 1e-6). */
class TapeGradientTest {

    static final double H = 1e-6;
    static final double TOLERANCE = 1e-6;

    static Parameter param(String name, int rows, int cols, double lo, double hi, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Matrix m = new Matrix(rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.data()[i] = r.nextDouble(lo, hi);
        }
        return new Parameter(name, m);
    }

    /** sum(w ∘ out) with a fixed random weight, so that every output element matters differently. */
    static Tensor weightedSum(Tape tape, Tensor out, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Matrix w = new Matrix(out.rows(), out.cols());
        for (int i = 0; i < w.size(); i++) {
            w.data()[i] = r.nextDouble(-1, 1);
        }
        return tape.sum(tape.mul(out, tape.constant(w)));
    }

    record Case(String name, List<Parameter> params, GradientCheck.LossFunction loss) {
    }

    static Case unary(String name, double lo, double hi, BiFunction<Tape, Tensor, Tensor> op) {
        Parameter a = param("a", 4, 5, lo, hi, name.hashCode());
        return new Case(name, List.of(a), t -> weightedSum(t, op.apply(t, t.param(a)), 7));
    }

    static Case binary(String name, int ar, int ac, int br, int bc, double lo, double hi, Op2 op) {
        Parameter a = param("a", ar, ac, -1.5, 1.5, 11 + name.hashCode());
        Parameter b = param("b", br, bc, lo, hi, 13 + name.hashCode());
        return new Case(name, List.of(a, b), t -> weightedSum(t, op.apply(t, t.param(a), t.param(b)), 17));
    }

    interface Op2 {
        Tensor apply(Tape t, Tensor a, Tensor b);
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(unary("tanh", -2, 2, Tape::tanh));
        cases.add(unary("sigmoid", -3, 3, Tape::sigmoid));
        cases.add(unary("softplus", -3, 3, Tape::softplus));
        cases.add(unary("relu", 0.1, 2, Tape::relu));
        cases.add(unary("relu negative side", -2, -0.1, (t, a) -> t.add(t.relu(a), a)));
        cases.add(unary("exp", -2, 2, Tape::exp));
        cases.add(unary("log", 0.2, 3, Tape::log));
        cases.add(unary("square", -2, 2, Tape::square));
        cases.add(unary("sqrt", 0.2, 3, Tape::sqrt));
        cases.add(unary("sin", -3, 3, Tape::sin));
        cases.add(unary("cos", -3, 3, Tape::cos));
        cases.add(unary("scale", -2, 2, (t, a) -> t.scale(a, -2.5)));
        cases.add(unary("addScalar then square", -2, 2, (t, a) -> t.square(t.addScalar(a, 0.7))));
        cases.add(unary("neg then exp", -1, 1, (t, a) -> t.exp(t.neg(a))));
        cases.add(unary("activate softplus", -2, 2, (t, a) -> t.activate(a, Activation.SOFTPLUS)));
        cases.add(unary("sum of squares", -2, 2, (t, a) -> t.sum(t.square(a))));
        cases.add(unary("mean of tanh", -2, 2, (t, a) -> t.mean(t.tanh(a))));
        cases.add(unary("sumRows", -2, 2, (t, a) -> t.sumRows(t.square(a))));
        cases.add(unary("sumCols", -2, 2, (t, a) -> t.sumCols(t.square(a))));
        cases.add(unary("sliceCols", -2, 2, (t, a) -> t.square(t.sliceCols(a, 1, 4))));
        cases.add(unary("sliceRows", -2, 2, (t, a) -> t.square(t.sliceRows(a, 1, 3))));
        cases.add(unary("concatCols of slices", -2, 2,
                (t, a) -> t.concatCols(t.square(t.sliceCols(a, 3, 5)), t.sliceCols(a, 0, 2), t.constant(4, 1, 2.0))));
        cases.add(unary("concatRows", -2, 2, (t, a) -> t.concatRows(t.tanh(a), t.square(a))));
        cases.add(unary("matmul a a^T", -1, 1, (t, a) -> t.matmul(a, false, a, true)));
        cases.add(unary("matmul a^T a", -1, 1, (t, a) -> t.matmul(a, true, a, false)));
        for (String shape : new String[] {"same", "row", "column", "scalar", "row+column"}) {
            int[] b = switch (shape) {
                case "same" -> new int[] {4, 5, 4, 5};
                case "row" -> new int[] {4, 5, 1, 5};
                case "column" -> new int[] {4, 5, 4, 1};
                case "scalar" -> new int[] {4, 5, 1, 1};
                default -> new int[] {1, 5, 4, 1};
            };
            cases.add(binary("add " + shape, b[0], b[1], b[2], b[3], -1, 1, Tape::add));
            cases.add(binary("sub " + shape, b[0], b[1], b[2], b[3], -1, 1, Tape::sub));
            cases.add(binary("mul " + shape, b[0], b[1], b[2], b[3], -1, 1, Tape::mul));
            cases.add(binary("div " + shape, b[0], b[1], b[2], b[3], 0.5, 2, Tape::div));
            cases.add(binary("broadcast on the left, " + shape, b[2], b[3], b[0], b[1], -1, 1, Tape::mul));
        }
        cases.add(binary("addRow", 4, 5, 1, 5, -1, 1, Tape::addRow));
        cases.add(binary("matmul", 4, 3, 3, 5, -1, 1, Tape::matmul));
        cases.add(binary("matmul a^T b", 3, 4, 3, 5, -1, 1, (t, a, b) -> t.matmul(a, true, b, false)));
        cases.add(binary("matmul a b^T", 4, 3, 5, 3, -1, 1, (t, a, b) -> t.matmul(a, false, b, true)));
        cases.add(binary("matmul a^T b^T", 3, 4, 5, 3, -1, 1, (t, a, b) -> t.matmul(a, true, b, true)));
        cases.add(binary("mse", 4, 5, 4, 5, -1, 1, (t, a, b) -> t.mse(t.tanh(a), b)));
        {
            Parameter x = param("x", 6, 3, -1, 1, 21);
            Parameter w = param("w", 3, 4, -1, 1, 22);
            Parameter bias = param("bias", 1, 4, -1, 1, 23);
            cases.add(new Case("linear", List.of(x, w, bias), t -> weightedSum(t, t.linear(t.param(x), t.param(w), t.param(bias)), 5)));
            cases.add(new Case("linear without bias", List.of(x, w), t -> weightedSum(t, t.linear(t.param(x), t.param(w), null), 5)));
        }
        {
            // a parameter used several times in one graph (as in an Euler loop): contributions must add up
            Parameter x0 = param("x0", 3, 2, -1, 1, 31);
            Parameter theta = param("theta", 1, 1, 0.5, 1.0, 32);
            cases.add(new Case("Euler loop reusing a parameter", List.of(x0, theta), t -> {
                Tensor x = t.param(x0);
                for (int step = 0; step < 20; step++) {
                    Tensor drift = t.mul(t.neg(t.param(theta)), t.tanh(x));
                    x = t.add(x, t.scale(drift, 0.05));
                }
                return t.mean(t.square(x));
            }));
        }
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyOperationMatchesFiniteDifferences() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            GradientCheck.Result r = GradientCheck.check(c.params(), c.loss(), H);
            assertThat(r.maxRelativeError()).as("%s: worst at %s analytic %s numeric %s", c.name(), r.worst(), r.analytic(), r.numeric())
                    .isLessThan(TOLERANCE);
        }));
    }

    @Test
    void mlpGradientsMatchFiniteDifferencesForEveryActivation() {
        for (Activation act : Activation.values()) {
            Mlp mlp = new Mlp("net", new int[] {3, 6, 5, 2}, act, false, new SplittableRandom(5));
            // non-zero biases so that every parameter is exercised away from special points
            for (Parameter p : mlp.parameters()) {
                if (p.name().endsWith("bias")) {
                    SplittableRandom r = new SplittableRandom(p.name().hashCode());
                    for (int i = 0; i < p.size(); i++) {
                        p.value().data()[i] = r.nextDouble(-0.5, 0.5);
                    }
                }
            }
            Matrix x = param("x", 7, 3, -1, 1, 9).value();
            Matrix y = param("y", 7, 2, -1, 1, 10).value();
            GradientCheck.Result r = GradientCheck.check(mlp.parameters(),
                    t -> t.mse(mlp.forward(t, t.constant(x)), t.constant(y)), H);
            assertThat(r.maxRelativeError()).as("%s: worst at %s (%s vs %s)", act, r.worst(), r.analytic(), r.numeric())
                    .isLessThan(TOLERANCE);
        }
    }

    @Test
    void variableGradientMatchesFiniteDifferences() {
        Matrix x = param("x", 3, 4, -1, 1, 40).value();
        Tape tape = new Tape();
        Tensor v = tape.variable(x);
        tape.backward(tape.sum(tape.mul(tape.tanh(v), v)));
        Matrix g = v.grad();
        for (int i = 0; i < x.size(); i++) {
            double xi = x.data()[i];
            double numeric = ((xi + H) * Math.tanh(xi + H) - (xi - H) * Math.tanh(xi - H)) / (2 * H);
            assertThat(g.data()[i]).isCloseTo(numeric, org.assertj.core.data.Offset.offset(1e-8));
        }
    }

    @Test
    void gradientCheckDetectsAWrongGradient() {
        Parameter a = param("a", 2, 2, 0.5, 1.5, 50);
        // value a^2 but a (wrong) gradient of 3a instead of 2a
        GradientCheck.Result r = GradientCheck.check(List.of(a), t -> {
            Tensor pa = t.param(a);
            Matrix v = pa.value().copy();
            for (int i = 0; i < v.size(); i++) {
                v.data()[i] *= v.data()[i];
            }
            Tensor sq = t.custom(v, (g, grads) -> {
                for (int i = 0; i < g.size(); i++) {
                    grads[0].data()[i] += g.data()[i] * 3 * a.value().data()[i];
                }
            }, pa);
            return t.sum(sq);
        }, H);
        assertThat(r.maxRelativeError()).isGreaterThan(0.3);
        assertThat(r.worst()).startsWith("a[");
    }

    @Test
    void customOperationWithCorrectGradientPasses() {
        Parameter a = param("a", 2, 3, 0.5, 1.5, 51);
        GradientCheck.Result r = GradientCheck.check(List.of(a), t -> {
            Tensor pa = t.param(a);
            Matrix v = pa.value().copy();
            for (int i = 0; i < v.size(); i++) {
                v.data()[i] = Math.sin(v.data()[i]);
            }
            Tensor s = t.custom(v, (g, grads) -> {
                for (int i = 0; i < g.size(); i++) {
                    grads[0].data()[i] += g.data()[i] * Math.cos(a.value().data()[i]);
                }
            }, pa);
            return weightedSum(t, t.square(s), 3);
        }, H);
        assertThat(r.maxRelativeError()).isLessThan(TOLERANCE);
    }
}
