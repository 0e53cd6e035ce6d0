package org.quire.sem.algebra;

import java.math.BigInteger;

/**
 * Chinese remaindering and rational reconstruction (Wang's half-extended Euclid with bounds
 * {@code |a|, b <= sqrt(m/2)}). Static.
 */
public final class RationalReconstruction {
    private RationalReconstruction() {
    }

    /**
     * The residue modulo {@code m*p} that is {@code r} mod m and {@code s} mod p (gcd(m, p) = 1).
     *
     * @param r residue mod m in [0, m)
     * @param s residue mod p in [0, p)
     */
    public static BigInteger crt(BigInteger r, BigInteger m, long s, long p) {
        BigInteger bp = BigInteger.valueOf(p);
        // x = r + m * t, t = (s - r) * m^{-1} mod p
        long rm = r.mod(bp).longValue();
        long mInv = ModP.inv(m.mod(bp).longValue(), p);
        long t = ModP.mul(ModP.sub(s, rm, p), mInv, p);
        return r.add(m.multiply(BigInteger.valueOf(t)));
    }

    /**
     * The fraction a/b with |a|, b &le; sqrt(m/2) and a &equiv; u b (mod m), or null when none exists.
     *
     * @param u residue in [0, m)
     * @param m modulus &gt; 1
     */
    public static Rational reconstruct(BigInteger u, BigInteger m) {
        BigInteger bound = m.shiftRight(1).sqrt();
        BigInteger r0 = m;
        BigInteger r1 = u.mod(m);
        BigInteger t0 = BigInteger.ZERO;
        BigInteger t1 = BigInteger.ONE;
        while (r1.compareTo(bound) > 0) {
            BigInteger[] qr = r0.divideAndRemainder(r1);
            BigInteger t2 = t0.subtract(qr[0].multiply(t1));
            r0 = r1;
            r1 = qr[1];
            t0 = t1;
            t1 = t2;
        }
        if (t1.signum() == 0 || t1.abs().compareTo(bound) > 0 || !r1.gcd(t1).equals(BigInteger.ONE)) {
            return null;
        }
        return new Rational(r1, t1);
    }
}
