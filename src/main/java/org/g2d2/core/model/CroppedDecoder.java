package org.g2d2.core.model;

import ai.djl.ndarray.NDArray;

/**
 * A decoder whose output is cut to the image's own size: the token grid covers the image rounded
 * up to whole tokens (and at least the prior's context), and whatever is compared with the
 * measurement must be the image itself, so the extra rows and columns are dropped after decoding.
 */
public final class CroppedDecoder implements TokenDecoder {

    private final TokenDecoder decoder;
    private final int height;
    private final int width;

    public CroppedDecoder(TokenDecoder decoder, int height, int width) {
        this.decoder = decoder;
        this.height = height;
        this.width = width;
    }

    @Override
    public NDArray codebook() {
        return decoder.codebook();
    }

    @Override
    public NDArray decode(NDArray embeddings) {
        NDArray x = decoder.decode(embeddings);
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        if (h == height && w == width) {
            return x;
        }
        if (h < height || w < width) {
            throw new IllegalStateException("decoder gave " + h + "x" + w + " for a " + height + "x" + width + " image");
        }
        return x.get(":, :, 0:" + height + ", 0:" + width);
    }
}
