package org.quire.api;

/** Derives well-separated 64-bit seeds from a base seed and a stream number (SplitMix64 finaliser). */
public final class SeedMixer {
    private SeedMixer() {
    }

    /** A seed for stream {@code stream} of base seed {@code seed}; a pure function. */
    public static long mix(long seed, long stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
