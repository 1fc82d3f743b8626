package org.g2d2.core.model.nn;

import ai.djl.ndarray.NDArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.g2d2.core.model.ImageClassifier;
import org.g2d2.core.model.PackModels;
import org.g2d2.core.model.TokenGrid;

/**
 * The architecture "vq-transformer": a {@link VqTokenizer} (weights file tokenizer.safetensors), a
 * {@link MaskedTransformer} prior (prior.safetensors) and, optionally, a {@link SmallCnn}
 * evaluation classifier (classifier.safetensors).
 *
 * <p>Manifest fields: {@code tokenizer} (see {@link VqTokenizerConfig}), {@code prior} (dim, layers,
 * heads, ffMult), {@code trainSteps} (T_train), {@code carryEpsilon}, and {@code classifier} with
 * {@code classes} (names in logit order).
 */
public final class VqTransformerArchitecture {

    public static final String TYPE = "vq-transformer";

    private VqTransformerArchitecture() {
    }

    public static PackModels build(JsonObject a, TokenGrid grid, Map<String, NDArray> weights) {
        VqTokenizerConfig tc = VqTokenizerConfig.readFrom(a.getAsJsonObject("tokenizer"));
        if (tc.codebookSize() != grid.codebookSize() || tc.embeddingDim() != grid.embeddingDim()
                || tc.gridSize() != grid.height() || tc.gridSize() != grid.width()) {
            throw new IllegalArgumentException("the tokenizer (K=" + tc.codebookSize() + ", d=" + tc.embeddingDim()
                    + ", grid " + tc.gridSize() + ") does not match the manifest's token grid " + grid);
        }
        VqTokenizer tokenizer = VqTokenizer.withFixedWeights(tc, Params.fromPack(weights, "tokenizer/"));
        TransformerConfig pc = TransformerConfig.readFrom(a.getAsJsonObject("prior"), grid.codebookSize(),
                grid.height(), grid.width());
        int trainSteps = a.get("trainSteps").getAsInt();
        double eps = a.has("carryEpsilon") ? a.get("carryEpsilon").getAsDouble() : 1e-4;
        TransformerPrior prior = new TransformerPrior(new MaskedTransformer(pc, Params.fromPack(weights, "prior/")),
                trainSteps, eps);
        Optional<ImageClassifier> classifier = Optional.empty();
        if (a.has("classifier")) {
            List<String> names = new ArrayList<>();
            for (JsonElement e : a.getAsJsonObject("classifier").getAsJsonArray("classes")) {
                names.add(e.getAsString());
            }
            classifier = Optional.of(new SmallCnn(Params.fromPack(weights, "classifier/"), names));
        }
        return new PackModels(prior, tokenizer, Optional.of(tokenizer), classifier);
    }
}
