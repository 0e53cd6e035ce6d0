package org.quire.testalgorithms;

/**
 * One walked path of {@link RandomWalk}.
 *
 * @param samples       positions at the sampled steps (see {@link RandomWalk#sampleSteps(int)})
 * @param finalPosition position after the last step
 * @param maxAbs        largest |position| over all steps, start included
 */
record WalkedPath(double[] samples, double finalPosition, double maxAbs) {
}
