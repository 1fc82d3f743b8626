package org.g2d2.app.vm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.TorchRuntime;
import org.g2d2.core.io.ImageFiles;
import org.g2d2.core.io.PackLocator;

/**
 * The model pack in use: loading it on the device the sampler form names, reloading it when the
 * device changes, the gallery of its samples, and closing the pack it replaces. A pack is closed
 * on the tensor thread, after any work queued there that still uses it.
 *
 * <p>The packs to choose from are those under the model folders and any folder the user opened;
 * choosing one ({@link #chosenProperty}) switches to it without a restart: gallery, presets and
 * the token layout of the loaded image follow the new pack.
 */
public final class PackSession {

    private final Workers workers;
    private final SamplerFormModel form;
    private final Messages messages;
    private final ObjectProperty<LoadedPack> pack = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final StringProperty status = new SimpleStringProperty("No model pack");
    private final ObservableList<GalleryItem> gallery = FXCollections.observableArrayList();
    private final ObservableList<Path> choices = FXCollections.observableArrayList();
    private final ObjectProperty<Path> chosen = new SimpleObjectProperty<>();
    /** The folder of the latest load asked for: choosing it again does not reload it. */
    private Path requested;
    private String loadedDevice;
    private boolean keepFormOnNextLoad;

    public PackSession(Workers workers, SamplerFormModel form, Messages messages) {
        this.workers = workers;
        this.form = form;
        this.messages = messages;
        choices.setAll(PackLocator.installed());
        chosen.addListener((o, a, b) -> {
            if (b != null && !b.equals(requested)) {
                load(b);
            }
        });
        form.deviceProperty().addListener((o, a, b) -> {
            LoadedPack p = pack.get();
            if (p != null && b != null && !b.equals(loadedDevice)) {
                keepFormOnNextLoad = true;
                load(p.dir());
            }
        });
    }

    public ObjectProperty<LoadedPack> packProperty() {
        return pack;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<GalleryItem> gallery() {
        return gallery;
    }

    /** The pack folders to choose from: the installed packs, then the folders the user opened. */
    public ObservableList<Path> choices() {
        return choices;
    }

    /** The pack chosen (being loaded or in use); setting it to another folder switches to that pack. */
    public ObjectProperty<Path> chosenProperty() {
        return chosen;
    }

    /** A pack's name in the chooser: its folder's name. */
    public static String label(Path dir) {
        return dir == null ? "" : dir.getFileName().toString();
    }

    /** Keeps the form as it is when the next pack loads (settings restored from disk). */
    void keepFormOnNextLoad() {
        keepFormOnNextLoad = true;
    }

    /** Loads a model pack on the device the form names, then shows its samples and presets. */
    public void load(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        boolean added = !choices.contains(dir);
        if (added) {
            choices.add(dir);
        }
        requested = dir;
        chosen.set(dir);
        String device = form.deviceProperty().get();
        boolean keepForm = keepFormOnNextLoad;
        keepFormOnNextLoad = false;
        loading.set(true);
        status.set("Loading " + dir.getFileName() + "\u2026");
        workers.background().execute(() -> {
            try {
                LoadedPack loaded = LoadedPack.load(dir, device);
                List<GalleryItem> items = new ArrayList<>();
                for (Path p : loaded.samples()) {
                    try {
                        items.add(new GalleryItem(p, ImageFiles.loadNative(p).image()));
                    } catch (InvalidInputException e) {
                        // a broken sample is left out of the gallery, not fatal
                    }
                }
                boolean gpu = TorchRuntime.gpuCount() > 0;
                workers.ui().execute(() -> loaded(loaded, device, items, keepForm, gpu));
            } catch (RuntimeException | Error e) {
                workers.ui().execute(() -> {
                    loading.set(false);
                    if (added) {
                        choices.remove(dir);
                    }
                    // the chooser goes back to the pack still in use
                    LoadedPack current = pack.get();
                    requested = current == null ? null : current.dir();
                    chosen.set(requested);
                    status.set(current == null ? "No model pack" : status(current));
                    messages.error("The model pack in '" + dir + "' could not be loaded", e);
                });
            }
        });
    }

    private void loaded(LoadedPack loaded, String device, List<GalleryItem> items, boolean keepForm,
                        boolean gpu) {
        if (gpu && !form.devices().contains("gpu")) {
            form.devices().add("gpu");
        }
        int trainSteps = loaded.pack().manifest().schedule().trainSteps();
        if (keepForm) {
            form.maxStepsProperty().set(trainSteps);
        } else {
            String seed = form.text(SamplerField.SEED).get();
            form.setPack(loaded.pack().manifest().presets(), trainSteps);
            form.text(SamplerField.SEED).set(seed);
        }
        gallery.setAll(items);
        replace(loaded, device);
        loading.set(false);
        status.set(status(loaded));
    }

    private static String status(LoadedPack p) {
        return p.pack().id() + " \u00b7 " + p.height() + "\u00d7" + p.width() + " \u00b7 " + p.device();
    }

    /**
     * The GPU ran out of memory during a run and the pack was loaded again on the CPU: use that
     * one from now on, and free the GPU's copy.
     */
    void switchToCpu(LoadedPack cpu) {
        replace(cpu, "cpu");
        form.deviceProperty().set("cpu");
    }

    private void replace(LoadedPack next, String deviceChoice) {
        LoadedPack old = pack.get();
        loadedDevice = deviceChoice;
        pack.set(next);
        if (old != null && old != next) {
            // queued behind any run or preview still using it; native frees stay off the UI thread
            workers.background().execute(old::close);
        }
    }
}
