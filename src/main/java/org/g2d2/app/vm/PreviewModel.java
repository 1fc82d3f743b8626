package org.g2d2.app.vm;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.Restorer;
import org.g2d2.core.io.ImageFiles;
import org.g2d2.core.operator.OperatorSpec;

/**
 * The input and its live measurement preview: where the picture comes from (a sample, a file,
 * the clipboard, a bundle), the picture at its own size and in its own channels, and the y that
 * the degradation form makes of it. Previews run on the tensor thread; only the newest one
 * waiting is kept. An image over the pixel limit ({@link SizeModel}) gets no y until it is fitted
 * or the limit is raised.
 */
public final class PreviewModel {

    private final Workers workers;
    private final ObjectProperty<LoadedPack> pack;
    private final DegradationModel degradation;
    private final SamplerFormModel form;
    private final Messages messages;
    private final ObjectProperty<InputSource> source = new SimpleObjectProperty<>();
    private final ObjectProperty<Image> input = new SimpleObjectProperty<>();
    private final ObjectProperty<Image> measurement = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty();
    private final SizeModel sizes;
    private final LatestOnly previews;
    private long generation;

    public PreviewModel(Workers workers, ObjectProperty<LoadedPack> pack, DegradationModel degradation,
                        SamplerFormModel form, Messages messages) {
        this.workers = workers;
        this.pack = pack;
        this.degradation = degradation;
        this.form = form;
        this.messages = messages;
        this.previews = new LatestOnly(workers.background());
        this.sizes = new SizeModel(source, pack, degradation);
        Observable[] inputs = {source, pack, degradation.specBinding(), degradation.noiseSigmaProperty(),
            degradation.modeProperty(), form.text(SamplerField.SEED), sizes.maxPixelsProperty()};
        for (Observable o : inputs) {
            o.addListener(x -> refresh());
        }
    }

    public ObjectProperty<InputSource> sourceProperty() {
        return source;
    }

    /** The image's size, token grid and pixel limit. */
    public SizeModel sizes() {
        return sizes;
    }

    /** The input at its own size: the truth (simulate; cropped to the scale if need be) or y (measured). */
    public ObjectProperty<Image> inputProperty() {
        return input;
    }

    /** The measurement y the current settings give. */
    public ObjectProperty<Image> measurementProperty() {
        return measurement;
    }

    /** Why the preview failed (the run would too), or null. */
    public StringProperty errorProperty() {
        return error;
    }

    public void useSample(GalleryItem item) {
        source.set(InputSource.exact(item.name(), item.image()));
    }

    /** Reads an image file on the background thread, then makes it the input. */
    public void openImage(Path file) {
        workers.background().execute(() -> {
            try {
                InputSource read = InputSource.of(file.getFileName().toString(), ImageFiles.read(file));
                workers.ui().execute(() -> source.set(read));
            } catch (RuntimeException e) {
                workers.ui().execute(() -> messages.error("The image could not be opened", e));
            }
        });
    }

    /** Makes an already decoded picture (pasted or dropped) the input. */
    public void usePicture(String name, BufferedImage picture) {
        if (picture == null) {
            messages.errorProperty().set(new ErrorReport("Nothing to paste",
                    "The clipboard holds no image or image file.", ""));
            return;
        }
        source.set(InputSource.of(name, picture));
    }

    /**
     * The image handed to the restorer: the source as it is, except that a simulated truth is
     * cropped to multiples of the scale (as the restorer would, so the preview shows the same).
     */
    static Image restorerInput(InputSource src, Restorer.Mode mode, OperatorSpec spec) {
        Image in = src.image();
        SizeModel.Size x = SizeModel.restoredSize(mode, spec, in.height(), in.width());
        if (mode == Restorer.Mode.SIMULATE && (x.height() != in.height() || x.width() != in.width())
                && x.height() >= Restorer.MIN_SIDE && x.width() >= Restorer.MIN_SIDE) {
            return Restorer.crop(in, x.height(), x.width());
        }
        return in;
    }

    private void refresh() {
        LoadedPack p = pack.get();
        InputSource src = source.get();
        if (p == null || src == null) {
            return;
        }
        long mine = ++generation;
        OperatorSpec spec;
        try {
            spec = degradation.spec();
        } catch (InvalidInputException e) {
            error.set(e.getMessage());
            return;
        }
        Restorer.Mode mode = degradation.modeProperty().get();
        double sigma = degradation.noiseSigmaProperty().get();
        long seed = seedOrZero();
        // an image over the limit is shown, but not degraded: that could take long on a huge picture
        boolean within = sizes.overLimitProperty().get() == null;
        previews.submit(() -> {
            try {
                Image in = restorerInput(src, mode, spec);
                Image y = !within ? null
                        : mode == Restorer.Mode.SIMULATE ? p.restorer().simulateMeasurement(in, spec, sigma, seed) : in;
                workers.ui().execute(() -> {
                    if (mine == generation) {
                        input.set(in);
                        measurement.set(y);
                        error.set(null);
                    }
                });
            } catch (RuntimeException e) {
                String message = ErrorReport.of("", e).message();
                workers.ui().execute(() -> {
                    if (mine == generation) {
                        error.set(message);
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
}
