package org.g2d2.core.io;

import org.g2d2.core.AtomicFiles;
import org.g2d2.core.Json;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a model pack: each weight file as safetensors, then the manifest with their SHA-256. */
public final class PackWriter {

    private PackWriter() {
    }

    /**
     * @param manifest the manifest; its {@code weights} map is replaced by the files written here
     * @param files weight file name (ending .safetensors) → named tensors ({@link NDArray#setName})
     * @return the manifest as written
     */
    public static PackManifest write(Path dir, PackManifest manifest, Map<String, NDList> files) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Map.Entry<String, NDList> f : files.entrySet()) {
            for (NDArray a : f.getValue()) {
                if (a.getName() == null || a.getName().isEmpty()) {
                    throw new IllegalArgumentException("every tensor in " + f.getKey() + " needs a name");
                }
            }
            Path target = dir.resolve(f.getKey());
            AtomicFiles.write(target, out -> f.getValue().encode(out, NDList.Encoding.SAFETENSORS));
            hashes.put(f.getKey(), ModelPackLoader.sha256(target));
        }
        PackManifest written = new PackManifest(manifest.format(), manifest.name(), manifest.version(),
                manifest.description(), manifest.image(), manifest.tokens(), manifest.schedule(),
                manifest.architecture(), hashes, manifest.training(), manifest.metrics(), manifest.presets(),
                manifest.samples());
        AtomicFiles.writeString(dir.resolve(ModelPackLoader.MANIFEST), Json.GSON.toJson(written) + "\n");
        return written;
    }
}
