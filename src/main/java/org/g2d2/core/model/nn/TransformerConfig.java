package org.g2d2.core.model.nn;

import com.google.gson.JsonObject;

/**
 * Hyperparameters of the masked-token transformer prior.
 *
 * @param codebookSize K (the mask id is K, so the input vocabulary is K + 1)
 * @param height token-grid rows
 * @param width token-grid columns
 * @param dim model width
 * @param layers transformer blocks
 * @param heads attention heads (dim must divide by it)
 * @param ffMult feed-forward width as a multiple of dim
 */
public record TransformerConfig(int codebookSize, int height, int width, int dim, int layers, int heads, int ffMult) {

    public static final int TIME_FEATURES = 32;

    public TransformerConfig {
        if (codebookSize < 2 || height < 1 || width < 1 || dim < 1 || layers < 1 || heads < 1 || dim % heads != 0
                || ffMult < 1) {
            throw new IllegalArgumentException("bad transformer config " + this);
        }
    }

    public int length() {
        return height * width;
    }

    public void writeTo(JsonObject o) {
        o.addProperty("dim", dim);
        o.addProperty("layers", layers);
        o.addProperty("heads", heads);
        o.addProperty("ffMult", ffMult);
    }

    public static TransformerConfig readFrom(JsonObject o, int codebookSize, int height, int width) {
        return new TransformerConfig(codebookSize, height, width, o.get("dim").getAsInt(), o.get("layers").getAsInt(),
                o.get("heads").getAsInt(), o.get("ffMult").getAsInt());
    }
}
