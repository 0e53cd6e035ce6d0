package org.quire.fbm.math;

/** The two fractional Brownian motions of the paper, both with the un-normalised 1/Γ(H+½) kernel. */
public enum FbmType {
    /** Mandelbrot–Van Ness: integral from −∞, stationary increments; Var B(t) = t^{2H}/(Γ(2H+1) sin πH). */
    TYPE_I,
    /** Riemann–Liouville: integral from 0, non-stationary increments; Var B(t) = t^{2H}/(2H Γ(H+½)²). */
    TYPE_II
}
