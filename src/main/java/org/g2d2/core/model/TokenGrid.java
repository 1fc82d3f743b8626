package org.g2d2.core.model;

/** The shape of a model's latent token grid and its vocabulary. */
public record TokenGrid(int height, int width, int codebookSize, int embeddingDim) {

    public TokenGrid {
        if (height < 1 || width < 1 || codebookSize < 2 || embeddingDim < 1) {
            throw new IllegalArgumentException("token grid must have h, w >= 1, K >= 2, d >= 1; found h="
                    + height + " w=" + width + " K=" + codebookSize + " d=" + embeddingDim);
        }
    }

    /** L, the number of token positions. */
    public int length() {
        return height * width;
    }

    /** The mask id: one past the last code. */
    public int maskId() {
        return codebookSize;
    }
}
