package org.quire.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TapeTest {

    @Test
    void valuesOfBasicOperations() {
        Tape t = new Tape();
        Tensor a = t.constant(Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}}));
        Tensor row = t.constant(Matrix.row(10, 20, 30));
        Tensor col = t.constant(Matrix.column(100, 200));
        assertThat(t.add(a, row).value().data()).containsExactly(11, 22, 33, 14, 25, 36);
        assertThat(t.mul(a, col).value().data()).containsExactly(100, 200, 300, 800, 1000, 1200);
        assertThat(t.sub(row, a).value().data()).containsExactly(9, 18, 27, 6, 15, 24);
        assertThat(t.sum(a).item()).isEqualTo(21);
        assertThat(t.mean(a).item()).isEqualTo(3.5);
        assertThat(t.sumRows(a).value().data()).containsExactly(5, 7, 9);
        assertThat(t.sumCols(a).value().data()).containsExactly(6, 15);
        assertThat(t.sliceCols(a, 1, 3).value().data()).containsExactly(2, 3, 5, 6);
        assertThat(t.concatCols(a, col).value().data()).containsExactly(1, 2, 3, 100, 4, 5, 6, 200);
        assertThat(t.matmul(a, false, a, true).value().data()).containsExactly(14, 32, 32, 77);
        assertThat(t.relu(t.addScalar(a, -3)).value().data()).containsExactly(0, 0, 0, 1, 2, 3);
        assertThat(t.softplus(t.constant(Matrix.row(-1000, 0, 1000))).value().data()).containsExactly(0, Math.log(2), 1000);
        assertThat(t.sigmoid(t.constant(Matrix.row(-1000, 0, 1000))).value().data()).containsExactly(0, 0.5, 1);
    }

    @Test
    void fastTanhAgreesWithMathTanhToRoundoff() {
        double worst = 0;
        for (int i = -40000; i <= 40000; i++) {
            double x = i * 5e-4 + 1e-7 * Math.sin(i); // covers [-20, 20] including tiny arguments
            worst = Math.max(worst, Math.abs(Activation.TANH.apply(x) - Math.tanh(x)));
        }
        assertThat(worst).isLessThan(3e-16);
        assertThat(Activation.TANH.apply(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Activation.TANH.apply(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(Activation.TANH.apply(-0.0)).isEqualTo(-0.0);
        assertThat(Activation.TANH.apply(Double.NaN)).isNaN();
        assertThat(Activation.TANH.apply(1e-300)).isCloseTo(1e-300, org.assertj.core.data.Offset.offset(3e-16));
    }

    @Test
    void parameterUsedTwiceAccumulatesAndResetRecyclesWithoutLeakingGradients() {
        Parameter p = new Parameter("p", Matrix.row(2));
        Tape t = new Tape();
        for (int round = 0; round < 3; round++) {
            t.reset();
            p.zeroGrad();
            Tensor x = t.param(p);
            t.backward(t.sum(t.mul(x, t.param(p)))); // p^2 -> 2p
            assertThat(p.grad().data()).containsExactly(4.0);
        }
        int recorded = t.size();
        t.reset();
        assertThat(t.size()).isZero();
        assertThat(recorded).isEqualTo(3);
    }

    @Test
    void misuseIsReportedClearly() {
        Tape t = new Tape();
        Tensor a = t.constant(new Matrix(2, 3));
        Tensor b = t.constant(new Matrix(3, 2));
        assertThatThrownBy(() -> t.add(a, b)).hasMessageContaining("cannot broadcast 2x3 with 3x2");
        assertThatThrownBy(() -> t.matmul(a, a)).hasMessageContaining("op(a) is 2x3 but op(b) is 2x3");
        assertThatThrownBy(() -> t.backward(a)).hasMessageContaining("1x1 loss");
        assertThatThrownBy(() -> t.sliceCols(a, 2, 5)).hasMessageContaining("[2, 5)");
        Tensor v = t.variable(Matrix.row(1.0));
        Tensor loss = t.sum(v);
        t.backward(loss);
        assertThat(v.grad().data()).containsExactly(1.0);
        assertThatThrownBy(() -> t.backward(loss)).isInstanceOf(IllegalStateException.class).hasMessageContaining("reset()");
        Tape other = new Tape();
        assertThatThrownBy(() -> other.add(a, a)).hasMessageContaining("another tape");
        t.reset();
        assertThatThrownBy(a::value).isInstanceOf(IllegalStateException.class).hasMessageContaining("reset");
        assertThatThrownBy(() -> new Mlp("m", new int[] {3, 0, 1}, Activation.TANH, false, new java.util.SplittableRandom(1)))
                .hasMessageContaining("layerSizes[1]");
    }
}
