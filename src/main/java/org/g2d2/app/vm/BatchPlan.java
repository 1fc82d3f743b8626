package org.g2d2.app.vm;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.sampler.SamplerSettings;

/**
 * What a batch will run, decided before anything runs: one job per image of a folder, or one per
 * point of a sweep over one or two sampler settings; and the columns of its contact sheet. A bad
 * plan is an {@link InvalidInputException} naming what is wrong.
 */
record BatchPlan(List<Job> jobs, int columns) {

    /** One unit of work: its list entry, the input and the settings. */
    record Job(BatchItem item, InputSource source, SamplerSettings settings) {
    }

    static final int MAX_SWEEP_RUNS = 64;
    static final int MAX_FOLDER_COLUMNS = 6;

    /** Every PNG, JPEG, BMP or GIF image of {@code dir}, by name; each file is read (at its own size) when its turn comes. */
    static BatchPlan folder(Path dir, SamplerSettings settings) {
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InvalidInputException("choose a folder of images first");
        }
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT)
                    .matches(".*\\.(png|jpe?g|bmp|gif)$")).sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException("folder '" + dir + "' cannot be listed: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("folder '" + dir + "' holds no PNG, JPEG, BMP or GIF images");
        }
        List<Job> jobs = new ArrayList<>();
        for (Path f : files) {
            jobs.add(new Job(new BatchItem(f.getFileName().toString()), InputSource.pending(f),
                    settings));
        }
        return new BatchPlan(jobs, Math.min(MAX_FOLDER_COLUMNS, files.size()));
    }

    /** The grid of {@code a}'s values (rows) by {@code b}'s (columns; {@code b} may be null) on one input. */
    static BatchPlan sweep(InputSource src, SamplerSettings base, SamplerField a, String valuesA, SamplerField b,
                           String valuesB) {
        if (src == null) {
            throw new InvalidInputException("load an image to sweep over first");
        }
        List<JsonPrimitive> as = parseValues(a, valuesA);
        List<JsonPrimitive> bs = b == null ? List.of() : parseValues(b, valuesB);
        if (b == a) {
            throw new InvalidInputException("the two swept settings must differ");
        }
        int runs = as.size() * Math.max(1, bs.size());
        if (runs > MAX_SWEEP_RUNS) {
            throw new InvalidInputException("a sweep may have at most " + MAX_SWEEP_RUNS + " runs; this one has "
                    + runs);
        }
        List<Job> jobs = new ArrayList<>();
        for (JsonPrimitive va : as) {
            if (bs.isEmpty()) {
                jobs.add(sweepJob(src, base, a, va, null, null));
            }
            for (JsonPrimitive vb : bs) {
                jobs.add(sweepJob(src, base, a, va, b, vb));
            }
        }
        return new BatchPlan(jobs, Math.max(1, bs.size()));
    }

    private static Job sweepJob(InputSource src, SamplerSettings base, SamplerField a, JsonPrimitive va,
                                SamplerField b, JsonPrimitive vb) {
        JsonObject o = new JsonObject();
        o.add(a.key(), va);
        String label = a.key() + "=" + va.getAsString();
        if (b != null) {
            o.add(b.key(), vb);
            label += " " + b.key() + "=" + vb.getAsString();
        }
        return new Job(new BatchItem(label), src, base.overriddenBy(o));
    }

    /** "1e-4, 3e-4; 1e-3" → values, each checked by core's own settings rules. */
    static List<JsonPrimitive> parseValues(SamplerField field, String text) {
        List<JsonPrimitive> out = new ArrayList<>();
        for (String part : (text == null ? "" : text).split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            JsonPrimitive v;
            try {
                v = field.whole() ? new JsonPrimitive(Long.parseLong(part)) : new JsonPrimitive(Double.parseDouble(part));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("sweep value '" + part + "' for " + field.key() + " is not "
                        + (field.whole() ? "a whole number" : "a number"));
            }
            JsonObject one = new JsonObject();
            one.add(field.key(), v);
            SamplerSettings.PAPER_BLUR.overriddenBy(one); // throws with core's message when out of range
            out.add(v);
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("give at least one value for " + field.key()
                    + ", separated by commas (e.g. 1e-4, 1e-3)");
        }
        return out;
    }
}
