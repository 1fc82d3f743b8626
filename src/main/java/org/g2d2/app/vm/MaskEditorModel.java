package org.g2d2.app.vm;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.io.OperatorFiles;
import org.g2d2.core.operator.InpaintingMask;
import org.g2d2.core.operator.MaskSpec;

/**
 * The inpainting mask being edited on the input: painted with a round brush (or erased), cleared,
 * inverted, undone stroke by stroke, loaded from a PNG or simulated. The editing state is a plain
 * array of "missing" flags at the input's size; every change hands the degradation a given mask,
 * or none while nothing is missing.
 */
public final class MaskEditorModel {

    /** The largest brush radius in pixels. */
    public static final int MAX_BRUSH = 16;
    private static final int UNDO_DEPTH = 50;

    private final DegradationModel degradation;
    private final IntegerProperty brushRadius = new SimpleIntegerProperty(2);
    private final BooleanProperty erase = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<boolean[]> missing = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper missingCount = new ReadOnlyIntegerWrapper();
    private final Deque<boolean[]> undo = new ArrayDeque<>();
    private int height;
    private int width;

    public MaskEditorModel(DegradationModel degradation, ObservableValue<Image> input) {
        this.degradation = degradation;
        input.addListener((o, a, b) -> resize(b));
        resize(input.getValue());
    }

    public IntegerProperty brushRadiusProperty() {
        return brushRadius;
    }

    public BooleanProperty eraseProperty() {
        return erase;
    }

    /** Row-major flags, true where the pixel is missing; null without an input. Replaced on every change. */
    public ReadOnlyObjectProperty<boolean[]> missingProperty() {
        return missing.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty missingCountProperty() {
        return missingCount.getReadOnlyProperty();
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    /** A new input: an empty mask at its size (a mask of the same size is kept). */
    private void resize(Image input) {
        if (input == null) {
            height = 0;
            width = 0;
            set(null);
            return;
        }
        if (input.height() == height && input.width() == width && missing.get() != null) {
            return;
        }
        height = input.height();
        width = input.width();
        undo.clear();
        set(new boolean[height * width]);
    }

    /** Starts a stroke: what it changes is undone in one step. */
    public void beginStroke() {
        remember();
    }

    /** Paints (or erases) a disc of the brush's radius at pixel (row, col); outside the image nothing. */
    public void paint(double row, double col) {
        boolean[] m = missing.get();
        if (m == null) {
            return;
        }
        boolean[] next = m.clone();
        int r = brushRadius.get();
        boolean value = !erase.get();
        for (int i = (int) Math.floor(row - r); i <= (int) Math.ceil(row + r); i++) {
            for (int j = (int) Math.floor(col - r); j <= (int) Math.ceil(col + r); j++) {
                double di = i + 0.5 - row;
                double dj = j + 0.5 - col;
                if (i >= 0 && i < height && j >= 0 && j < width && di * di + dj * dj <= (r + 0.5) * (r + 0.5)) {
                    next[i * width + j] = value;
                }
            }
        }
        set(next);
    }

    public void clear() {
        if (missing.get() != null) {
            remember();
            set(new boolean[height * width]);
        }
    }

    public void invert() {
        boolean[] m = missing.get();
        if (m != null) {
            remember();
            boolean[] next = new boolean[m.length];
            for (int i = 0; i < m.length; i++) {
                next[i] = !m[i];
            }
            set(next);
        }
    }

    public void undo() {
        if (!undo.isEmpty()) {
            set(undo.pop());
        }
    }

    /** A mask image (white = known) of the input's size; throws {@link InvalidInputException} otherwise. */
    public void load(Path file) {
        InpaintingMask m = OperatorFiles.readMask(file);
        if (m.height() != height || m.width() != width) {
            throw new InvalidInputException("the mask is " + m.width() + "x" + m.height() + "; it must be the image's "
                    + "size, " + width + "x" + height);
        }
        remember();
        set(m.inverted().known());
    }

    /** A simulated mask (box side, missing fraction or scribble count) drawn from {@code seed}. */
    public void simulate(MaskSpec.Source source, double amount, long seed) {
        if (missing.get() == null) {
            return;
        }
        InpaintingMask m = new MaskSpec(source, amount, seed, null).realise(height, width);
        remember();
        set(m.inverted().known());
    }

    private void remember() {
        if (missing.get() != null) {
            undo.push(missing.get());
            while (undo.size() > UNDO_DEPTH) {
                undo.removeLast();
            }
        }
    }

    private void set(boolean[] m) {
        missing.set(m);
        int n = 0;
        if (m != null) {
            for (boolean b : m) {
                n += b ? 1 : 0;
            }
        }
        missingCount.set(n);
        if (m == null || n == 0 || n == m.length) {
            // nothing to inpaint, or nothing known to inpaint from
            degradation.maskProperty().set(null);
            return;
        }
        boolean[] known = new boolean[m.length];
        for (int i = 0; i < m.length; i++) {
            known[i] = !m[i];
        }
        degradation.maskProperty().set(MaskSpec.given(new InpaintingMask(height, width, known)));
    }
}
