/**
 * Benchmark (outside the product): Quire's exact LMDP planner against BURLAP's exact finite-horizon POMDP planner.
 * The LMDP is encoded as a POMDP whose hidden state is (context, state, index of the last reward) and whose
 * observation is (state, index of the last reward); the context is never observed. Single-threaded; see run.sh.
 */
package org.quire.bench.lmdp;
