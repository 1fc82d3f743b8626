package org.g2d2.core.model;

import ai.djl.ndarray.NDArray;

/** A classifier shipped in a pack for evaluation only (never used by the sampler). */
public interface ImageClassifier {

    /** @param images shape (B, channels, height, width) in [−1, 1]; @return logits (B, classes) */
    NDArray logits(NDArray images);

    /** The penultimate-layer features (B, F), used for a perceptual distance. */
    NDArray features(NDArray images);

    /** Class names in logit order. */
    java.util.List<String> classNames();
}
