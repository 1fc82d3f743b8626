package org.g2d2.core.model;

import ai.djl.ndarray.NDArray;

/**
 * The tokenizer's decoder D and its codebook C. D must be differentiable in its input: the
 * sampler feeds it soft embeddings {@code softmax(...)ᵀ C}.
 */
public interface TokenDecoder {

    /** The codebook C, shape (K, d), on the model's device. */
    NDArray codebook();

    /**
     * Decodes a grid of embeddings.
     *
     * @param embeddings shape (B, d, h, w)
     * @return images, shape (B, channels, height, width), nominally in [−1, 1] (not clamped)
     */
    NDArray decode(NDArray embeddings);
}
