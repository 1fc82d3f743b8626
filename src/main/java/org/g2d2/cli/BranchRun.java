package org.g2d2.cli;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.Restorer;
import org.g2d2.core.TorchRuntime;
import org.g2d2.core.io.ImageFiles;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.g2d2.core.io.PackLocator;
import org.g2d2.core.io.RunBundleFormat;
import org.g2d2.core.io.RunRecord;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.SamplerSettings;
import org.g2d2.core.sampler.SamplerState;
import org.g2d2.core.sampler.StepRecorder;

/**
 * {@code restore --resume BUNDLE --from-step K}: a branch of a bundled run. The input, operator,
 * noise and measurement are the bundle's; the sampler restarts after step K from the saved state
 * with the sampler options given changed (N stays: the time grid depends on it). Writes the
 * branch's result and record, and a bundle holding every branch.
 */
final class BranchRun {

    private final RestoreCommand c;

    BranchRun(RestoreCommand command) {
        this.c = command;
    }

    Integer call() throws IOException {
        if (c.fromStep == null) {
            throw new InvalidInputException("--resume needs --from-step K, the steps of the bundled run to keep");
        }
        String bundleStem = RestoreCommand.stem(c.resume.getFileName().toString());
        Path target = c.out != null ? c.out : Path.of(bundleStem + ".branch.png");
        if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new InvalidInputException("--out must name a .png file; found '" + target + "'");
        }
        String targetStem = RestoreCommand.stem(target.getFileName().toString());
        Path bundleOut = c.bundle != null ? c.bundle : target.resolveSibling(targetStem + RunBundleFormat.EXTENSION);
        if (!bundleOut.getFileName().toString().endsWith(RunBundleFormat.EXTENSION)) {
            throw new InvalidInputException("--bundle must name a " + RunBundleFormat.EXTENSION + " file; found '"
                    + bundleOut + "'");
        }
        RunBundleFormat.Contents contents = RunBundleFormat.read(c.resume);
        SamplerState from = contents.stateAt(c.ofBranch, c.fromStep);
        RunBundleFormat.Branch base = contents.branches().get(c.ofBranch);
        SamplerSettings settings = base.settings().overriddenBy(c.sampler.explicit());
        if (settings.steps() != base.settings().steps()) {
            throw new InvalidInputException("--steps cannot change on a branch: N is fixed at " + base.settings().steps()
                    + " (the time grid depends on it); found " + settings.steps());
        }
        RunRecord record = contents.record();
        OperatorSpec op = OperatorSpec.fromJson(record.operator());
        Restorer.Mode mode = Restorer.Mode.parse(record.mode());
        Path packDir = c.model != null ? c.model
                : record.packDir() != null && Files.isDirectory(Path.of(record.packDir())) ? Path.of(record.packDir())
                : PackLocator.defaultPack();
        PrintWriter console = c.spec.commandLine().getOut();
        PrintWriter err = c.spec.commandLine().getErr();
        try (ModelPack pack = ModelPackLoader.load(packDir, TorchRuntime.device(c.device))) {
            if (!pack.id().equals(record.pack())) {
                err.println("note: the bundle was made with pack '" + record.pack() + "'; branching it with '"
                        + pack.id() + "'");
            }
            Restorer restorer = new Restorer(pack);
            // the measurement is the original's: simulated with the original run's seed
            Restorer.Request original = new Restorer.Request(contents.input(), mode, op, record.noiseSigma(),
                    contents.branches().get(0).settings());
            console.printf(Locale.ROOT, "branching %s (branch %d) after step %d of %d: %s%n", c.resume, c.ofBranch,
                    from.step(), from.steps(), settings.summary());
            ConsoleProgress progress = new ConsoleProgress(System.err, "branch");
            if (c.frames != null) {
                Files.createDirectories(c.frames);
            }
            StepRecorder steps = new StepRecorder(c.consoleListener(progress),
                    SamplerState.affordable(from.tokens().length, from.codes(), settings.steps()));
            Restorer.Outcome outcome = restorer.branch(original, from, settings, steps, () -> false);
            progress.finish();
            ImageFiles.writePng(target, outcome.restored());
            Path recordFile = target.resolveSibling(targetStem + ".json");
            branchRecord(pack, packDir, record, settings, outcome, target).write(recordFile);
            List<RunBundleFormat.Branch> branches = new ArrayList<>(contents.branches());
            branches.add(new RunBundleFormat.Branch(c.ofBranch, from.step(), settings, outcome.restored(),
                    RunRecord.metrics(outcome), steps.tokens(), steps.states()));
            RestoreCommand.writeBundle(bundleOut, record, contents.input(), outcome, branches);
            console.printf(Locale.ROOT, "wrote %s (branch %d of %s), record %s, bundle %s with %d branches; residual "
                            + "ratio %.3f%s%n", target, branches.size() - 1, c.resume.getFileName(),
                    recordFile.getFileName(), bundleOut, branches.size(), outcome.residualRatio(),
                    outcome.hasTruth() ? String.format(Locale.ROOT, ", PSNR %.2f dB, SSIM %.4f", outcome.psnr(),
                            outcome.ssim()) : "");
            err.flush();
            return 0;
        }
    }

    private RunRecord branchRecord(ModelPack pack, Path packDir, RunRecord original, SamplerSettings settings,
                                   Restorer.Outcome outcome, Path target) {
        JsonObject outputs = new JsonObject();
        outputs.addProperty("restored", target.getFileName().toString());
        outputs.addProperty("branchOf", c.resume.toAbsolutePath().toString());
        outputs.addProperty("parentBranch", c.ofBranch);
        outputs.addProperty("fromStep", c.fromStep);
        RunRecord.describeGeometry(outputs, outcome, false);
        return new RunRecord(RunRecord.FORMAT, new VersionProvider().getVersion()[0], Instant.now().toString(),
                pack.id(), packDir.toAbsolutePath().toString(), original.input(), original.mode(), original.operator(),
                original.noiseSigma(), settings.toJson(), TorchRuntime.describe(pack.manager().getDevice()),
                RunRecord.timingsMs(outcome.sampler().timings()), RunRecord.metrics(outcome), outputs);
    }
}
