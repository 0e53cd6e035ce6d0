package org.quire.compute;

import java.util.Objects;
import java.util.SplittableRandom;

import org.hipparchus.random.RandomGenerator;
import org.quire.api.SeedMixer;

/**
 * Hipparchus {@link RandomGenerator} over a {@link SplittableRandom}: uniform draws are the
 * {@code SplittableRandom}'s own; Gaussians come from Marsaglia's polar method (the second value of
 * each pair is cached). Not thread-safe.
 */
final class SplittableRandomGenerator implements RandomGenerator {

    private SplittableRandom random;
    private double nextGaussian = Double.NaN;

    SplittableRandomGenerator(long seed) {
        random = new SplittableRandom(seed);
    }

    @Override
    public void setSeed(int seed) {
        setSeed((long) seed);
    }

    /** Seeds from all ints: each is folded into a running seed with {@link SeedMixer#mix(long, long)}. */
    @Override
    public void setSeed(int[] seed) {
        Objects.requireNonNull(seed, "seed");
        long s = 0;
        for (int v : seed) {
            s = SeedMixer.mix(s, v);
        }
        setSeed(s);
    }

    @Override
    public void setSeed(long seed) {
        random = new SplittableRandom(seed);
        nextGaussian = Double.NaN;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
    }

    @Override
    public void nextBytes(byte[] bytes, int start, int len) {
        if (start < 0 || len < 0 || start > bytes.length - len) {
            throw new IllegalArgumentException("byte range start " + start + ", length " + len
                    + " does not fit in an array of length " + bytes.length);
        }
        byte[] tmp = new byte[len];
        random.nextBytes(tmp);
        System.arraycopy(tmp, 0, bytes, start, len);
    }

    @Override
    public int nextInt() {
        return random.nextInt();
    }

    @Override
    public int nextInt(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + n);
        }
        return random.nextInt(n);
    }

    @Override
    public long nextLong() {
        return random.nextLong();
    }

    @Override
    public long nextLong(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + n);
        }
        return random.nextLong(n);
    }

    @Override
    public boolean nextBoolean() {
        return random.nextBoolean();
    }

    @Override
    public float nextFloat() {
        return (random.nextInt() >>> 8) * 0x1.0p-24f;
    }

    @Override
    public double nextDouble() {
        return random.nextDouble();
    }

    @Override
    public double nextGaussian() {
        if (!Double.isNaN(nextGaussian)) {
            double g = nextGaussian;
            nextGaussian = Double.NaN;
            return g;
        }
        double x;
        double y;
        double s;
        do {
            x = 2 * random.nextDouble() - 1;
            y = 2 * random.nextDouble() - 1;
            s = x * x + y * y;
        } while (s >= 1 || s == 0);
        double f = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        nextGaussian = y * f;
        return x * f;
    }
}
