/**
 * Latent MDPs (LMDPs): the immutable {@link org.quire.lmdp.model.Lmdp} model, its JSON format
 * ({@link org.quire.lmdp.model.LmdpJson}) and seeded instance generators ({@link org.quire.lmdp.model.Generators}).
 * All indices (contexts, states, actions, steps) are 0-based.
 */
package org.quire.lmdp.model;
