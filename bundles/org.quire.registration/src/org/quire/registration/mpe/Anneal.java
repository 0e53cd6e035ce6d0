package org.quire.registration.mpe;

/**
 * How the stages after the all-pairs descent localise the potential (spec §1.4 [R]: the all-pairs potential pulls a
 * partial view towards the full model's mass; these stages reduce that bias before TrICP).
 */
public enum Anneal {
    /** Truncate the pair kernel at the stage's cutoff r_c (continuous energy). */
    TRUNCATE,
    /**
     * Keep only the reference points within r_c of the moved template and the template points within r_c of the
     * reference (the overlap), then descend on the all-pairs potential of the two kept sets (default).
     */
    TRIM
}
