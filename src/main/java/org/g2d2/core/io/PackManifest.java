package org.g2d2.core.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;
import org.g2d2.core.model.TokenGrid;

/**
 * The manifest of a model pack ({@code model.json}): what the pack is, its shapes, its noise
 * schedule, architecture hyperparameters, the SHA-256 of each weight file, where its training data
 * came from, what was measured at training time, and sampler presets per task.
 *
 * @param weights weight file name → SHA-256 (hex), checked at load
 * @param presets preset name (e.g. "interactive", "blur", "sr4") → sampler settings over the defaults
 * @param samples a folder of sample images, relative to the pack folder (may be null)
 */
public record PackManifest(
        int format,
        String name,
        String version,
        String description,
        ImageSpec image,
        TokenSpec tokens,
        ScheduleSpec schedule,
        JsonObject architecture,
        Map<String, String> weights,
        JsonObject training,
        JsonObject metrics,
        Map<String, JsonObject> presets,
        String samples) {

    public static final int FORMAT = 1;

    /** Image shape and value range the pack works in. */
    public record ImageSpec(int height, int width, int channels, double valueMin, double valueMax) {
    }

    /** The token grid: h × w positions, K codes of dimension d, and the mask id (= K). */
    public record TokenSpec(int height, int width, int codebookSize, int embeddingDim, int maskId) {
        public TokenGrid grid() {
            return new TokenGrid(height, width, codebookSize, embeddingDim);
        }
    }

    /** The mask schedule γ̄: "linear" or "cosine", over trainSteps (T_train) steps. */
    public record ScheduleSpec(String type, int trainSteps) {
    }

    /** The architecture type that {@link PackArchitectures} resolves. */
    public String architectureType() {
        if (architecture == null || !architecture.has("type")) {
            return null;
        }
        JsonElement type = architecture.get("type");
        // a type that is not a string is no known architecture: the loader names what it knows
        return type.isJsonPrimitive() && type.getAsJsonPrimitive().isString() ? type.getAsString() : type.toString();
    }
}
