package org.quire.registration.icp;

/** The error an ICP step minimises over the kept pairs. */
public enum IcpMetric {
    /** Σ ‖R p + t − q‖², solved exactly by Kabsch (the paper-literal TrICP). */
    POINT_TO_POINT,
    /** Σ ((R p + t − q)·n_q)², linearised in the rotation and solved as a 6×6 system, then re-rotated exactly. */
    POINT_TO_PLANE
}
