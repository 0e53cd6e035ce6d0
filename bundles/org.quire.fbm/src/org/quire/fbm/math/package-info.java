/**
 * Numerics for fractional Brownian motion, free of OSGi and of the Quire API: the stable incomplete gamma
 * function, the Ornstein–Uhlenbeck speed grids and the closed-form optimal weights of the Markov
 * approximation (MA-fBM, Daems et al. 2024), exact fGn generation (Davies–Harte, Cholesky), MA-fBM and fOU
 * path simulation, and the classical Hurst estimators. Every class is immutable or confined to one thread
 * unless its Javadoc says otherwise.
 */
package org.quire.fbm.math;
