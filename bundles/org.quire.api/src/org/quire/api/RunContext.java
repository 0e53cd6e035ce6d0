package org.quire.api;

import java.util.SplittableRandom;

/**
 * What a run is given besides parameters and inputs. One context per run; its methods are
 * thread-safe.
 */
public interface RunContext {

    /** The run's explicit seed; derive every random stream from it (see {@link #random(long)}). */
    long seed();

    /** The thread budget, &ge; 1. Results must not depend on it. */
    int threads();

    /** Progress and cancellation. */
    Progress progress();

    /** Info and warnings. */
    RunLog log();

    /**
     * An independent random stream for a named purpose, derived from the seed and {@code stream}
     * only, so that streams do not depend on thread scheduling. Same seed and stream, same numbers.
     */
    default SplittableRandom random(long stream) {
        return new SplittableRandom(SeedMixer.mix(seed(), stream));
    }
}
