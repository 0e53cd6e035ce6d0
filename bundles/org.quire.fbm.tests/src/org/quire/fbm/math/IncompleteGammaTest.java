package org.quire.fbm.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

/** P, Q and e^zΓ(a, z) against Hipparchus where it is accurate and against the asymptotic series where it underflows. */
class IncompleteGammaTest {

    private static final double[] A = {0.3, 0.8, 1.2, 1.7, 2.5, 5.0};
    private static final double[] Z = {1e-6, 0.01, 0.5, 1, 2, 5, 10, 30};

    @Test
    void regularisedPAndQMatchHipparchusToTwelveDigits() {
        for (double a : A) {
            for (double z : Z) {
                double p = Gamma.regularizedGammaP(a, z, 1e-16, 100_000);
                double q = Gamma.regularizedGammaQ(a, z, 1e-16, 100_000);
                assertThat(IncompleteGamma.regularizedP(a, z)).as("P(%s, %s)", a, z).isCloseTo(p, within(1e-12 * Math.max(1, p)));
                assertThat(IncompleteGamma.regularizedQ(a, z)).as("Q(%s, %s)", a, z).isCloseTo(q, within(1e-12 + 1e-11 * q));
            }
        }
    }

    @Test
    void scaledUpperGammaMatchesHipparchusWhereItDoesNotOverflow() {
        for (double a : A) {
            for (double z : Z) {
                double reference = Math.exp(z) * Gamma.gamma(a) * Gamma.regularizedGammaQ(a, z, 1e-16, 100_000);
                assertThat(IncompleteGamma.expZUpperGamma(a, z)).as("e^z Gamma(%s, %s)", a, z)
                        .isCloseTo(reference, within(1e-10 * reference));
                assertThat(IncompleteGamma.expZRegularizedQ(a, z))
                        .isCloseTo(reference / Gamma.gamma(a), within(1e-10 * reference / Gamma.gamma(a)));
            }
        }
    }

    /** e^zΓ(a, z) ~ z^{a−1} Σ_k (a−1)(a−2)…(a−k)/z^k; five terms are exact to ~1e-15 relative at z = 1e3. */
    @Test
    void scaledUpperGammaFollowsTheAsymptoticSeriesWhereHipparchusUnderflows() {
        for (double a : A) {
            for (double z : new double[] {1e3, 1e5, 1e8}) {
                double term = 1;
                double sum = 1;
                for (int k = 1; k <= 5; k++) {
                    term *= (a - k) / z;
                    sum += term;
                }
                double reference = Math.pow(z, a - 1) * sum;
                assertThat(Gamma.regularizedGammaQ(a, z)).isEqualTo(0.0); // underflows: e^z·Q cannot be formed
                assertThat(IncompleteGamma.expZUpperGamma(a, z)).as("a=%s z=%s", a, z)
                        .isCloseTo(reference, within(1e-12 * reference));
            }
        }
    }

    @Test
    void edgeValuesAtZero() {
        assertThat(IncompleteGamma.regularizedP(0.8, 0)).isZero();
        assertThat(IncompleteGamma.regularizedQ(0.8, 0)).isEqualTo(1.0);
        assertThat(IncompleteGamma.expZUpperGamma(0.8, 0)).isCloseTo(Gamma.gamma(0.8), within(1e-14));
    }
}
