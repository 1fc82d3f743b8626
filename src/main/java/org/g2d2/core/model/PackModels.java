package org.g2d2.core.model;

import java.util.Optional;

/** The networks a model pack provides once its weights are loaded. */
public record PackModels(
        TokenPrior prior,
        TokenDecoder decoder,
        Optional<TokenEncoder> encoder,
        Optional<ImageClassifier> classifier) {
}
