/**
 * Fitting SDEs driven by Markov-approximated fractional Brownian motion (MA-fBM) to observed paths, with a
 * learned Hurst index: the augmented linear-Gaussian state (X, Y_1..Y_K) of the fractional Ornstein–Uhlenbeck
 * model, its exact discretisation, a Kalman filter/smoother giving the exact log-evidence (the optimal ELBO), the
 * Adam fit of the parametric drift, and the CSV reader of the {@code fbm.fit} algorithm. Plain Java, no OSGi needed.
 */
package org.quire.fbm.fit;
