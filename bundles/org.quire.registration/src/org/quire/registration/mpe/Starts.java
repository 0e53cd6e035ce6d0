package org.quire.registration.mpe;

/**
 * Which initial rotations the global stage descends from; the lowest final energy wins. A design addition of the
 * spec (§1.4 [R]), not from the paper: the force-and-flag descent alone is not global for near-180° flips of
 * elongated parts.
 */
public enum Starts {
    /** One start: identity rotation, centroids matched (the paper-literal single descent). */
    IDENTITY,
    /** Identity plus the four sign hypotheses aligning the template's PCA frame with the reference's (default). */
    PCA,
    /** Identity, the four PCA hypotheses and the 24 rotations of the octahedral group (slowest, safest). */
    OCTAHEDRAL
}
