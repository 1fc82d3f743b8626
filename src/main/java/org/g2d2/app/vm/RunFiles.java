package org.g2d2.app.vm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.g2d2.app.files.GifWriter;
import org.g2d2.app.files.Pixels;
import org.g2d2.app.files.RunBundle;
import org.g2d2.core.Image;
import org.g2d2.core.Restorer;
import org.g2d2.core.io.ImageFiles;
import org.g2d2.core.io.RunBundleFormat;
import org.g2d2.core.io.RunRecord;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.Frame;
import org.g2d2.core.sampler.SamplerSettings;

/**
 * The files a run leaves: the restored image (PNG), its frames (GIF), and the run bundle that
 * reopens into the forms and runs again with exactly the recorded settings.
 */
public final class RunFiles {

    private final Workers workers;
    private final RunModel run;
    private final BranchModel branches;
    private final ObjectProperty<LoadedPack> pack;
    private final FileSaver saver;
    private final Messages messages;
    private final ObjectProperty<RunBundle.Contents> opened = new SimpleObjectProperty<>();

    RunFiles(Workers workers, RunModel run, BranchModel branches, ObjectProperty<LoadedPack> pack, FileSaver saver,
             Messages messages) {
        this.workers = workers;
        this.run = run;
        this.branches = branches;
        this.pack = pack;
        this.saver = saver;
        this.messages = messages;
    }

    /** The last bundle opened (after its re-run started). */
    public ObjectProperty<RunBundle.Contents> openedBundleProperty() {
        return opened;
    }

    /** Saves the restored image as PNG. */
    public SaveStatus saveRestored(Path target, boolean overwrite) {
        RunResult r = run.resultProperty().get();
        if (r == null) {
            return SaveStatus.NOTHING_TO_SAVE;
        }
        return saver.save(target, overwrite, () -> ImageFiles.writePng(target, r.outcome().restored()));
    }

    /** Saves every frame's preview, then the result, as an animated GIF. */
    public SaveStatus saveFrames(Path target, boolean overwrite) {
        RunResult r = run.resultProperty().get();
        if (r == null || run.frames().isEmpty()) {
            return SaveStatus.NOTHING_TO_SAVE;
        }
        List<Image> images = new ArrayList<>();
        for (Frame f : run.frames()) {
            if (f.preview() != null) {
                images.add(f.preview());
            }
        }
        images.add(r.outcome().restored());
        int scale = Pixels.scaleFor(r.outcome().restored().width(), 256);
        return saver.save(target, overwrite, () -> GifWriter.write(target, images, scale, 120));
    }

    /**
     * Saves a run bundle that {@link #openBundle} reopens and re-runs: the last run and every branch
     * of it, with their step tokens and the states to branch from.
     */
    public SaveStatus saveBundle(Path target, boolean overwrite) {
        List<RunBranch> all = List.copyOf(branches.branches());
        RunResult r = all.isEmpty() ? run.resultProperty().get() : all.get(0).result();
        LoadedPack p = pack.get();
        if (r == null || p == null) {
            return SaveStatus.NOTHING_TO_SAVE;
        }
        RunSpec s = r.spec();
        RunBundle.Run bundled = new RunBundle.Run(s.source().name(), s.mode(), s.operator(), s.noiseSigma(),
                s.settings(), r.input(), r.outcome(), r.device());
        List<RunBundleFormat.Branch> stored = new ArrayList<>();
        for (RunBranch b : all) {
            stored.add(new RunBundleFormat.Branch(b.parent(), b.fromStep(), b.result().spec().settings(),
                    b.result().outcome().restored(), RunRecord.metrics(b.result().outcome()), b.ownStepTokens(),
                    b.ownStates()));
        }
        if (stored.isEmpty()) {
            stored.add(RunBundle.original(bundled, List.of(), List.of()));
        }
        return saver.save(target, overwrite, () -> RunBundle.write(target, bundled, stored, p.pack().id(),
                p.dir().toString()));
    }

    /**
     * Opens a run bundle on the background thread and hands what it recorded to {@code rerun} on
     * the UI thread; the bundle's numbers are passed as they were stored, not through text.
     */
    void openBundle(Path file, Consumer<RunSpec> rerun) {
        workers.background().execute(() -> {
            try {
                RunBundle.Contents c = RunBundle.read(file);
                OperatorSpec op = OperatorSpec.fromJson(c.record().operator());
                SamplerSettings settings = SamplerSettings.PAPER_BLUR.overriddenBy(c.record().settings());
                Restorer.Mode mode = Restorer.Mode.parse(c.record().mode());
                String name = c.record().input() == null ? file.getFileName().toString() : c.record().input();
                RunSpec spec = new RunSpec(InputSource.exact(name, c.input()), mode, op, c.record().noiseSigma(),
                        settings);
                workers.ui().execute(() -> {
                    LoadedPack p = pack.get();
                    if (p != null && !Objects.equals(p.pack().id(), c.record().pack())) {
                        messages.noticeProperty().set("This bundle was made with pack '" + c.record().pack()
                                + "'; running it with '" + p.pack().id() + "'.");
                    }
                    rerun.accept(spec);
                    opened.set(c);
                });
            } catch (RuntimeException e) {
                workers.ui().execute(() -> messages.error("The run bundle could not be opened", e));
            }
        });
    }
}
