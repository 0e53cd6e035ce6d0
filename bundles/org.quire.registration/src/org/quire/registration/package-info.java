/**
 * The registration family: minimum-potential-energy (MPE) global point-cloud registration refined by trimmed ICP, plain and trimmed ICP baselines, and the synthetic blade generator.
 */
package org.quire.registration;
