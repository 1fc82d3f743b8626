package org.g2d2.core.model;

import ai.djl.ndarray.NDArray;

/** The tokenizer's encoder E followed by nearest-code quantisation. */
public interface TokenEncoder {

    /**
     * @param images shape (B, channels, height, width) in [−1, 1]
     * @return code indices, shape (B, h, w), int64 or int32
     */
    NDArray encode(NDArray images);
}
