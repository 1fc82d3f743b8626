package org.g2d2.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The timings of the independent PyTorch reference, read from the {@code summary.json} that the
 * peer benchmark writes: per preset, warm restores and floors at 1 thread (the median over its
 * alternating rounds) and at 2 threads (one round). Presets are matched by steps × iterations.
 */
record ReferenceSummary(Path file, JsonObject presets) {

    /** The reference's median restore and floor (ms) and its engine version. */
    record Timing(String preset, double restoreMs, double floorMs, String engine) {
    }

    static ReferenceSummary read(Path file) {
        try {
            JsonElement root = JsonParser.parseString(Files.readString(file));
            if (!root.isJsonObject() || !root.getAsJsonObject().has("presets")
                    || !root.getAsJsonObject().get("presets").isJsonObject()) {
                throw new InvalidReference(file, "it has no \"presets\" object");
            }
            return new ReferenceSummary(file, root.getAsJsonObject().getAsJsonObject("presets"));
        } catch (IOException e) {
            throw new org.g2d2.core.InvalidInputException("--reference " + file + " cannot be read: " + e.getMessage());
        } catch (JsonParseException e) {
            throw new InvalidReference(file, "it is not JSON (" + e.getMessage() + ")");
        }
    }

    /** The reference timing for a run of {@code steps} × {@code iterations} at {@code threads}, if it has one. */
    Optional<Timing> find(int steps, int iterations, int threads) {
        try {
            for (String name : presets.keySet()) {
                JsonObject p = presets.getAsJsonObject(name);
                List<JsonObject> runs = new ArrayList<>();
                if (threads == 1 && p.has("warm1")) {
                    JsonArray rounds = p.getAsJsonArray("warm1");
                    rounds.forEach(r -> runs.add(r.getAsJsonObject().getAsJsonObject("python")));
                } else if (threads == 2 && p.has("warm2")) {
                    runs.add(p.getAsJsonObject("warm2").getAsJsonObject("python"));
                }
                if (runs.isEmpty()) {
                    continue;
                }
                JsonObject settings = runs.get(0).getAsJsonObject("settings");
                if (settings.get("steps").getAsInt() != steps || settings.get("iterations").getAsInt() != iterations) {
                    continue;
                }
                double[] restore = runs.stream().mapToDouble(r -> r.getAsJsonObject("medianMs").get("total").getAsDouble())
                        .toArray();
                double[] floor = runs.stream().mapToDouble(r -> r.getAsJsonObject("floorMs").get("total").getAsDouble())
                        .toArray();
                String engine = runs.get(0).has("torch") ? "PyTorch " + runs.get(0).get("torch").getAsString() : "PyTorch";
                return Optional.of(new Timing(name, median(restore), median(floor), engine));
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new InvalidReference(file, "a preset entry lacks settings, medianMs.total or floorMs.total ("
                    + e.getMessage() + ")");
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** A summary file that is not what the peer benchmark writes. */
    static final class InvalidReference extends org.g2d2.core.InvalidInputException {
        InvalidReference(Path file, String why) {
            super("--reference " + file + " is not a peer benchmark summary.json: " + why);
        }
    }
}
