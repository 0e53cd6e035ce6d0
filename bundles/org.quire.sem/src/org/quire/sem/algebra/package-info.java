/**
 * Exact arithmetic for the sem family, in-house: word-size prime-field arithmetic and linear algebra (RREF, kernels),
 * Chinese remaindering with rational reconstruction, small BigInteger fractions and sparse integer polynomials.
 */
package org.quire.sem.algebra;
