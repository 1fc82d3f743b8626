package org.g2d2.train.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Numbered square training images (grey or colour), scaled to [−1, 1]. */
public interface ImageSet {

    /** How many images there are (indices 0 … size−1). */
    int size();

    /** The images {@code indices} as (B, C, S, S) floats in [−1, 1], in {@code m}. */
    NDArray images(NDManager m, int[] indices);
}
