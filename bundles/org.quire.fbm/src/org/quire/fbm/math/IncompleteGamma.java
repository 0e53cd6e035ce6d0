package org.quire.fbm.math;

import org.hipparchus.special.Gamma;

/**
 * Regularised incomplete gamma functions P(a, z), Q(a, z) and the overflow-free scaled forms
 * e^z Γ(a, z) and e^z Q(a, z), for a &gt; 0 and z &ge; 0. Uses the power series for z &lt; a + 1 and the
 * modified-Lentz continued fraction otherwise, so e^z Γ(a, z) = z^a · CF(a, z) stays finite for any
 * large z (the Hipparchus {@code regularizedGammaQ} underflows there and e^z overflows). Stateless.
 */
public final class IncompleteGamma {

    private static final double EPS = 1e-16;
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 100_000;

    private IncompleteGamma() {
    }

    /** The regularised lower incomplete gamma P(a, z) = γ(a, z)/Γ(a) in [0, 1]. */
    public static double regularizedP(double a, double z) {
        check(a, z);
        if (z == 0) {
            return 0;
        }
        if (z < a + 1) {
            return lowerSeriesScaled(a, z) * Math.exp(-z + a * Math.log(z) - Gamma.logGamma(a));
        }
        return 1 - upperFractionScaled(a, z) * Math.exp(-z + a * Math.log(z) - Gamma.logGamma(a));
    }

    /** The regularised upper incomplete gamma Q(a, z) = Γ(a, z)/Γ(a) = 1 − P(a, z) in [0, 1]. */
    public static double regularizedQ(double a, double z) {
        check(a, z);
        if (z == 0) {
            return 1;
        }
        if (z < a + 1) {
            return 1 - lowerSeriesScaled(a, z) * Math.exp(-z + a * Math.log(z) - Gamma.logGamma(a));
        }
        return upperFractionScaled(a, z) * Math.exp(-z + a * Math.log(z) - Gamma.logGamma(a));
    }

    /** e^z Γ(a, z), the scaled upper incomplete gamma (finite for every finite z &ge; 0). */
    public static double expZUpperGamma(double a, double z) {
        check(a, z);
        if (z == 0) {
            return Gamma.gamma(a);
        }
        if (z < a + 1) {
            double lower = lowerSeriesScaled(a, z) * Math.exp(a * Math.log(z)); // e^z γ(a, z)
            return Math.exp(z) * Gamma.gamma(a) - lower;
        }
        return upperFractionScaled(a, z) * Math.exp(a * Math.log(z));
    }

    /** e^z Q(a, z) (finite for every finite z &ge; 0; grows like z^{a−1}/Γ(a)). */
    public static double expZRegularizedQ(double a, double z) {
        check(a, z);
        if (z == 0) {
            return 1;
        }
        if (z < a + 1) {
            return Math.exp(z) - lowerSeriesScaled(a, z) * Math.exp(a * Math.log(z) - Gamma.logGamma(a));
        }
        return upperFractionScaled(a, z) * Math.exp(a * Math.log(z) - Gamma.logGamma(a));
    }

    /** S with γ(a, z) = e^{−z} z^a S: the series Σ z^n / (a (a+1) ... (a+n)). */
    static double lowerSeriesScaled(double a, double z) {
        double ap = a;
        double term = 1 / a;
        double sum = term;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            ap += 1;
            term *= z / ap;
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPS) {
                return sum;
            }
        }
        throw new ArithmeticException("incomplete gamma series did not converge for a=" + a + ", z=" + z);
    }

    /** F with Γ(a, z) = e^{−z} z^a F: the continued fraction 1/(z+1−a− 1·(1−a)/(z+3−a− ...)), modified Lentz. */
    static double upperFractionScaled(double a, double z) {
        double b = z + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                return h;
            }
        }
        throw new ArithmeticException("incomplete gamma continued fraction did not converge for a=" + a + ", z=" + z);
    }

    private static void check(double a, double z) {
        if (!(a > 0) || !(z >= 0) || Double.isInfinite(a) || Double.isInfinite(z)) {
            throw new IllegalArgumentException("incomplete gamma needs a > 0 and finite z >= 0, got a=" + a + ", z=" + z);
        }
    }
}
