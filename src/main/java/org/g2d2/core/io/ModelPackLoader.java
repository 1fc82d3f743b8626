package org.g2d2.core.io;

import org.g2d2.core.Json;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.model.PackArchitecture;
import org.g2d2.core.model.PackModels;

/**
 * Reads a model pack folder: parses and validates {@code model.json}, checks every weight file's
 * SHA-256 against the manifest, loads the safetensors onto the device and builds the networks.
 */
public final class ModelPackLoader {

    public static final String MANIFEST = "model.json";

    private ModelPackLoader() {
    }

    /** Reads and validates the manifest only. */
    public static PackManifest readManifest(Path dir) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("model pack '" + dir + "' is not a folder; a pack is a folder holding "
                    + MANIFEST + " and its .safetensors weight files");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("model pack '" + dir + "' has no " + MANIFEST
                    + "; a pack is a folder holding " + MANIFEST + " and its .safetensors weight files");
        }
        PackManifest m;
        try {
            m = Json.GSON.fromJson(Files.readString(file), PackManifest.class);
        } catch (IOException | JsonParseException | NumberFormatException | IllegalStateException e) {
            // Gson reports a malformed number in a numeric field as NumberFormatException, not as a parse error
            throw new InvalidInputException("model pack manifest '" + file + "' is not valid JSON: "
                    + firstLine(e.getMessage()));
        }
        if (m == null) {
            throw new InvalidInputException("model pack manifest '" + file + "' is empty");
        }
        validate(m, file);
        return m;
    }

    /** Verifies hashes (without loading tensors); returns the manifest. */
    public static PackManifest verify(Path dir) {
        PackManifest m = readManifest(dir);
        for (Map.Entry<String, String> w : m.weights().entrySet()) {
            checkHash(dir, w.getKey(), w.getValue());
        }
        return m;
    }

    /** Loads the whole pack onto {@code device}. */
    public static ModelPack load(Path dir, Device device) {
        PackManifest m = verify(dir);
        PackArchitecture arch = PackArchitectures.forType(m.architectureType()).orElseThrow(() ->
                new InvalidInputException("model pack '" + dir + "' names architecture '" + m.architectureType()
                        + "'; this version knows " + PackArchitectures.types()));
        NDManager manager = NDManager.newBaseManager(device);
        org.g2d2.core.TorchRuntime.quietNativeWarnings();
        try {
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            for (String file : m.weights().keySet()) {
                String stem = file.endsWith(".safetensors") ? file.substring(0, file.length() - 12) : file;
                SafetensorsHeader.check(dir.resolve(file));
                NDList list;
                try (InputStream in = Files.newInputStream(dir.resolve(file))) {
                    list = NDList.decode(manager, in);
                }
                for (NDArray a : list) {
                    tensors.put(stem + "/" + a.getName(), a.toDevice(device, false));
                }
            }
            PackModels models = arch.build(m.architecture(), m.tokens().grid(), tensors);
            return new ModelPack(dir, m, models, manager);
        } catch (IOException e) {
            manager.close();
            throw new InvalidInputException("model pack '" + dir + "': cannot read weights: " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            manager.close();
            if (e instanceof InvalidInputException) {
                throw e;
            }
            throw new InvalidInputException("model pack '" + dir + "' could not be built: " + firstLine(e.getMessage()), e);
        }
    }

    private static void validate(PackManifest m, Path file) {
        String where = "model pack manifest '" + file + "'";
        if (m.format() != PackManifest.FORMAT) {
            throw new InvalidInputException(where + " has format " + m.format() + "; this version reads format "
                    + PackManifest.FORMAT);
        }
        if (m.name() == null || m.image() == null || m.tokens() == null || m.schedule() == null
                || m.architecture() == null || m.weights() == null || m.weights().isEmpty()) {
            throw new InvalidInputException(where + " lacks a required field; it needs name, image, tokens, "
                    + "schedule, architecture and weights");
        }
        if (m.architectureType() == null) {
            throw new InvalidInputException(where + " has an architecture without a type; it needs e.g. "
                    + "\"type\": \"vq-transformer\"");
        }
        PackManifest.ImageSpec img = m.image();
        if (img.height() < 1 || img.width() < 1 || (img.channels() != 1 && img.channels() != 3)) {
            throw new InvalidInputException(where + " has image " + img.height() + "x" + img.width() + "x"
                    + img.channels() + "; allowed: positive size with 1 or 3 channels");
        }
        PackManifest.TokenSpec t = m.tokens();
        try {
            t.grid();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(where + ": " + e.getMessage());
        }
        if (t.maskId() != t.codebookSize()) {
            throw new InvalidInputException(where + " has mask id " + t.maskId() + "; it must equal K = "
                    + t.codebookSize());
        }
        if (m.schedule().trainSteps() < 1 || m.schedule().type() == null) {
            throw new InvalidInputException(where + " has schedule " + m.schedule()
                    + "; it needs a type (linear or cosine) and trainSteps >= 1");
        }
        for (Map.Entry<String, String> w : m.weights().entrySet()) {
            String f = w.getKey();
            if (f.contains("/") || f.contains("\\") || f.startsWith(".") || !f.endsWith(".safetensors")) {
                throw new InvalidInputException(where + " lists weight file '" + f
                        + "'; allowed: a plain file name ending in .safetensors");
            }
        }
    }

    private static void checkHash(Path dir, String file, String expected) {
        Path p = dir.resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new InvalidInputException("model pack '" + dir + "' is missing weight file " + file);
        }
        String actual = sha256(p);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new InvalidInputException("model pack '" + dir + "': " + file + " has SHA-256 " + actual
                    + " but the manifest records " + expected + "; the pack was modified or damaged");
        }
    }

    /** The SHA-256 of a file, lower-case hex. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read '" + file + "': " + firstLine(e.getMessage()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
