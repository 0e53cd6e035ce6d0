/**
 * The sem family: linear structural equation models on mixed graphs; covariance by the one-connection rule, generic finiteness and the Gaussian vanishing ideal.
 */
package org.quire.sem;
