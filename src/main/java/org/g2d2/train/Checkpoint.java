package org.g2d2.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.AtomicFiles;
import org.g2d2.core.Json;

/**
 * A training checkpoint in an output folder: {@code checkpoint.safetensors} (parameters "p/…",
 * optimiser moments, extra state) and {@code checkpoint.json} (step, kind, settings). The json is
 * written last, so a crash between the two leaves the previous pair's step pointing at newer
 * tensors at worst one interval ahead, never a torn file (each write is atomic).
 */
record Checkpoint(long step, JsonObject info, Map<String, NDArray> tensors) {

    static final String TENSORS = "checkpoint.safetensors";
    static final String INFO = "checkpoint.json";

    static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(INFO)) && Files.isRegularFile(dir.resolve(TENSORS));
    }

    static void save(Path dir, long step, JsonObject info, Map<String, NDArray> tensors) {
        try {
            Files.createDirectories(dir);
            NDList list = new NDList();
            tensors.forEach((k, a) -> {
                a.setName(k);
                list.add(a);
            });
            AtomicFiles.write(dir.resolve(TENSORS), out -> list.encode(out, NDList.Encoding.SAFETENSORS));
            JsonObject withStep = info.deepCopy();
            withStep.addProperty("step", step);
            AtomicFiles.writeString(dir.resolve(INFO), Json.GSON.toJson(withStep) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint in " + dir, e);
        }
    }

    static Checkpoint load(Path dir, NDManager manager) {
        try {
            JsonObject info = Json.GSON.fromJson(Files.readString(dir.resolve(INFO)), JsonObject.class);
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            try (InputStream in = Files.newInputStream(dir.resolve(TENSORS))) {
                for (NDArray a : NDList.decode(manager, in)) {
                    tensors.put(a.getName(), a);
                }
            }
            return new Checkpoint(info.get("step").getAsLong(), info, tensors);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("checkpoint in '" + dir + "' cannot be read: " + e.getMessage());
        }
    }

    /** The tensors under {@code prefix} with the prefix removed. */
    Map<String, NDArray> under(String prefix) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        tensors.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }
}
