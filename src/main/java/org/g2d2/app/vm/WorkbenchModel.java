package org.g2d2.app.vm;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.g2d2.core.EngineProbe;
import org.g2d2.core.Restorer;
import org.g2d2.core.sampler.SamplerSettings;

/**
 * The workbench window's view model, assembled from its parts: the pack session, the input and
 * its preview, the sampler and degradation forms, the run and its files, the live view, and the
 * remembered settings. It decides when Run is allowed and starts runs. It never touches a
 * control; tensor and file work goes to {@link Workers#background()}, results come back through
 * {@link Workers#ui()}.
 */
public final class WorkbenchModel {

    private final Workers workers;
    private final StringProperty engine = new SimpleStringProperty("");

    private final Messages messages = new Messages();
    private final SamplerFormModel form = new SamplerFormModel();
    private final DegradationModel degradation = new DegradationModel();
    private final MaskEditorModel maskEditor;
    private final RunModel run;
    private final PackSession session;
    private final PreviewModel preview;
    private final FileSaver saver;
    private final RunFiles files;
    private final LiveModel live;
    private final SettingsState state;
    private final RunLauncher launcher;
    private final BranchModel branches;
    private final BooleanProperty batchRunning = new SimpleBooleanProperty();
    private final StringBinding runBlocker;
    private final BooleanBinding canRun;

    public WorkbenchModel(Workers workers) {
        this.workers = workers;
        run = new RunModel(workers);
        session = new PackSession(workers, form, messages);
        preview = new PreviewModel(workers, session.packProperty(), degradation, form, messages);
        saver = new FileSaver(workers, messages);
        branches = new BranchModel(run);
        files = new RunFiles(workers, run, branches, session.packProperty(), saver, messages);
        live = new LiveModel(run, preview, degradation, session.packProperty());
        maskEditor = new MaskEditorModel(degradation, preview.inputProperty());
        org.g2d2.app.files.Assets.folder("kernels").ifPresent(degradation::loadKernels);
        state = new SettingsState(form, degradation, session, preview.sizes());
        launcher = new RunLauncher(workers, run, session, messages);
        runBlocker = Bindings.createStringBinding(this::whyNotRun, session.packProperty(), session.loadingProperty(),
                batchRunning, preview.sourceProperty(), form.validProperty(), degradation.error(), run.busyProperty(),
                preview.errorProperty(), preview.sizes().overLimitProperty());
        canRun = runBlocker.isNull();
        session.packProperty().addListener((o, a, b) -> {
            // the first pack shows its first sample until the user picks something; a switch to
            // another pack replaces a sample of the old pack by one of the new
            if (b != null && !session.gallery().isEmpty()
                    && (preview.sourceProperty().get() == null || showsSampleOfOtherPack(a, b))) {
                preview.useSample(session.gallery().get(0));
            }
        });
    }

    /** What the tensor engine runs on, one fact a line (empty until {@link #describeEngine} is done). */
    public ReadOnlyStringProperty engineProperty() {
        return engine;
    }

    /** Probes the engine off the UI thread (it may load it) and fills {@link #engineProperty}. */
    public void describeEngine() {
        workers.background().execute(() -> {
            String text = String.join("\n", EngineProbe.probe().lines());
            workers.ui().execute(() -> engine.set(text));
        });
    }

    public Messages messages() {
        return messages;
    }

    public SamplerFormModel form() {
        return form;
    }

    public DegradationModel degradation() {
        return degradation;
    }

    /** The inpainting mask painted on the input. */
    public MaskEditorModel maskEditor() {
        return maskEditor;
    }

    public RunModel runModel() {
        return run;
    }

    public PackSession session() {
        return session;
    }

    public PreviewModel preview() {
        return preview;
    }

    public RunFiles files() {
        return files;
    }

    public LiveModel live() {
        return live;
    }

    /** The last run's branches, and the one armed for the next Run. */
    public BranchModel branches() {
        return branches;
    }

    public FileSaver saver() {
        return saver;
    }

    /** The loaded image's size, token grid and pixel limit. */
    public SizeModel sizes() {
        return preview.sizes();
    }

    public SettingsState state() {
        return state;
    }

    /** Set while a batch uses the tensor thread; single runs wait for it. */
    public BooleanProperty batchRunningProperty() {
        return batchRunning;
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    /** Why Run is disabled, or null when it is not. */
    public StringBinding runBlockerProperty() {
        return runBlocker;
    }

    private boolean showsSampleOfOtherPack(LoadedPack before, LoadedPack now) {
        InputSource shown = preview.sourceProperty().get();
        return before != null && !before.dir().equals(now.dir()) && shown != null
                && before.samples().stream().anyMatch(p -> p.getFileName().toString().equals(shown.name()));
    }

    /** Loads a model pack (see {@link PackSession#load}). */
    public void loadPack(Path dir) {
        session.load(dir);
    }

    /** Opens a file the user named: a run bundle reopens and re-runs, anything else is read as an image. */
    public void open(Path file) {
        if (file.getFileName().toString().endsWith(org.g2d2.app.files.RunBundle.EXTENSION)) {
            files.openBundle(file, this::rerun);
        } else {
            preview.openImage(file);
        }
    }

    /** Starts a restoration with the current settings; false (with the reason in an error) when it cannot. */
    public boolean run() {
        if (refused()) {
            return false;
        }
        if (branches.armedProperty().get() != null) {
            return runBranch();
        }
        return launcher.start(new RunSpec(preview.sourceProperty().get(), degradation.modeProperty().get(),
                degradation.spec(), degradation.noiseSigmaProperty().get(), form.settings()));
    }

    /** Runs the armed branch with the form's settings; N must stay. */
    private boolean runBranch() {
        BranchModel.BranchPoint point = branches.armedProperty().get();
        SamplerSettings settings = form.settings();
        int steps = point.state().steps();
        if (settings.steps() != steps) {
            messages.errorProperty().set(new ErrorReport("Cannot branch", "A branch keeps the run's step count N = "
                    + steps + " (the time grid depends on it); Steps is " + settings.steps() + ". Set it back to "
                    + steps + ", or cancel the branch.", ""));
            return false;
        }
        RunResult origin = branches.branches().get(0).result();
        RunSpec o = origin.spec();
        Restorer.Request original = new Restorer.Request(origin.input(), o.mode(), o.operator(), o.noiseSigma(),
                o.settings());
        return launcher.startBranch(new RunSpec(o.source(), o.mode(), o.operator(), o.noiseSigma(), settings),
                original, branches.takeArmed());
    }

    /** Shows a recorded run in the forms and runs it again with exactly its numbers. */
    private void rerun(RunSpec spec) {
        degradation.load(spec.operator(), spec.noiseSigma(), spec.mode());
        form.load(spec.settings());
        form.presetProperty().set(null);
        preview.sourceProperty().set(spec.source());
        if (!refused()) {
            launcher.start(spec);
        }
    }

    private boolean refused() {
        String blocker = runBlocker.get();
        if (blocker != null) {
            messages.errorProperty().set(new ErrorReport("Cannot run yet", blocker, ""));
            return true;
        }
        return false;
    }

    public void cancel() {
        run.cancel();
    }

    private String whyNotRun() {
        // read every dependency each time: a binding only hears about changes to values it has read
        boolean loading = session.loadingProperty().get();
        LoadedPack p = session.packProperty().get();
        InputSource src = preview.sourceProperty().get();
        boolean busy = run.busyProperty().get();
        boolean batch = batchRunning.get();
        boolean formValid = form.validProperty().get();
        String formError = form.firstError();
        String degradationError = degradation.error().get();
        String previewError = preview.errorProperty().get();
        String overLimit = preview.sizes().overLimitProperty().get();
        if (loading) {
            return "The model pack is still loading.";
        }
        if (p == null) {
            return "No model pack is loaded.";
        }
        if (src == null) {
            return "Load an image first (open, paste, drop, or pick a sample).";
        }
        if (busy) {
            return "A restoration is already running.";
        }
        if (batch) {
            return "A batch is running; wait for it or cancel it.";
        }
        if (!formValid) {
            return "Fix the sampler settings: " + formError;
        }
        if (degradationError != null) {
            return "Fix the degradation: " + degradationError;
        }
        if (overLimit != null) {
            return overLimit;
        }
        return previewError;
    }
}
