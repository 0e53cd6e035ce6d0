package org.quire.sem;

import java.util.SplittableRandom;
import org.quire.sem.algebra.ModMatrix;
import org.quire.sem.algebra.ModP;

/**
 * The generic rank of the Jacobian of &phi;<sub>G</sub>, by exact rank computations modulo primes at random points.
 * A rank r found mod p at a point is a certificate that the generic rank over Q is &ge; r (a non-zero r&times;r minor
 * mod p is non-zero over Q); the maximum over the points tried is reported, which equals the generic rank unless every
 * point was unlucky (probability &le; (deg/p) per point). Stateless.
 */
public final class JacobianRank {
    private JacobianRank() {
    }

    /**
     * The largest Jacobian rank found at {@code points} random points, each modulo a different prime.
     *
     * @param points number of points, 1..{@link ModP#primeCount()}
     */
    public static int rank(MixedGraph g, int points, SplittableRandom rnd) {
        Parametrization phi = new Parametrization(g);
        int best = 0;
        for (int k = 0; k < points; k++) {
            long p = ModP.prime(k % ModP.primeCount());
            long[][] j = null;
            while (j == null) {
                j = phi.jacobianModP(phi.randomPoint(rnd, p), p);
            }
            best = Math.max(best, ModMatrix.rank(j, p));
        }
        return best;
    }
}
