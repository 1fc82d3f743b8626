package org.g2d2.core.model;

import ai.djl.ndarray.NDArray;
import com.google.gson.JsonObject;
import java.util.Map;

/**
 * Builds a pack's networks from its manifest's {@code architecture} object and its weights.
 * One implementation per architecture type; {@link org.g2d2.core.io.PackArchitectures} maps type names to them.
 */
public interface PackArchitecture {

    /**
     * @param architecture the manifest's architecture object (hyperparameters)
     * @param grid the manifest's token grid
     * @param weights every tensor of every weight file, keyed "file-stem/tensor-name"
     *     (e.g. "decoder/conv1.weight"), already on the target device
     */
    PackModels build(JsonObject architecture, TokenGrid grid, Map<String, NDArray> weights);
}
