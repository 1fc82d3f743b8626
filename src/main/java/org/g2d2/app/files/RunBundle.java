package org.g2d2.app.files;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.g2d2.core.Image;
import org.g2d2.core.Restorer;
import org.g2d2.core.io.RunBundleFormat;
import org.g2d2.core.io.RunRecord;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.SamplerResult;
import org.g2d2.core.sampler.SamplerSettings;
import org.g2d2.core.sampler.SamplerState;

/**
 * The workbench's side of a run bundle ({@link RunBundleFormat}): a finished run, and its branches,
 * as the bundle records them. Opening it and running again gives the same result.
 */
public final class RunBundle {

    public static final String EXTENSION = RunBundleFormat.EXTENSION;

    /** What a bundle holds that a re-run needs, the result it recorded, and every branch. */
    public record Contents(RunRecord record, Image input, Image restored, List<RunBundleFormat.Branch> branches) {
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

    /** Writes a bundle of one run without branches or states, atomically. */
    public static void write(Path target, Run run, String packId, String packDir) throws IOException {
        write(target, run, List.of(original(run, List.of(), List.of())), packId, packDir);
    }

    /** Writes a bundle of a run and its branches ({@code branches.get(0)} the run itself), atomically. */
    public static void write(Path target, Run run, List<RunBundleFormat.Branch> branches, String packId,
                             String packDir) throws IOException {
        Restorer.Outcome out = run.outcome();
        Map<String, Image> images = new LinkedHashMap<>();
        images.put("measurement.png", out.measurement());
        images.put("restored.png", out.restored());
        images.put("restored-measurement.png", out.restoredMeasurement());
        if (out.hasTruth()) {
            images.put("truth.png", out.truth());
        }
        RunBundleFormat.write(target, record(run, packId, packDir), run.input(), images, branches);
    }

    /** The original run as branch 0. */
    public static RunBundleFormat.Branch original(Run run, List<int[]> stepTokens, List<SamplerState> states) {
        return new RunBundleFormat.Branch(-1, 0, run.settings(), run.outcome().restored(),
                RunRecord.metrics(run.outcome()), stepTokens, states);
    }

    /** Reads a bundle; a file that is not one gives a plain message. */
    public static Contents read(Path file) {
        RunBundleFormat.Contents c = RunBundleFormat.read(file);
        return new Contents(c.record(), c.input(), c.restored(), c.branches());
    }

    static RunRecord record(Run run, String packId, String packDir) {
        Restorer.Outcome out = run.outcome();
        SamplerResult.Timings t = out.sampler().timings();
        JsonObject timings = RunRecord.timingsMs(t);
        JsonObject metrics = RunRecord.metrics(out);
        JsonObject outputs = new JsonObject();
        outputs.addProperty("input", "input.png");
        outputs.addProperty("inputExact", "input.f32");
        outputs.addProperty("measurement", "measurement.png");
        outputs.addProperty("restored", "restored.png");
        outputs.addProperty("restoredExact", "restored.f32");
        outputs.addProperty("restoredMeasurement", "restored-measurement.png");
        outputs.addProperty("branches", "branches.json");
        if (out.hasTruth()) {
            outputs.addProperty("truth", "truth.png");
        }
        return new RunRecord(RunRecord.FORMAT, "g2d2 workbench",
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(), packId, packDir,
                run.inputName(), run.mode().name().toLowerCase(java.util.Locale.ROOT),
                run.operator().toJson(), run.noiseSigma(), run.settings().toJson(),
                run.device(), timings, metrics, outputs);
    }
}
