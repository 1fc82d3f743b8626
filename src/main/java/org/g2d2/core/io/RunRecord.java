package org.g2d2.core.io;

import org.g2d2.core.AtomicFiles;
import org.g2d2.core.Json;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.g2d2.core.InvalidInputException;

/**
 * What a restoration was and what it measured, as JSON beside its outputs: enough to run it again
 * to the same result (pack, input, mode, operator, noise, every sampler setting and the seed).
 *
 * @param pack the pack id ("name version") and folder
 * @param operator the operator's settings (kind, blurSigma, blurSize, scale)
 * @param settings every sampler setting, the seed among them
 * @param timingsMs wall time per part of the sampler
 * @param metrics residualRatio, and psnr / ssim when the truth is known
 * @param outputs file names of the restored image, the measurement, …
 */
public record RunRecord(
        int format,
        String program,
        String created,
        String pack,
        String packDir,
        String input,
        String mode,
        JsonObject operator,
        double noiseSigma,
        JsonObject settings,
        String device,
        JsonObject timingsMs,
        JsonObject metrics,
        JsonObject outputs) {

    public static final int FORMAT = 1;

    /** The sampler's wall time per part, in milliseconds, as the record keeps it. */
    public static JsonObject timingsMs(org.g2d2.core.sampler.SamplerResult.Timings t) {
        JsonObject o = new JsonObject();
        o.addProperty("prior", t.prior() / 1e6);
        o.addProperty("guidance", t.guidance() / 1e6);
        o.addProperty("optimiser", t.optimiser() / 1e6);
        o.addProperty("sampling", t.sampling() / 1e6);
        o.addProperty("frames", t.frames() / 1e6);
        o.addProperty("other", t.other() / 1e6);
        o.addProperty("total", t.total() / 1e6);
        return o;
    }

    /** The residual ratio, and PSNR / SSIM when the truth is known. */
    public static JsonObject metrics(org.g2d2.core.Restorer.Outcome outcome) {
        JsonObject o = new JsonObject();
        o.addProperty("residualRatio", outcome.residualRatio());
        if (outcome.hasTruth()) {
            o.addProperty("psnr", outcome.psnr());
            o.addProperty("ssim", outcome.ssim());
        }
        return o;
    }

    /**
     * Adds to {@code outputs} the restored size, the token grid and prior windows it was restored on,
     * which channels the prior restored, and the notes of the restore.
     */
    public static void describeGeometry(JsonObject outputs, org.g2d2.core.Restorer.Outcome outcome,
                                        boolean alphaComposited) {
        outputs.addProperty("width", outcome.restored().width());
        outputs.addProperty("height", outcome.restored().height());
        outputs.addProperty("channels", outcome.restored().channels());
        outputs.addProperty("tokenGrid", outcome.layout().gridText());
        outputs.addProperty("priorWindows", outcome.layout().windows().count());
        outputs.addProperty("priorChannels", outcome.channels().description());
        com.google.gson.JsonArray notes = new com.google.gson.JsonArray();
        if (alphaComposited) {
            notes.add("transparency composited over white");
        }
        outcome.notes().forEach(notes::add);
        outputs.add("notes", notes);
    }

    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, Json.GSON.toJson(this) + "\n");
    }

    /** A record is a few KiB; a larger one (a zip entry that inflates without end, say) is refused unread. */
    public static final int MAX_BYTES = 1 << 20;

    public static RunRecord read(Path file) {
        try {
            byte[] bytes;
            try (java.io.InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw new InvalidInputException("run record '" + file + "' is larger than " + (MAX_BYTES >> 20)
                        + " MiB; a record is a few KiB of JSON");
            }
            RunRecord r = Json.GSON.fromJson(new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
                    RunRecord.class);
            if (r == null || r.format() != FORMAT || r.settings() == null || r.operator() == null) {
                throw new InvalidInputException("run record '" + file + "' is not a format-" + FORMAT
                        + " G2D2 run record (it needs format, operator and settings)");
            }
            return r;
        } catch (IOException e) {
            throw new InvalidInputException("run record '" + file + "' cannot be read: " + e.getMessage());
        } catch (JsonParseException | NumberFormatException | IllegalStateException e) {
            throw new InvalidInputException("run record '" + file + "' is not valid JSON: "
                    + ModelPackLoader.firstLine(e.getMessage()));
        }
    }
}
