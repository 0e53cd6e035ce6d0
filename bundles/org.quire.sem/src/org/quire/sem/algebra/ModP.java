package org.quire.sem.algebra;

import java.math.BigInteger;

/**
 * Arithmetic modulo a prime {@code p < 2^31}: residues are longs in {@code [0, p)}, so a product of two fits in a
 * signed long. Stateless and thread-safe.
 */
public final class ModP {
    private static final long[] PRIMES = largestPrimesBelow2To31(12);

    private ModP() {
    }

    /** The {@code k}-th largest prime below 2^31 ({@code k = 0}: 2147483647), for {@code k < 12}. */
    public static long prime(int k) {
        return PRIMES[k];
    }

    /** How many primes {@link #prime(int)} offers. */
    public static int primeCount() {
        return PRIMES.length;
    }

    private static long[] largestPrimesBelow2To31(int count) {
        long[] out = new long[count];
        long c = (1L << 31) - 1;
        for (int k = 0; k < count; c--) {
            if (BigInteger.valueOf(c).isProbablePrime(60)) {
                out[k++] = c;
            }
        }
        return out;
    }

    /** {@code a*b mod p} for residues a, b. */
    public static long mul(long a, long b, long p) {
        return a * b % p;
    }

    /** {@code a+b mod p} for residues a, b. */
    public static long add(long a, long b, long p) {
        long s = a + b;
        return s >= p ? s - p : s;
    }

    /** {@code a-b mod p} for residues a, b. */
    public static long sub(long a, long b, long p) {
        long s = a - b;
        return s < 0 ? s + p : s;
    }

    /** The residue of any long. */
    public static long of(long a, long p) {
        long r = a % p;
        return r < 0 ? r + p : r;
    }

    /** The residue of a big integer. */
    public static long of(BigInteger a, long p) {
        return a.mod(BigInteger.valueOf(p)).longValue();
    }

    /** {@code a^e mod p}, e &ge; 0. */
    public static long pow(long a, long e, long p) {
        long r = 1 % p;
        long b = a % p;
        while (e > 0) {
            if ((e & 1) != 0) {
                r = r * b % p;
            }
            b = b * b % p;
            e >>= 1;
        }
        return r;
    }

    /** The inverse of a non-zero residue (extended Euclid). */
    public static long inv(long a, long p) {
        long r0 = p;
        long r1 = of(a, p);
        if (r1 == 0) {
            throw new ArithmeticException("zero has no inverse mod " + p);
        }
        long t0 = 0;
        long t1 = 1;
        while (r1 != 0) {
            long q = r0 / r1;
            long r2 = r0 - q * r1;
            r0 = r1;
            r1 = r2;
            long t2 = t0 - q * t1;
            t0 = t1;
            t1 = t2;
        }
        return t0 < 0 ? t0 + p : t0;
    }
}
