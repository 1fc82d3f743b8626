package org.g2d2.cli;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.Restorer;
import org.g2d2.core.TorchRuntime;
import org.g2d2.core.colour.ChannelPlan;
import org.g2d2.core.io.ImageFiles;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.g2d2.core.io.PackLocator;
import org.g2d2.core.io.RunBundleFormat;
import org.g2d2.core.io.RunRecord;
import org.g2d2.core.model.TokenLayout;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.Frame;
import org.g2d2.core.sampler.SamplerListener;
import org.g2d2.core.sampler.SamplerResult;
import org.g2d2.core.sampler.SamplerSettings;
import org.g2d2.core.sampler.SamplerState;
import org.g2d2.core.sampler.StepRecorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code restore}: one restoration from the command line, with a progress bar and a run record. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore an image: degrade it first (simulate) or take it as the measurement (measured).")
public final class RestoreCommand implements Callable<Integer> {

    /** The default --max-pixels: 256×256. */
    static final long DEFAULT_MAX_PIXELS = Restorer.DEFAULT_MAX_PIXELS;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", description = "Model pack folder (default: the bundled pack).")
    Path model;

    @Option(names = "--input", paramLabel = "FILE", description = "Image to restore (any format ImageIO reads); "
            + "needed unless --resume.")
    Path input;

    @Option(names = "--bundle", paramLabel = "FILE", description = "Also write a run bundle (" + RunBundleFormat.EXTENSION
            + ") with the sampler's state after every step, to branch from later (--resume). With --resume: where the "
            + "bundle holding every branch goes (default: <out>" + RunBundleFormat.EXTENSION + ").")
    Path bundle;

    @Option(names = "--resume", paramLabel = "BUNDLE", description = "Branch a bundled run: restart it after step "
            + "--from-step with the sampler options given here changed (KL, temperature, lr, iterations, forget, "
            + "process, seed; N stays). Input, operator and noise come from the bundle.")
    Path resume;

    @Option(names = "--from-step", paramLabel = "K", description = "With --resume: the steps kept (1 to N-1).")
    Integer fromStep;

    @Option(names = "--of-branch", defaultValue = "0", paramLabel = "B", description = "With --resume: the branch "
            + "to branch from (0, the original, by default).")
    int ofBranch;

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

    @Option(names = "--max-pixels", defaultValue = "" + DEFAULT_MAX_PIXELS, paramLabel = "N",
            description = "Refuse images whose restored size has more pixels (about a minute of the interactive "
                    + "preset on 2 CPU cores). Default: ${DEFAULT-VALUE}.")
    long maxPixels;

    @Option(names = "--fit", paramLabel = "WxH", description = "Centre-crop and resize the image to WxH first "
            + "(e.g. the pack's own 32x32), instead of restoring it at its own size.")
    String fit;

    @Option(names = "--out", paramLabel = "FILE", description = "Restored PNG (default: <input>.restored.png in the "
            + "working folder). The measurement PNG and the JSON run record go beside it.")
    Path out;

    @Override
    public Integer call() throws IOException {
        TorchRuntime.configure(threads);
        if ((input == null) == (resume == null)) {
            throw new InvalidInputException("give one of --input FILE (a new run) or --resume BUNDLE (a branch); found "
                    + (input == null ? "neither" : "both"));
        }
        if (resume != null) {
            return new BranchRun(this).call();
        }
        if (fromStep != null) {
            throw new InvalidInputException("--from-step needs --resume BUNDLE");
        }
        if (bundle != null && !bundle.getFileName().toString().endsWith(RunBundleFormat.EXTENSION)) {
            throw new InvalidInputException("--bundle must name a " + RunBundleFormat.EXTENSION + " file; found '"
                    + bundle + "'");
        }
        Restorer.Mode runMode = Restorer.Mode.parse(mode);
        OperatorSpec op = operator.spec();
        Path packDir = model != null ? model : PackLocator.defaultPack();
        Path target = out != null ? out : Path.of(stem(input.getFileName().toString()) + ".restored.png");
        if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new InvalidInputException("--out must name a .png file; found '" + target + "'");
        }
        if (maxPixels < 1) {
            throw new InvalidInputException("--max-pixels must be at least 1; found " + maxPixels);
        }
        int[] fitSize = fit == null ? null : parseSize(fit, "--fit");
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter console = spec.commandLine().getOut();
        ImageFiles.Native loaded = load(input, fitSize, runMode, op);
        Image image = loaded.image();
        int[] restoredSize = runMode == Restorer.Mode.SIMULATE ? new int[] {image.height(), image.width()}
                : Restorer.restoredSize(op, image.height(), image.width());
        Restorer.requireWithin(restoredSize[0], restoredSize[1], maxPixels);
        op.maskAt(restoredSize[0], restoredSize[1]);          // a mask of another size is refused before any work
        try (ModelPack pack = ModelPackLoader.load(packDir, TorchRuntime.device(device))) {
            SamplerSettings settings = sampler.resolve(pack.manifest(), op);
            Restorer restorer = new Restorer(pack);
            TokenLayout layout = restorer.layout(restoredSize[0], restoredSize[1]);
            ChannelPlan plan = ChannelPlan.of(image.channels(), pack.manifest().image().channels());
            console.printf(Locale.ROOT, "restoring %s (%dx%d %s) with %s (%s), %s, noise %.3g: %s%n", input,
                    restoredSize[1], restoredSize[0], image.channels() == 1 ? "grey" : "colour", pack.id(),
                    TorchRuntime.describe(pack.manager().getDevice()), op.describe(), operator.noise,
                    settings.summary());
            console.printf(Locale.ROOT, "token grid %s, %d prior window%s, prior restores %s%s%n", layout.gridText(),
                    layout.windows().count(), layout.windows().count() == 1 ? "" : "s", plan.description(),
                    loaded.alphaComposited() ? "; transparency composited over white" : "");
            ConsoleProgress progress = new ConsoleProgress(System.err, "restore");
            if (frames != null) {
                Files.createDirectories(frames);
            }
            SamplerListener listener = consoleListener(progress);
            StepRecorder steps = new StepRecorder(listener, bundle != null && SamplerState.affordable(
                    layout.grid().length(), pack.grid().codebookSize(), settings.steps()));
            Restorer.Request request = new Restorer.Request(image, runMode, op, operator.noise, settings);
            Restorer.Outcome outcome = restorer.restore(request, steps, () -> false);
            progress.finish();
            Path measurementFile = target.resolveSibling(stem(target.getFileName().toString()) + ".measurement.png");
            Path recordFile = target.resolveSibling(stem(target.getFileName().toString()) + ".json");
            ImageFiles.writePng(measurementFile, outcome.measurement());
            ImageFiles.writePng(target, outcome.restored());
            RunRecord record = record(pack, packDir, runMode, op, settings, outcome, target, measurementFile,
                    loaded.alphaComposited());
            record.write(recordFile);
            if (bundle != null) {
                writeBundle(bundle, record, request.input(), outcome, List.of(new RunBundleFormat.Branch(-1, 0,
                        settings, outcome.restored(), RunRecord.metrics(outcome), steps.tokens(), steps.states())));
                console.println("wrote " + bundle + (steps.states().isEmpty() && settings.steps() > 1
                        ? " (without sampler states: the run is too large to keep them; it cannot be branched)"
                        : " (branch it with --resume " + bundle + " --from-step K)"));
            }
            for (String note : outcome.notes()) {
                console.println("note: " + note);
            }
            console.printf(Locale.ROOT, "wrote %s (%dx%d, measurement %s, record %s) in %.2fs; residual ratio %.3f%s%n",
                    target, outcome.restored().width(), outcome.restored().height(), measurementFile.getFileName(),
                    recordFile.getFileName(),
                    outcome.sampler().timings().total() / 1e9, outcome.residualRatio(),
                    outcome.hasTruth() ? String.format(Locale.ROOT, ", PSNR %.2f dB, SSIM %.4f",
                            outcome.psnr(), outcome.ssim()) : "");
            err.flush();
            return 0;
        }
    }

    /** Progress on the console and, with --frames, every step's preview as a PNG. */
    SamplerListener consoleListener(ConsoleProgress progress) {
        return new SamplerListener() {
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
    }

    /** A bundle of the run's branches; the pictures are the original's. */
    static void writeBundle(Path file, RunRecord record, Image input, Restorer.Outcome measured,
                            List<RunBundleFormat.Branch> branches) throws IOException {
        Map<String, Image> images = new LinkedHashMap<>();
        images.put("measurement.png", measured.measurement());
        images.put("restored.png", branches.get(0).restored());
        if (measured.hasTruth()) {
            images.put("truth.png", measured.truth());
        }
        RunBundleFormat.write(file, record, input, images, branches);
    }

    private RunRecord record(ModelPack pack, Path packDir, Restorer.Mode runMode, OperatorSpec op,
                             SamplerSettings settings, Restorer.Outcome outcome, Path target, Path measurementFile,
                             boolean alphaComposited) {
        SamplerResult.Timings t = outcome.sampler().timings();
        JsonObject timings = RunRecord.timingsMs(t);
        JsonObject metrics = RunRecord.metrics(outcome);
        JsonObject outputs = new JsonObject();
        outputs.addProperty("restored", target.getFileName().toString());
        outputs.addProperty("measurement", measurementFile.getFileName().toString());
        RunRecord.describeGeometry(outputs, outcome, alphaComposited);
        return new RunRecord(RunRecord.FORMAT, new VersionProvider().getVersion()[0], Instant.now().toString(),
                pack.id(), packDir.toAbsolutePath().toString(), input.toAbsolutePath().toString(),
                runMode.name().toLowerCase(Locale.ROOT), op.toJson(), operator.noise, settings.toJson(),
                TorchRuntime.describe(pack.manager().getDevice()), timings, metrics, outputs);
    }

    /** The input at its own size, or fitted to --fit (simulate: the truth's size; measured: y's). */
    private static ImageFiles.Native load(Path file, int[] fitSize, Restorer.Mode mode, OperatorSpec op) {
        if (fitSize == null) {
            return ImageFiles.loadNative(file);
        }
        java.awt.image.BufferedImage picture = ImageFiles.read(file);
        int channels = ImageFiles.toNative(picture).image().channels();
        int[] size = mode == Restorer.Mode.SIMULATE ? fitSize : Restorer.measurementSize(op, fitSize[0], fitSize[1]);
        return new ImageFiles.Native(ImageFiles.fit(picture, channels, size[0], size[1]),
                picture.getColorModel().hasAlpha());
    }

    /** "WxH" to {height, width}; {@code option} names the option in the message. */
    static int[] parseSize(String text, String option) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,5})[xX](\\d{1,5})").matcher(text.trim());
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(2)) < 1) {
            throw new InvalidInputException(option + " must be WIDTHxHEIGHT in pixels, e.g. 32x32; found '" + text + "'");
        }
        return new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))};
    }

    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
