package org.g2d2.core.model.nn;

import com.google.gson.JsonObject;

/**
 * Hyperparameters of the VQ tokenizer: a 1-channel image of side {@code imageSize} goes down two
 * stride-2 convolutions to a grid of side imageSize/4, and each cell is quantised to one of
 * {@code codebookSize} codes of dimension {@code embeddingDim}.
 *
 * @param channels image channels
 * @param full decoder channels at full resolution
 * @param half channels at half resolution
 * @param quarter channels at the token resolution (a quarter of the image side)
 * @param resBlocks residual blocks at the token resolution, in encoder and decoder each
 */
public record VqTokenizerConfig(int imageSize, int channels, int full, int half, int quarter, int resBlocks,
                                int codebookSize, int embeddingDim) {

    public VqTokenizerConfig {
        if (imageSize % 4 != 0 || channels < 1 || full < 1 || half < 1 || quarter < 1 || resBlocks < 0
                || codebookSize < 2 || embeddingDim < 1) {
            throw new IllegalArgumentException("bad tokenizer config " + this);
        }
    }

    public int gridSize() {
        return imageSize / 4;
    }

    public void writeTo(JsonObject o) {
        o.addProperty("imageSize", imageSize);
        o.addProperty("channels", channels);
        o.addProperty("full", full);
        o.addProperty("half", half);
        o.addProperty("quarter", quarter);
        o.addProperty("resBlocks", resBlocks);
        o.addProperty("codebookSize", codebookSize);
        o.addProperty("embeddingDim", embeddingDim);
    }

    public static VqTokenizerConfig readFrom(JsonObject o) {
        return new VqTokenizerConfig(o.get("imageSize").getAsInt(), o.get("channels").getAsInt(),
                o.get("full").getAsInt(), o.get("half").getAsInt(), o.get("quarter").getAsInt(), o.get("resBlocks").getAsInt(),
                o.get("codebookSize").getAsInt(), o.get("embeddingDim").getAsInt());
    }
}
