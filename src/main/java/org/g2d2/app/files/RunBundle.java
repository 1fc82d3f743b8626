package org.g2d2.app.files;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.Restorer;
import org.g2d2.core.AtomicFiles;
import org.g2d2.core.io.ImageFiles;
import org.g2d2.core.Json;
import org.g2d2.core.io.RunRecord;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.SamplerResult;
import org.g2d2.core.sampler.SamplerSettings;

/**
 * A run bundle: one zip file holding {@code run.json} (a core {@link RunRecord}: pack, mode,
 * operator, noise, every sampler setting with the seed, device, timings, metrics), the exact input
 * and result ({@code input.f32}, {@code restored.f32}) and the images as PNG. Opening it and running again gives the same result.
 */
public final class RunBundle {

    public static final String EXTENSION = ".g2d2run";
    static final String RECORD = "run.json";
    static final String INPUT_RAW = "input.f32";
    static final String RESTORED_RAW = "restored.f32";

    /** What a bundle holds that a re-run needs, and the result it recorded. */
    public record Contents(RunRecord record, Image input, Image restored) {
    }

    /**
     * A finished run as the bundle records it.
     *
     * @param inputName the input's name (a file name, "pasted image")
     * @param input the image handed to the restorer (truth in simulate mode, y in measured mode)
     * @param device the device that ran it ("cpu", "gpu 0")
     */
    public record Run(String inputName, Restorer.Mode mode, OperatorSpec operator, double noiseSigma,
                      SamplerSettings settings, Image input, Restorer.Outcome outcome, String device) {
    }

    private RunBundle() {
    }

    /** Writes the bundle atomically (a temporary file, then a move). */
    public static void write(Path target, Run run, String packId, String packDir) throws IOException {
        Restorer.Outcome out = run.outcome();
        RunRecord record = record(run, packId, packDir);
        AtomicFiles.write(target, stream -> {
            ZipOutputStream zip = new ZipOutputStream(stream);
            put(zip, RECORD, Json.GSON.toJson(record).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(INPUT_RAW));
            RawImages.write(zip, run.input());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(RESTORED_RAW));
            RawImages.write(zip, out.restored());
            zip.closeEntry();
            png(zip, "input.png", run.input());
            png(zip, "measurement.png", out.measurement());
            png(zip, "restored.png", out.restored());
            png(zip, "restored-measurement.png", out.restoredMeasurement());
            if (out.hasTruth()) {
                png(zip, "truth.png", out.truth());
            }
            zip.finish();
        });
    }

    /** Reads a bundle; a file that is not one gives a plain message. */
    public static Contents read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("run bundle '" + file + "' does not exist or is not a file");
        }
        try (FileSystem zip = FileSystems.newFileSystem(file)) {
            Path json = zip.getPath(RECORD);
            Path raw = zip.getPath(INPUT_RAW);
            if (!Files.isRegularFile(json) || !Files.isRegularFile(raw)) {
                throw new InvalidInputException("'" + file + "' is not a G2D2 run bundle (it lacks " + RECORD
                        + " or " + INPUT_RAW + ")");
            }
            RunRecord record = RunRecord.read(json);
            Image input;
            try (InputStream in = Files.newInputStream(raw)) {
                input = RawImages.read(in, Files.size(raw), "the bundle's input");
            }
            Path restoredRaw = zip.getPath(RESTORED_RAW);
            Image restored = null;
            if (Files.isRegularFile(restoredRaw)) {
                try (InputStream in = Files.newInputStream(restoredRaw)) {
                    restored = RawImages.read(in, Files.size(restoredRaw), "the bundle's result");
                }
            }
            return new Contents(record, input, restored);
        } catch (IOException | java.nio.file.ProviderNotFoundException e) {
            throw new InvalidInputException("'" + file + "' is not a readable run bundle (" + e.getMessage() + ")");
        }
    }

    static RunRecord record(Run run, String packId, String packDir) {
        Restorer.Outcome out = run.outcome();
        SamplerResult.Timings t = out.sampler().timings();
        JsonObject timings = RunRecord.timingsMs(t);
        JsonObject metrics = RunRecord.metrics(out);
        JsonObject outputs = new JsonObject();
        outputs.addProperty("input", "input.png");
        outputs.addProperty("inputExact", INPUT_RAW);
        outputs.addProperty("measurement", "measurement.png");
        outputs.addProperty("restored", "restored.png");
        outputs.addProperty("restoredExact", RESTORED_RAW);
        outputs.addProperty("restoredMeasurement", "restored-measurement.png");
        if (out.hasTruth()) {
            outputs.addProperty("truth", "truth.png");
        }
        return new RunRecord(RunRecord.FORMAT, "g2d2 workbench",
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(), packId, packDir,
                run.inputName(), run.mode().name().toLowerCase(java.util.Locale.ROOT),
                run.operator().toJson(), run.noiseSigma(), run.settings().toJson(),
                run.device(), timings, metrics, outputs);
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static void png(ZipOutputStream zip, String name, Image image) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        if (!javax.imageio.ImageIO.write(ImageFiles.toBufferedImage(image), "png", zip)) {
            throw new IOException("no PNG writer available");
        }
        zip.closeEntry();
    }
}
