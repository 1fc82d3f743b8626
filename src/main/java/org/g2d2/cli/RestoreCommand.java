package org.g2d2.cli;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.Restorer;
import org.g2d2.core.TorchRuntime;
import org.g2d2.core.io.ImageFiles;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.g2d2.core.io.PackLocator;
import org.g2d2.core.io.PackManifest;
import org.g2d2.core.io.RunRecord;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.Frame;
import org.g2d2.core.sampler.SamplerListener;
import org.g2d2.core.sampler.SamplerResult;
import org.g2d2.core.sampler.SamplerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code restore}: one restoration from the command line, with a progress bar and a run record. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore an image: degrade it first (simulate) or take it as the measurement (measured).")
public final class RestoreCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", description = "Model pack folder (default: the bundled pack).")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Image to restore (any format ImageIO reads).")
    Path input;

    @Option(names = "--mode", defaultValue = "simulate", description = "simulate (degrade the input, then restore; "
            + "metrics against it) or measured (the input is y). Default: ${DEFAULT-VALUE}.")
    String mode;

    @Mixin
    OperatorOptions operator;

    @Mixin
    SamplerOptions sampler;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--threads", defaultValue = "1", description = "Intra-op threads (1 gives bit-identical results "
            + "run to run). Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--frames", paramLabel = "DIR", description = "Also write every step's decoded preview here.")
    Path frames;

    @Option(names = "--out", paramLabel = "FILE", description = "Restored PNG (default: <input>.restored.png in the "
            + "working folder). The measurement PNG and the JSON run record go beside it.")
    Path out;

    @Override
    public Integer call() throws IOException {
        TorchRuntime.configure(threads);
        Restorer.Mode runMode = Restorer.Mode.parse(mode);
        OperatorSpec op = operator.spec();
        Path packDir = model != null ? model : PackLocator.defaultPack();
        Path target = out != null ? out : Path.of(stem(input.getFileName().toString()) + ".restored.png");
        if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new InvalidInputException("--out must name a .png file; found '" + target + "'");
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter console = spec.commandLine().getOut();
        try (ModelPack pack = ModelPackLoader.load(packDir, TorchRuntime.device(device))) {
            SamplerSettings settings = sampler.resolve(pack.manifest(), op);
            Restorer restorer = new Restorer(pack);
            PackManifest.ImageSpec img = pack.manifest().image();
            Image image;
            if (runMode == Restorer.Mode.SIMULATE) {
                image = ImageFiles.load(input, img.channels(), img.height(), img.width());
            } else {
                int[] size = restorer.measurementSize(op);
                image = ImageFiles.load(input, img.channels(), size[0], size[1]);
            }
            console.printf(Locale.ROOT, "restoring %s with %s (%s), %s, noise %.3g: %s%n", input, pack.id(),
                    TorchRuntime.describe(pack.manager().getDevice()), op.describe(),
                    operator.noise, settings.summary());
            ConsoleProgress progress = new ConsoleProgress(System.err, "restore");
            if (frames != null) {
                Files.createDirectories(frames);
            }
            SamplerListener listener = new SamplerListener() {
                @Override
                public void onFrame(Frame f) {
                    float[] lik = f.likelihoodLosses();
                    progress.update(f.index() + 1, f.steps(), String.format(Locale.ROOT, "t=%d  |y-Ax|=%.3f",
                            f.t(), lik[lik.length - 1]));
                    if (frames != null) {
                        try {
                            ImageFiles.writePng(frames.resolve(String.format("frame-%03d.png", f.index() + 1)),
                                    f.preview());
                        } catch (IOException e) {
                            throw new InvalidInputException("cannot write frame to '" + frames + "': " + e.getMessage());
                        }
                    }
                }

                @Override
                public boolean wantsPreviews() {
                    return frames != null;
                }
            };
            Restorer.Outcome outcome = restorer.restore(
                    new Restorer.Request(image, runMode, op, operator.noise, settings), listener, () -> false);
            progress.finish();
            Path measurementFile = target.resolveSibling(stem(target.getFileName().toString()) + ".measurement.png");
            Path recordFile = target.resolveSibling(stem(target.getFileName().toString()) + ".json");
            ImageFiles.writePng(measurementFile, outcome.measurement());
            ImageFiles.writePng(target, outcome.restored());
            record(pack, packDir, runMode, op, settings, outcome, target, measurementFile).write(recordFile);
            console.printf(Locale.ROOT, "wrote %s (measurement %s, record %s) in %.2fs; residual ratio %.3f%s%n",
                    target, measurementFile.getFileName(), recordFile.getFileName(),
                    outcome.sampler().timings().total() / 1e9, outcome.residualRatio(),
                    outcome.hasTruth() ? String.format(Locale.ROOT, ", PSNR %.2f dB, SSIM %.4f",
                            outcome.psnr(), outcome.ssim()) : "");
            err.flush();
            return 0;
        }
    }

    private RunRecord record(ModelPack pack, Path packDir, Restorer.Mode runMode, OperatorSpec op,
                             SamplerSettings settings, Restorer.Outcome outcome, Path target, Path measurementFile) {
        SamplerResult.Timings t = outcome.sampler().timings();
        JsonObject timings = RunRecord.timingsMs(t);
        JsonObject metrics = RunRecord.metrics(outcome);
        JsonObject outputs = new JsonObject();
        outputs.addProperty("restored", target.getFileName().toString());
        outputs.addProperty("measurement", measurementFile.getFileName().toString());
        return new RunRecord(RunRecord.FORMAT, new VersionProvider().getVersion()[0], Instant.now().toString(),
                pack.id(), packDir.toAbsolutePath().toString(), input.toAbsolutePath().toString(),
                runMode.name().toLowerCase(Locale.ROOT), op.toJson(), operator.noise, settings.toJson(),
                TorchRuntime.describe(pack.manager().getDevice()), timings, metrics, outputs);
    }

    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
