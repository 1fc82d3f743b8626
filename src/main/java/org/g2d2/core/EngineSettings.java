package org.g2d2.core;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which PyTorch library the engine loads, as {@code g2d2 engine use} saved it
 * ({@code $XDG_CONFIG_HOME/g2d2/engine.json}): absent, the bundled CPU library.
 *
 * <p>Applied as the engine's own variables (system properties of the same names) before it
 * loads; a variable set in the environment wins, because the engine reads the environment first.
 *
 * @param libraryDir the folder holding libtorch.so (a libtorch's lib/ or pip's torch/lib)
 * @param version the PyTorch version of that folder, e.g. 2.7.1
 * @param flavor the build, e.g. cu128
 * @param cudartDir a folder with libcudart.so.12 for the engine's GPU count (null: the system's)
 */
public record EngineSettings(String libraryDir, String version, String flavor, String cudartDir) {

    /** The PyTorch version the bundled engine binding was built for. */
    public static final String SUPPORTED_VERSION = "2.7.1";

    /** The one CUDA build the bundled binding has a JNI library for on Linux x86-64. */
    public static final String SUPPORTED_FLAVOR = "cu128";

    /** The settings file of this user. */
    public static Path defaultFile() {
        return UserDirs.config().resolve("engine.json");
    }

    /** The saved settings, or null when there are none (or the file is unreadable: the bundled library then). */
    public static EngineSettings load(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            EngineSettings s = Json.GSON.fromJson(Files.readString(file), EngineSettings.class);
            return s == null || s.libraryDir() == null ? null : s;
        } catch (IOException | JsonParseException e) {
            return null;
        }
    }

    public void save(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.writeString(file, Json.GSON.toJson(this) + "\n");
    }

    /**
     * Sets the engine's variables from these settings: PYTORCH_LIBRARY_PATH, PYTORCH_VERSION,
     * PYTORCH_FLAVOR, and the folder JNA searches for libcudart. Returns what was set, as
     * {@code NAME=value} lines.
     */
    public List<String> apply() {
        List<String> set = new ArrayList<>();
        setProperty("PYTORCH_LIBRARY_PATH", libraryDir, set);
        setProperty("PYTORCH_VERSION", version, set);
        setProperty("PYTORCH_FLAVOR", flavor, set);
        if (cudartDir != null) {
            // the engine counts GPUs by loading "cudart" through JNA, which searches jna.library.path
            // and there accepts a versioned name such as libcudart.so.12
            String old = System.getProperty("jna.library.path");
            String value = old == null || old.isBlank() ? cudartDir : cudartDir + java.io.File.pathSeparator + old;
            System.setProperty("jna.library.path", value);
            set.add("jna.library.path=" + value);
        }
        return set;
    }

    private static void setProperty(String name, String value, List<String> set) {
        if (value != null && !value.isBlank() && System.getenv(name) == null) {
            System.setProperty(name, value);
            set.add(name + "=" + value);
        }
    }

    private static volatile boolean applied;

    /** Applies the user's saved settings once per process; call before the engine first loads. */
    public static void applySaved() {
        if (applied) {
            return;
        }
        applied = true;
        EngineSettings s = load(defaultFile());
        if (s != null) {
            s.apply();
        }
    }
}
