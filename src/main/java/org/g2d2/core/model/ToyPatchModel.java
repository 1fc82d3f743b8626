package org.g2d2.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Optional;

/**
 * A tiny model for tests and teaching: each token paints its codebook entry as a p×p patch (a
 * fixed linear map, so the decoder is exactly differentiable), and the prior is a fixed table of
 * per-position code probabilities. No training is involved.
 */
public final class ToyPatchModel {

    public static final String TYPE = "toy-patch";

    private ToyPatchModel() {
    }

    /** Builds the toy networks from tensors "toy/codebook" (K, c·p·p) and "toy/prior" (L, K). */
    public static PackModels build(JsonObject architecture, TokenGrid grid, Map<String, NDArray> weights) {
        int channels = architecture.get("channels").getAsInt();
        int patch = architecture.get("patch").getAsInt();
        double carryEpsilon = architecture.has("carryEpsilon") ? architecture.get("carryEpsilon").getAsDouble() : 1e-4;
        NDArray codebook = require(weights, "toy/codebook");
        NDArray table = require(weights, "toy/prior");
        if (channels * patch * patch != grid.embeddingDim()) {
            throw new IllegalArgumentException("toy-patch: channels·patch² = " + channels * patch * patch
                    + " but the token grid says d = " + grid.embeddingDim());
        }
        PatchDecoder decoder = new PatchDecoder(codebook, channels, patch);
        return new PackModels(new TablePrior(table, grid, carryEpsilon), decoder,
                Optional.of(new NearestPatchEncoder(codebook, channels, patch)), Optional.empty());
    }

    private static NDArray require(Map<String, NDArray> weights, String name) {
        NDArray a = weights.get(name);
        if (a == null) {
            throw new IllegalArgumentException("toy-patch pack lacks tensor '" + name + "'; it has " + weights.keySet());
        }
        return a;
    }

    /** Paints each embedding vector as a channels×p×p patch. */
    static final class PatchDecoder implements TokenDecoder {
        private final NDArray codebook;
        private final int channels;
        private final int patch;

        PatchDecoder(NDArray codebook, int channels, int patch) {
            this.codebook = codebook;
            this.channels = channels;
            this.patch = patch;
        }

        @Override
        public NDArray codebook() {
            return codebook;
        }

        @Override
        public NDArray decode(NDArray embeddings) {
            Shape s = embeddings.getShape();
            long b = s.get(0);
            long h = s.get(2);
            long w = s.get(3);
            return embeddings.reshape(b, channels, patch, patch, h, w)
                    .transpose(0, 1, 4, 2, 5, 3)
                    .reshape(b, channels, h * patch, w * patch);
        }
    }

    /** Cuts the image into patches and picks the nearest code for each. */
    static final class NearestPatchEncoder implements TokenEncoder {
        private final NDArray codebook;
        private final int channels;
        private final int patch;

        NearestPatchEncoder(NDArray codebook, int channels, int patch) {
            this.codebook = codebook;
            this.channels = channels;
            this.patch = patch;
        }

        @Override
        public NDArray encode(NDArray images) {
            Shape s = images.getShape();
            long b = s.get(0);
            long h = s.get(2) / patch;
            long w = s.get(3) / patch;
            NDArray vectors = images.reshape(b, channels, h, patch, w, patch)
                    .transpose(0, 2, 4, 1, 3, 5)
                    .reshape(b * h * w, (long) channels * patch * patch);
            NDArray cross = vectors.matMul(codebook.transpose());
            NDArray norms = codebook.square().sum(new int[] {1});
            return norms.sub(cross.mul(2)).argMin(1).reshape(b, h, w);
        }
    }

    /** A fixed table of code probabilities per position, with carry-over at unmasked positions. */
    static final class TablePrior implements TokenPrior {
        private final float[] logTable;
        private final TokenGrid grid;
        private final float logKeep;
        private final float logOther;
        private final ai.djl.Device device;

        TablePrior(NDArray table, TokenGrid grid, double carryEpsilon) {
            this.grid = grid;
            this.device = table.getDevice();
            try (NDArray logSoftmax = table.toType(DataType.FLOAT32, false).logSoftmax(1)) {
                this.logTable = logSoftmax.toFloatArray();
            }
            if (logTable.length != (long) grid.length() * grid.codebookSize()) {
                throw new IllegalArgumentException("toy prior table has " + logTable.length
                        + " entries; the token grid needs L·K = " + grid.length() * grid.codebookSize());
            }
            this.logKeep = (float) Math.log1p(-carryEpsilon);
            this.logOther = (float) Math.log(carryEpsilon / (grid.codebookSize() - 1));
        }

        @Override
        public NDArray logProbs(NDManager manager, int[] tokens, int t) {
            int k = grid.codebookSize();
            float[] out = logTable.clone();
            for (int n = 0; n < tokens.length; n++) {
                if (tokens[n] != grid.maskId()) {
                    java.util.Arrays.fill(out, n * k, (n + 1) * k, logOther);
                    out[n * k + tokens[n]] = logKeep;
                }
            }
            return manager.create(out, new Shape(grid.length(), k)).toDevice(device, false);
        }

        @Override
        public int maskId() {
            return grid.maskId();
        }
    }
}
