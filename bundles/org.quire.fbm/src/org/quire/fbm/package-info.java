/**
 * The fbm family of Quire algorithms (Declarative Services components): {@code fbm.simulate} (exact fGn/fBM,
 * MA-fBM, fOU paths), {@code fbm.weights} (closed-form optimal MA-fBM weights and their error),
 * {@code fbm.hurst} (Hurst index from a CSV series) and {@code fbm.fit} (variational SDE fit with learned H),
 * with their parameter records. The numerics live in {@code org.quire.fbm.math}.
 */
package org.quire.fbm;
