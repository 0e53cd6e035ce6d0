/**
 * Regret experiments for latent MDPs with the context revealed in hindsight: per-context visit counts with lazy
 * doubling updates ({@link org.quire.lmdp.learn.ContextCounts}), the optimistic alpha-vector backups of the learners
 * (value-optimistic Bernstein bonus, model-optimistic per-entry Bernstein sets, L-UCRL-style L1 and Hoeffding
 * baselines) as {@link org.quire.lmdp.plan.ContextBackup}s for the shared belief-tree planner, the learners
 * themselves ({@link org.quire.lmdp.learn.Learner}) and the exact pseudo-regret study over seeds
 * ({@link org.quire.lmdp.learn.RegretStudy}). Rewards, weights and initial distributions are known to the learners;
 * transitions are learned.
 */
package org.quire.lmdp.learn;
