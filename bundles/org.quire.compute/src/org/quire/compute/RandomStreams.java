package org.quire.compute;

import java.util.SplittableRandom;

import org.hipparchus.random.RandomGenerator;
import org.quire.api.RunContext;
import org.quire.api.SeedMixer;

/**
 * A family of independent, reproducible random streams derived from one seed: stream {@code k} is seeded
 * with {@link SeedMixer#mix(long, long) SeedMixer.mix(seed, k)}, so it depends on the seed and {@code k}
 * only, never on thread scheduling. Stream {@code k} here gives the same numbers as
 * {@link RunContext#random(long) context.random(k)} for a context with the same seed.
 *
 * <p>Immutable and thread-safe; the generators it hands out are not thread-safe (one per task).
 */
public final class RandomStreams {

    private final long seed;

    /** The streams of base seed {@code seed}. */
    public RandomStreams(long seed) {
        this.seed = seed;
    }

    /** The streams of a run's seed. */
    public static RandomStreams of(RunContext context) {
        return new RandomStreams(context.seed());
    }

    /** The base seed. */
    public long seed() {
        return seed;
    }

    /** The 64-bit seed of stream {@code stream}: {@code SeedMixer.mix(seed, stream)}. */
    public long streamSeed(long stream) {
        return SeedMixer.mix(seed, stream);
    }

    /** A new {@link SplittableRandom} at the start of stream {@code stream}. */
    public SplittableRandom splittable(long stream) {
        return new SplittableRandom(streamSeed(stream));
    }

    /**
     * A new Hipparchus {@link RandomGenerator} at the start of stream {@code stream}, for Hipparchus
     * distributions and samplers. It is an adapter over {@link #splittable(long) splittable(stream)}
     * (not a Mersenne Twister or WELL generator): {@code nextDouble}, {@code nextInt}, {@code nextLong} and
     * {@code nextBoolean} return exactly what that {@code SplittableRandom} would; {@code nextGaussian} uses
     * Marsaglia's polar method on its doubles (JDK-independent). Cheap to create (no large state).
     */
    public RandomGenerator generator(long stream) {
        return new SplittableRandomGenerator(streamSeed(stream));
    }

    /**
     * A family of sub-streams of stream {@code stream}, for nested work (e.g. a stream per path and, inside it,
     * per replicate): {@code child(k).splittable(j)} is seeded with {@code mix(mix(seed, k), j)}.
     */
    public RandomStreams child(long stream) {
        return new RandomStreams(streamSeed(stream));
    }

    @Override
    public String toString() {
        return "RandomStreams[seed=" + seed + "]";
    }
}
