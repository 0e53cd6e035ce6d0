package org.quire.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class NumericsTest {

    /**
     * 20 000 terms in pairs {@code b, -b + s} with |b| < 1e10 and s in [0, 1), shuffled: the sum is about 5e3
     * while the sum of magnitudes is about 1e14 (condition number ~2e10). Neumaier's error bound
     * {@code u|S| + n u^2 sum|x|} is then ~0.5 ulp + 3e-14, below one ulp of the sum.
     */
    static double[] cancellingTerms() {
        SplittableRandom r = new SplittableRandom(20240611L);
        double[] x = new double[20_000];
        for (int j = 0; j < x.length / 2; j++) {
            double big = (r.nextDouble() - 0.5) * 2e10;
            x[2 * j] = big;
            x[2 * j + 1] = -big + r.nextDouble();
        }
        for (int i = x.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            double t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
        return x;
    }

    static BigDecimal exactSum(double[] x) {
        BigDecimal s = BigDecimal.ZERO;
        for (double v : x) {
            s = s.add(new BigDecimal(v));
        }
        return s;
    }

    @Test
    void compensatedSumIsWithinOneUlpOfTheExactSum() {
        double[] x = cancellingTerms();
        double exact = exactSum(x).doubleValue(); // correctly rounded
        double plain = 0;
        for (double v : x) {
            plain += v;
        }
        assertThat(Math.abs(plain - exact)).as("the data defeats plain summation").isGreaterThan(1000 * Math.ulp(exact));
        assertThat(Math.abs(Numerics.sum(x) - exact)).isLessThanOrEqualTo(Math.ulp(exact));
        NeumaierSum halves = new NeumaierSum().addAll(x, 0, 10_000).add(new NeumaierSum().addAll(x, 10_000, 20_000));
        assertThat(Math.abs(halves.value() - exact)).isLessThanOrEqualTo(Math.ulp(exact));
        assertThat(Math.abs(Numerics.sum(x, 0, 10_000) - exactSum(java.util.Arrays.copyOf(x, 10_000)).doubleValue()))
                .isLessThanOrEqualTo(Math.ulp(exactSum(java.util.Arrays.copyOf(x, 10_000)).doubleValue()));
    }

    @Test
    void compensatedSumRecoversSmallTermsNextToLargeOnes() {
        // 1 + 1e100 + 1 - 1e100: plain summation gives 0, the exact value is 2
        assertThat(1 + 1e100 + 1 - 1e100).isZero();
        assertThat(Numerics.sum(1, 1e100, 1, -1e100)).isEqualTo(2.0);
        assertThat(Numerics.sum()).isZero();
    }

    @Test
    void nonFiniteTermsPropagate() {
        assertThat(Numerics.sum(1, Double.POSITIVE_INFINITY, 2)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Numerics.sum(1, Double.NEGATIVE_INFINITY)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Numerics.sum(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)).isNaN();
        assertThat(Numerics.sum(1, Double.NaN)).isNaN();
        assertThat(Numerics.sum(Double.MAX_VALUE, Double.MAX_VALUE)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void meanUsesCompensatedSum() {
        assertThat(Numerics.mean(1e16, 1, -1e16, 3)).isEqualTo(1.0);
        assertThatThrownBy(() -> Numerics.mean()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one value");
    }

    @Test
    void linspaceIncludesBothEnds() {
        assertThat(Numerics.linspace(0, 1, 5)).containsExactly(0, 0.25, 0.5, 0.75, 1);
        assertThat(Numerics.linspace(-1, 1, 3)).containsExactly(-1, 0, 1);
        assertThat(Numerics.linspace(2, 7, 1)).containsExactly(2);
        assertThat(Numerics.linspace(2, 7, 0)).isEmpty();
        double[] t = Numerics.linspace(0.1, 0.7, 7);
        assertThat(t[6]).isEqualTo(0.7);
        for (int i = 0; i < t.length; i++) {
            assertThat(t[i]).isCloseTo(0.1 + 0.1 * i, within(1e-15));
        }
        assertThatThrownBy(() -> Numerics.linspace(0, 1, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("linspace: n must be >= 0, was -1");
        assertThatThrownBy(() -> Numerics.linspace(0, Double.NaN, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logspaceGivesPowersOfTen() {
        assertThat(Numerics.logspace(0, 3, 4)).containsExactly(1, 10, 100, 1000);
        double[] small = Numerics.logspace(-2, 0, 5);
        double[] expected = {0.01, Math.sqrt(0.001) , 0.1, Math.sqrt(0.1), 1};
        for (int i = 0; i < small.length; i++) {
            assertThat(small[i]).isCloseTo(expected[i], within(2 * Math.ulp(expected[i])));
        }
    }

    @Test
    void quantilesMatchRType7() {
        // R: quantile(c(3, 1, 4, 1, 5, 9, 2, 6), c(0, .1, .25, .5, .75, .9, 1))  (type 7, the default)
        //   sorted x = 1 1 2 3 4 5 6 9, index = 1 + 7p:
        //   p=0    -> x[1] = 1
        //   p=0.1  -> index 1.7:  x[1] + 0.7 (x[2] - x[1]) = 1
        //   p=0.25 -> index 2.75: 1 + 0.75 (2 - 1) = 1.75
        //   p=0.5  -> index 4.5:  3 + 0.5 (4 - 3) = 3.5
        //   p=0.75 -> index 6.25: 5 + 0.25 (6 - 5) = 5.25
        //   p=0.9  -> index 7.3:  6 + 0.3 (9 - 6) = 6.9
        //   p=1    -> x[8] = 9
        //   R prints: 1.00 1.00 1.75 3.50 5.25 6.90 9.00
        double[] x = {3, 1, 4, 1, 5, 9, 2, 6};
        double[] q = Numerics.quantiles(x, 0, 0.1, 0.25, 0.5, 0.75, 0.9, 1);
        double[] r = {1, 1, 1.75, 3.5, 5.25, 6.9, 9};
        for (int i = 0; i < r.length; i++) {
            assertThat(q[i]).as("p index %d", i).isCloseTo(r[i], within(1e-12));
        }
        assertThat(x).containsExactly(3, 1, 4, 1, 5, 9, 2, 6); // input untouched
        // R: quantile(c(10, 20), 1/3) = 10 + (1/3) * 10 = 13.33333
        assertThat(Numerics.quantile(new double[] {20, 10}, 1.0 / 3)).isCloseTo(40.0 / 3, within(1e-12));
        assertThat(Numerics.quantile(new double[] {42}, 0.3)).isEqualTo(42);
    }

    @Test
    void quantileRejectsBadInput() {
        assertThatThrownBy(() -> Numerics.quantile(new double[0], 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one value");
        assertThatThrownBy(() -> Numerics.quantile(new double[] {1, Double.NaN}, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("values[1] is NaN: expected numbers only");
        assertThatThrownBy(() -> Numerics.quantile(new double[] {1, 2}, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("probability 1.5 is outside [0, 1]");
    }

    @Test
    void summaryMatchesHandComputedValues() {
        // x = 3 1 4 1 5 9 2 6: mean 31/8 = 3.875; sum of squared deviations 52.875 (by hand), so
        // sd = sqrt(52.875 / 7) = 2.748376 (R: sd(x)); quartiles as in quantilesMatchRType7
        Summary s = Numerics.summary(3, 1, 4, 1, 5, 9, 2, 6);
        assertThat(s.count()).isEqualTo(8);
        assertThat(s.mean()).isEqualTo(3.875);
        assertThat(s.sd()).isCloseTo(Math.sqrt(52.875 / 7), within(1e-14));
        assertThat(s.sd()).isCloseTo(2.748376, within(5e-7));
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(9);
        assertThat(s.median()).isEqualTo(3.5);
        assertThat(s.probabilities()).containsExactly(0.25, 0.5, 0.75);
        assertThat(s.quantile(0.25)).isCloseTo(1.75, within(1e-12));
        assertThat(s.quantile(0.75)).isCloseTo(5.25, within(1e-12));
        assertThatThrownBy(() -> s.quantile(0.9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0.25, 0.5, 0.75]");
    }

    @Test
    void summarySdIsAccurateForLargeOffsets() {
        // 1e9 + {1, 2, 3, 4}: sd = sd(1, 2, 3, 4) = sqrt(5/3); a one-pass sum-of-squares formula loses it
        Summary s = Summary.of(new double[] {1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4}, 0.1);
        assertThat(s.sd()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
        assertThat(s.quantiles()).hasSize(1);
        assertThat(s.quantile(0.1)).isCloseTo(1e9 + 1.3, within(1e-6));
        assertThat(Summary.of(new double[] {7}).sd()).isNaN();
    }
}
