/**
 * Planning for latent MDPs: exact belief-tree dynamic programming ({@link org.quire.lmdp.plan.BeliefTreePlanner}),
 * exact alpha-vector backups ({@link org.quire.lmdp.plan.AlphaVectorPlanner}), reference values (context-known,
 * best memoryless) and exact policy evaluation. Steps are 0-based (h = 0..H-1); beliefs are arrays over contexts
 * summing to 1. Planners are thread-confined.
 */
package org.quire.lmdp.plan;
