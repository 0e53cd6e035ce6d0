/**
 * Trimmed ICP (Chetverikov et al.'s TrICP) with point-to-point and point-to-plane metrics and fixed or automatic
 * overlap, the fine stage after the MPE global stage and the {@code registration.icp} baseline.
 */
package org.quire.registration.icp;
