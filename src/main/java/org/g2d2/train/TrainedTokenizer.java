package org.g2d2.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.AtomicFiles;
import org.g2d2.core.Json;
import org.g2d2.core.io.ModelPackLoader;
import org.g2d2.core.model.nn.Params;
import org.g2d2.core.model.nn.VqTokenizer;
import org.g2d2.core.model.nn.VqTokenizerConfig;
import org.g2d2.train.data.ImageSet;

/** A finished tokenizer run (its output folder), and the token grids it gives a dataset. */
public final class TrainedTokenizer {

    private TrainedTokenizer() {
    }

    /** Loads the tokenizer that {@code train tokenizer} wrote into {@code dir}. */
    public static VqTokenizer load(Path dir, NDManager manager) {
        Path info = dir.resolve(Checkpoint.INFO);
        if (!Files.isRegularFile(info)) {
            throw new InvalidInputException("'" + dir + "' is not a tokenizer training folder: it has no "
                    + Checkpoint.INFO);
        }
        JsonObject o;
        try {
            o = Json.GSON.fromJson(Files.readString(info), JsonObject.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!o.has("kind") || !"tokenizer".equals(o.get("kind").getAsString())) {
            throw new InvalidInputException("'" + dir + "' holds a " + o.get("kind") + " run; a tokenizer run is needed");
        }
        VqTokenizerConfig cfg = VqTokenizerConfig.readFrom(o.getAsJsonObject("config"));
        Params p = new Params();
        TrainLoop.readWeights(dir, manager).forEach(p::put);
        return new VqTokenizer(cfg, p);
    }

    /**
     * The token grids of every image of {@code data}, row-major (N·L ints), cached in
     * {@code cache} keyed by the tokenizer weights' SHA-256.
     */
    public static int[] tokens(Path tokenizerDir, VqTokenizer tok, ImageSet data, Path cache, NDManager manager) {
        String key = ModelPackLoader.sha256(tokenizerDir.resolve(TrainLoop.WEIGHTS)) + " " + data.size();
        int l = tok.config().gridSize() * tok.config().gridSize();
        if (Files.isRegularFile(cache)) {
            try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(cache)))) {
                if (in.readUTF().equals(key)) {
                    int[] out = new int[in.readInt()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = in.readShort();
                    }
                    return out;
                }
            } catch (IOException e) {
                // A damaged cache is rebuilt below.
            }
        }
        int[] out = new int[data.size() * l];
        int batch = 500;
        for (int start = 0; start < data.size(); start += batch) {
            int n = Math.min(batch, data.size() - start);
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = start + i;
            }
            try (NDManager m = manager.newSubManager()) {
                NDArray ids = tok.encode(data.images(m, idx));
                long[] v = ids.toLongArray();
                for (int i = 0; i < v.length; i++) {
                    out[start * l + i] = (int) v[i];
                }
            }
        }
        try {
            AtomicFiles.write(cache, os -> {
                DataOutputStream d = new DataOutputStream(new java.io.BufferedOutputStream(os));
                d.writeUTF(key);
                d.writeInt(out.length);
                for (int v : out) {
                    d.writeShort(v);
                }
                d.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
