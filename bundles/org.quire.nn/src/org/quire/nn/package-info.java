/**
 * Small, fast reverse-mode automatic differentiation on batched dense matrices, for training neural drifts,
 * controls and surrogates inside algorithm bundles.
 *
 * <p>Values are {@code double}, matrices are row-major ({@code data[r * cols + c]}) with rows = batch and
 * columns = features ({@link org.quire.nn.Matrix}). A {@link org.quire.nn.Tape} records operations on
 * {@link org.quire.nn.Tensor}s and {@link org.quire.nn.Tape#backward(Tensor) backward} accumulates gradients
 * into {@link org.quire.nn.Parameter}s; {@link org.quire.nn.Mlp} builds fully connected networks with seeded
 * initialisation, {@link org.quire.nn.Adam} updates them, {@link org.quire.nn.ParameterIo} saves and loads them
 * and {@link org.quire.nn.GradientCheck} compares autodiff with central finite differences.
 *
 * <p>Threading: tapes, networks and optimisers are not thread-safe (use one per task). The {@code threads} of a
 * tape only split matrix products ({@link org.quire.nn.Gemm}) and large elementwise operations over output rows
 * or elements; every output element is computed by one thread in a fixed order, so results are bit-identical
 * for every thread count.
 *
 * <p>Depends on {@code org.quire.api} and {@code org.quire.compute} only, uses no OSGi API and runs as a plain jar.
 */
package org.quire.nn;
