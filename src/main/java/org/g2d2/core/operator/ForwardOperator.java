package org.g2d2.core.operator;

import ai.djl.ndarray.NDArray;

/**
 * A known degradation A on images, applied with DJL ops so gradients flow through it. Arrays are
 * (B, C, H, W); results belong to the manager of the input array. Most operators are linear; the
 * nonlinear ones say so (their {@link #adjoint} is that of their linear part).
 */
public interface ForwardOperator extends AutoCloseable {

    /** A(x). */
    NDArray apply(NDArray x);

    /** Aᵀ(y), for classical baselines. */
    NDArray adjoint(NDArray y);

    /** Height and width of A(x) for an input of the given size. */
    int[] outputSize(int height, int width);

    /** Frees the operator's own arrays (none by default). */
    @Override
    default void close() {
    }
}
