package org.g2d2.app.vm;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import org.g2d2.core.Image;
import org.g2d2.core.Restorer;
import org.g2d2.core.io.ImageFiles;
import org.g2d2.core.model.TokenLayout;
import org.g2d2.core.operator.OperatorSpec;

/**
 * The loaded image's size as the restorer will see it: the restored size, its token grid and
 * prior windows, and the limit on restored pixels (a remembered setting) with the fit that brings
 * an image under it, aspect ratio kept.
 */
public final class SizeModel {

    /** A restored size, in pixels. */
    public record Size(int height, int width) {
        public long pixels() {
            return (long) height * width;
        }

        @Override
        public String toString() {
            return width + "\u00d7" + height;
        }
    }

    private final ObjectProperty<InputSource> source;
    private final ObjectProperty<LoadedPack> pack;
    private final DegradationModel degradation;
    private final LongProperty maxPixels = new SimpleLongProperty(Restorer.DEFAULT_MAX_PIXELS);
    private final ObjectBinding<Size> restored;
    private final ObjectBinding<TokenLayout> layout;
    private final StringBinding status;
    private final StringBinding overLimit;

    SizeModel(ObjectProperty<InputSource> source, ObjectProperty<LoadedPack> pack, DegradationModel degradation) {
        this.source = source;
        this.pack = pack;
        this.degradation = degradation;
        restored = Bindings.createObjectBinding(this::computeRestored, source, degradation.specBinding(),
                degradation.modeProperty());
        layout = Bindings.createObjectBinding(() -> {
            Size s = restored.get();
            LoadedPack p = pack.get();
            return s == null || p == null ? null : p.restorer().layout(s.height(), s.width());
        }, restored, pack);
        status = Bindings.createStringBinding(this::describe, restored, layout, source);
        overLimit = Bindings.createStringBinding(this::warning, restored, maxPixels, source);
    }

    /** The most pixels a restored image may have; raising it lets bigger images run (slowly). */
    public LongProperty maxPixelsProperty() {
        return maxPixels;
    }

    /** The size the loaded image is restored at, or null (no image, or an invalid operator). */
    public ObjectBinding<Size> restoredProperty() {
        return restored;
    }

    /** The token grid and prior windows of the restored size on the loaded pack, or null. */
    public ObjectBinding<TokenLayout> layoutProperty() {
        return layout;
    }

    /** "70×45 px colour · 18×12 tokens · 4 prior windows" for the status bar. */
    public StringBinding statusProperty() {
        return status;
    }

    /** The warning shown while the image is over the limit, naming both; null when it is not. */
    public StringBinding overLimitProperty() {
        return overLimit;
    }

    /** Sets the limit from text the user typed; false (limit unchanged) when it is not a whole number ≥ 16. */
    public boolean setMaxPixels(String text) {
        try {
            long v = Long.parseLong(text.trim().replace(",", "").replace("_", ""));
            if (v >= Restorer.MIN_SIDE * Restorer.MIN_SIDE) {
                maxPixels.set(v);
                return true;
            }
        } catch (NumberFormatException e) {
            // reported by the return value; the field shows the limit in force again
        }
        return false;
    }

    /** Replaces the loaded image by its largest resize whose restored size is within the limit. */
    public void fit() {
        InputSource src = source.get();
        Size target = fitSize();
        if (src == null || src.isPending() || target == null) {
            return;
        }
        Image img = src.image();
        Image fitted = ImageFiles.fit(ImageFiles.toBufferedImage(img), img.channels(), target.height(), target.width());
        source.set(new InputSource(src.name() + " (fitted to " + target + ")", fitted, src.alphaComposited()));
    }

    /** The input size {@link #fit} would resize to, or null when the image is within the limit. */
    public Size fitSize() {
        InputSource src = source.get();
        Size r = restored.get();
        if (src == null || src.isPending() || r == null || r.pixels() <= maxPixels.get()) {
            return null;
        }
        return fitSize(src.image().height(), src.image().width(), restoredPerInputPixel(), maxPixels.get());
    }

    /**
     * The largest input size with the aspect ratio of {@code height} × {@code width} (within a
     * pixel) whose restored image, {@code factor} restored pixels per input pixel, has at most
     * {@code maxPixels}; never under the smallest side restored.
     */
    static Size fitSize(int height, int width, double factor, long maxPixels) {
        double shrink = Math.sqrt(maxPixels / (factor * height * width));
        int h = Math.max(Restorer.MIN_SIDE, (int) Math.floor(height * shrink));
        int w = Math.max(Restorer.MIN_SIDE, (int) Math.floor(width * shrink));
        while ((long) h * w * factor > maxPixels && h > Restorer.MIN_SIDE && w > Restorer.MIN_SIDE) {
            if ((double) h / w > (double) height / width) {
                h--;
            } else {
                w--;
            }
        }
        return new Size(h, w);
    }

    /** The size an image of {@code height} × {@code width} is restored at, by mode and operator. */
    static Size restoredSize(Restorer.Mode mode, OperatorSpec spec, int height, int width) {
        int[] x;
        if (mode == Restorer.Mode.SIMULATE) {
            // the truth is cropped to multiples of the scale, then restored at that size
            int[] y = Restorer.measurementSize(spec, height, width);
            x = Restorer.restoredSize(spec, y[0], y[1]);
        } else {
            x = Restorer.restoredSize(spec, height, width);
        }
        return new Size(x[0], x[1]);
    }

    private double restoredPerInputPixel() {
        OperatorSpec spec = degradation.spec();
        boolean upscaled = degradation.modeProperty().get() == Restorer.Mode.MEASURED
                && (spec.kind() == OperatorSpec.Kind.SR || spec.kind() == OperatorSpec.Kind.SR_BOX);
        return upscaled ? (double) spec.scale() * spec.scale() : 1;
    }

    private Size computeRestored() {
        InputSource src = source.get();
        Restorer.Mode mode = degradation.modeProperty().get();
        Object spec = degradation.specBinding().get();
        if (src == null || src.isPending() || !(spec instanceof OperatorSpec op)) {
            return null;
        }
        return restoredSize(mode, op, src.image().height(), src.image().width());
    }

    private String describe() {
        InputSource src = source.get();
        Size s = restored.get();
        TokenLayout l = layout.get();
        if (src == null || src.isPending()) {
            return "No image";
        }
        StringBuilder b = new StringBuilder(src.sizeText());
        if (s != null && (s.height() != src.image().height() || s.width() != src.image().width())) {
            b.append(" \u2192 ").append(s).append(" restored");
        }
        if (l != null) {
            b.append(String.format(Locale.ROOT, " \u00b7 %d\u00d7%d tokens \u00b7 %d prior window%s",
                    l.grid().width(), l.grid().height(), l.windows().count(), l.windows().count() == 1 ? "" : "s"));
        }
        return b.toString();
    }

    private String warning() {
        Size s = restored.get();
        long max = maxPixels.get();
        if (s == null || s.pixels() <= max) {
            return null;
        }
        return String.format(Locale.ROOT, "The image is %s = %,d pixels to restore; the limit is %,d pixels. "
                + "Fit it to the largest size within the limit, or raise the limit.", s, s.pixels(), max);
    }
}
