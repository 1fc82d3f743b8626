package org.g2d2.app.files;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.g2d2.core.AtomicFiles;
import org.g2d2.core.Json;

/**
 * The workbench's persisted settings and window layout: one JSON file in the XDG config folder
 * ({@code $XDG_CONFIG_HOME/g2d2/workbench.json}, else {@code ~/.config/g2d2/}); the system
 * property {@code g2d2.config.dir} names another folder (tests use a temporary one).
 */
public final class SettingsFile {

    private final Path file;

    public SettingsFile(Path file) {
        this.file = file;
    }

    public static SettingsFile standard() {
        String override = System.getProperty("g2d2.config.dir");
        if (override != null && !override.isBlank()) {
            return new SettingsFile(Path.of(override, "workbench.json"));
        }
        return new SettingsFile(org.g2d2.core.UserDirs.config().resolve("workbench.json"));
    }

    public Path file() {
        return file;
    }

    /** The saved settings, or an empty object when there are none or they are unreadable. */
    public JsonObject load() {
        try {
            if (Files.isRegularFile(file)) {
                var e = JsonParser.parseString(Files.readString(file));
                if (e.isJsonObject()) {
                    return e.getAsJsonObject();
                }
            }
        } catch (IOException | RuntimeException e) {
            // damaged settings must not stop the program from starting: start from defaults
        }
        return new JsonObject();
    }

    public void save(JsonObject settings) throws IOException {
        AtomicFiles.writeString(file, Json.GSON.toJson(settings) + "\n");
    }
}
