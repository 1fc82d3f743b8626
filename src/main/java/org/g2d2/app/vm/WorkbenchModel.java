package org.g2d2.app.vm;

import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.g2d2.app.files.GifWriter;
import org.g2d2.app.files.Pixels;
import org.g2d2.app.files.RunBundle;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.Restorer;
import org.g2d2.core.TorchRuntime;
import org.g2d2.core.io.ImageFiles;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.Frame;
import org.g2d2.core.sampler.SamplerSettings;

/**
 * The workbench window's view model: the pack, the input and its measurement preview, the
 * degradation and sampler forms, the run, and the commands (open, paste, run, cancel, save,
 * open a bundle). It never touches a control; all tensor and file work goes to
 * {@link Workers#background()}, results come back through {@link Workers#ui()}.
 */
public final class WorkbenchModel {

    private final Workers workers;
    private final SamplerFormModel form = new SamplerFormModel();
    private final DegradationModel degradation = new DegradationModel();
    private final RunModel run;
    private final ObjectProperty<LoadedPack> pack = new SimpleObjectProperty<>();
    private final BooleanProperty packLoading = new SimpleBooleanProperty();
    private final BooleanProperty batchRunning = new SimpleBooleanProperty();
    private final StringProperty packStatus = new SimpleStringProperty("No model pack");
    private final ObservableList<GalleryItem> gallery = FXCollections.observableArrayList();
    private final ObjectProperty<InputSource> source = new SimpleObjectProperty<>();
    private final ObjectProperty<Image> input = new SimpleObjectProperty<>();
    private final ObjectProperty<Image> measurement = new SimpleObjectProperty<>();
    private final StringProperty previewError = new SimpleStringProperty();
    private final ObjectProperty<ErrorReport> error = new SimpleObjectProperty<>();
    private final StringProperty notice = new SimpleStringProperty();
    private final ObjectProperty<RunBundle.Contents> openedBundle = new SimpleObjectProperty<>();
    private final StringBinding runBlocker;
    private final BooleanBinding canRun;
    private final LatestOnly previews;
    private String loadedDevice;
    private boolean keepFormOnNextLoad;
    private long previewGeneration;

    public WorkbenchModel(Workers workers) {
        this.workers = workers;
        this.run = new RunModel(workers);
        this.previews = new LatestOnly(workers.background());
        runBlocker = Bindings.createStringBinding(this::whyNotRun, pack, packLoading, batchRunning, source, form.validProperty(),
                degradation.error(), run.busyProperty(), previewError);
        canRun = runBlocker.isNull();
        Observable[] previewInputs = {source, pack, degradation.specBinding(), degradation.noiseSigmaProperty(),
            degradation.modeProperty(), form.text(SamplerField.SEED)};
        for (Observable o : previewInputs) {
            o.addListener(x -> refreshPreview());
        }
        form.deviceProperty().addListener((o, a, b) -> {
            LoadedPack p = pack.get();
            if (p != null && b != null && !b.equals(loadedDevice)) {
                keepFormOnNextLoad = true;
                loadPack(p.dir());
            }
        });
    }

    public SamplerFormModel form() {
        return form;
    }

    public DegradationModel degradation() {
        return degradation;
    }

    public RunModel runModel() {
        return run;
    }

    public ObjectProperty<LoadedPack> packProperty() {
        return pack;
    }

    public BooleanProperty packLoadingProperty() {
        return packLoading;
    }

    /** Set while a batch uses the tensor thread; single runs wait for it. */
    public BooleanProperty batchRunningProperty() {
        return batchRunning;
    }

    public StringProperty packStatusProperty() {
        return packStatus;
    }

    public ObservableList<GalleryItem> gallery() {
        return gallery;
    }

    public ObjectProperty<InputSource> sourceProperty() {
        return source;
    }

    /** The input fitted to the pack: the truth (simulate) or y (measured). */
    public ObjectProperty<Image> inputProperty() {
        return input;
    }

    /** The measurement y the current settings give (the live preview). */
    public ObjectProperty<Image> measurementProperty() {
        return measurement;
    }

    public StringProperty previewErrorProperty() {
        return previewError;
    }

    /** An error outside a run (open, save); the view shows it in a dialog. */
    public ObjectProperty<ErrorReport> errorProperty() {
        return error;
    }

    /** A passing message for the status bar (saved files, device fallback). */
    public StringProperty noticeProperty() {
        return notice;
    }

    public ObjectProperty<RunBundle.Contents> openedBundleProperty() {
        return openedBundle;
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    /** Why Run is disabled, or null when it is not. */
    public StringBinding runBlockerProperty() {
        return runBlocker;
    }

    /** Loads a model pack on the device the form names, then shows its samples and presets. */
    public void loadPack(Path dir) {
        String device = form.deviceProperty().get();
        boolean keepForm = keepFormOnNextLoad;
        keepFormOnNextLoad = false;
        packLoading.set(true);
        packStatus.set("Loading " + dir.getFileName() + "\u2026");
        workers.background().execute(() -> {
            try {
                LoadedPack loaded = LoadedPack.load(dir, device);
                List<GalleryItem> items = new ArrayList<>();
                for (Path p : loaded.samples()) {
                    try {
                        items.add(new GalleryItem(p, ImageFiles.load(p, loaded.channels(), loaded.height(),
                                loaded.width())));
                    } catch (InvalidInputException e) {
                        // a broken sample is left out of the gallery, not fatal
                    }
                }
                boolean gpu = TorchRuntime.gpuCount() > 0;
                workers.ui().execute(() -> packLoaded(loaded, items, device, keepForm, gpu));
            } catch (RuntimeException | Error e) {
                workers.ui().execute(() -> {
                    packLoading.set(false);
                    packStatus.set("No model pack");
                    error.set(ErrorReport.of("The model pack could not be loaded", e));
                });
            }
        });
    }

    private void packLoaded(LoadedPack loaded, List<GalleryItem> items, String device, boolean keepForm,
                            boolean gpu) {
        LoadedPack old = pack.get();
        if (old != null && !run.busyProperty().get()) {
            // the tensor thread is free of it: closing it there keeps native frees off the UI thread
            workers.background().execute(old::close);
        }
        loadedDevice = device;
        if (gpu && !form.devices().contains("gpu")) {
            form.devices().add("gpu");
        }
        if (!keepForm) {
            String seed = form.text(SamplerField.SEED).get();
            form.setPack(loaded.pack().manifest().presets(), loaded.pack().manifest().schedule().trainSteps());
            form.text(SamplerField.SEED).set(seed);
        } else {
            form.maxStepsProperty().set(loaded.pack().manifest().schedule().trainSteps());
        }
        gallery.setAll(items);
        pack.set(loaded);
        packLoading.set(false);
        packStatus.set(loaded.pack().id() + " \u00b7 " + loaded.height() + "\u00d7" + loaded.width() + " \u00b7 "
                + loaded.device());
        if (source.get() == null && !items.isEmpty()) {
            useSample(items.get(0));
        }
    }

    /** Keeps the current form when the next pack loads (restored settings). */
    public void keepFormOnNextLoad() {
        keepFormOnNextLoad = true;
    }

    public void useSample(GalleryItem item) {
        source.set(InputSource.exact(item.name(), item.thumbnail()));
    }

    /** Reads an image file on the background thread, then makes it the input. */
    public void openImage(Path file) {
        workers.background().execute(() -> {
            try {
                BufferedImage img = ImageFiles.read(file);
                workers.ui().execute(() -> source.set(InputSource.of(file.getFileName().toString(), img)));
            } catch (RuntimeException e) {
                workers.ui().execute(() -> error.set(ErrorReport.of("The image could not be opened", e)));
            }
        });
    }

    /** Makes an already decoded picture (pasted or dropped) the input. */
    public void usePicture(String name, BufferedImage picture) {
        if (picture == null) {
            error.set(new ErrorReport("Nothing to paste", "The clipboard holds no image or image file.", ""));
            return;
        }
        source.set(InputSource.of(name, picture));
    }

    private void refreshPreview() {
        LoadedPack p = pack.get();
        InputSource src = source.get();
        if (p == null || src == null) {
            return;
        }
        long generation = ++previewGeneration;
        OperatorSpec spec;
        try {
            spec = degradation.spec();
        } catch (InvalidInputException e) {
            previewError.set(e.getMessage());
            return;
        }
        Restorer.Mode mode = degradation.modeProperty().get();
        double sigma = degradation.noiseSigmaProperty().get();
        long seed = seedOrZero();
        previews.submit(() -> {
            try {
                Image in = fitInput(p, src, mode, spec);
                Image y = mode == Restorer.Mode.SIMULATE ? p.restorer().simulateMeasurement(in, spec, sigma, seed) : in;
                workers.ui().execute(() -> {
                    if (generation == previewGeneration) {
                        input.set(in);
                        measurement.set(y);
                        previewError.set(null);
                    }
                });
            } catch (RuntimeException e) {
                String message = ErrorReport.of("", e).message();
                workers.ui().execute(() -> {
                    if (generation == previewGeneration) {
                        previewError.set(message);
                    }
                });
            }
        });
    }

    private long seedOrZero() {
        try {
            return Long.parseLong(form.text(SamplerField.SEED).get().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The input at the size the restorer needs: the pack's (simulate) or the operator's output (measured). */
    static Image fitInput(LoadedPack p, InputSource src, Restorer.Mode mode, OperatorSpec spec) {
        if (mode == Restorer.Mode.SIMULATE) {
            return src.fit(p.channels(), p.height(), p.width());
        }
        int[] size = p.restorer().measurementSize(spec);
        return src.fit(p.channels(), size[0], size[1]);
    }

    /** Starts a restoration with the current settings; false (with the reason in an error) when it cannot. */
    public boolean run() {
        String blocker = runBlocker.get();
        if (blocker != null) {
            error.set(new ErrorReport("Cannot run yet", blocker, ""));
            return false;
        }
        LoadedPack p = pack.get();
        RunSpec spec = new RunSpec(source.get(), degradation.modeProperty().get(), degradation.spec(),
                degradation.noiseSigmaProperty().get(), form.settings());
        return run.start((listener, cancelled) -> {
            Image in = fitInput(p, spec.source(), spec.mode(), spec.operator());
            Restorer.Request request = new Restorer.Request(in, spec.mode(), spec.operator(), spec.noiseSigma(),
                    spec.settings());
            LoadedPack[] used = {p};
            Restorer.Outcome outcome = DeviceFallback.run(p.onGpu(),
                    () -> p.restorer().restore(request, listener, cancelled),
                    () -> {
                        used[0] = LoadedPack.load(p.dir(), "cpu");
                        LoadedPack cpu = used[0];
                        workers.ui().execute(() -> switchToCpu(cpu));
                        return cpu.restorer().restore(request, listener, cancelled);
                    },
                    message -> workers.ui().execute(() -> notice.set(message)));
            return new RunResult(spec, in, outcome, used[0].device());
        });
    }

    private void switchToCpu(LoadedPack cpu) {
        loadedDevice = "cpu";
        pack.set(cpu);
        form.deviceProperty().set("cpu");
    }

    public void cancel() {
        run.cancel();
    }

    /** Saves the restored image as PNG. */
    public SaveStatus saveRestored(Path target, boolean overwrite) {
        RunResult r = run.resultProperty().get();
        if (r == null) {
            return SaveStatus.NOTHING_TO_SAVE;
        }
        return save(target, overwrite, () -> ImageFiles.writePng(target, r.outcome().restored()));
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
        return save(target, overwrite, () -> GifWriter.write(target, images, scale, 120));
    }

    /** Saves a run bundle that {@link #openBundle} reopens and re-runs. */
    public SaveStatus saveBundle(Path target, boolean overwrite) {
        RunResult r = run.resultProperty().get();
        LoadedPack p = pack.get();
        if (r == null || p == null) {
            return SaveStatus.NOTHING_TO_SAVE;
        }
        return save(target, overwrite, () -> RunBundle.write(target, r, p.pack().id(), p.dir().toString()));
    }

    private interface FileJob {
        void write() throws IOException;
    }

    private SaveStatus save(Path target, boolean overwrite, FileJob job) {
        if (!overwrite && Files.exists(target)) {
            return SaveStatus.EXISTS;
        }
        workers.background().execute(() -> {
            try {
                job.write();
                workers.ui().execute(() -> notice.set("Saved " + target.getFileName()));
            } catch (IOException | RuntimeException e) {
                workers.ui().execute(() -> error.set(ErrorReport.of("Could not save " + target.getFileName(), e)));
            }
        });
        return SaveStatus.STARTED;
    }

    /** Opens a run bundle: its input, operator, noise and settings go into the forms, then it runs again. */
    public void openBundle(Path file) {
        workers.background().execute(() -> {
            try {
                RunBundle.Contents c = RunBundle.read(file);
                OperatorSpec op = OperatorSpec.fromJson(c.record().operator());
                SamplerSettings settings = SamplerSettings.PAPER_BLUR.overriddenBy(c.record().settings());
                Restorer.Mode mode = Restorer.Mode.parse(c.record().mode());
                workers.ui().execute(() -> {
                    LoadedPack p = pack.get();
                    if (p != null && !Objects.equals(p.pack().id(), c.record().pack())) {
                        notice.set("This bundle was made with pack '" + c.record().pack() + "'; running it with '"
                                + p.pack().id() + "'.");
                    }
                    degradation.load(op, c.record().noiseSigma(), mode);
                    form.load(settings);
                    form.presetProperty().set(null);
                    source.set(InputSource.exact(c.record().input() == null ? file.getFileName().toString()
                            : c.record().input(), c.input()));
                    openedBundle.set(c);
                    run();
                });
            } catch (RuntimeException e) {
                workers.ui().execute(() -> error.set(ErrorReport.of("The run bundle could not be opened", e)));
            }
        });
    }

    /** The persisted part of the state: forms and mode. */
    public JsonObject toState() {
        JsonObject o = new JsonObject();
        o.add("sampler", form.toState());
        o.add("degradation", degradation.toState());
        return o;
    }

    public void fromState(JsonObject o) {
        if (o.has("sampler") && o.get("sampler").isJsonObject()) {
            form.fromState(o.getAsJsonObject("sampler"));
            keepFormOnNextLoad = true;
        }
        if (o.has("degradation") && o.get("degradation").isJsonObject()) {
            degradation.fromState(o.getAsJsonObject("degradation"));
        }
    }

    private String whyNotRun() {
        // read every dependency each time: a binding only hears about changes to values it has read
        boolean loading = packLoading.get();
        LoadedPack p = pack.get();
        InputSource src = source.get();
        boolean busy = run.busyProperty().get();
        boolean batch = batchRunning.get();
        boolean formValid = form.validProperty().get();
        String formError = form.firstError();
        String degradationError = degradation.error().get();
        String preview = previewError.get();
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
        return preview;
    }
}
