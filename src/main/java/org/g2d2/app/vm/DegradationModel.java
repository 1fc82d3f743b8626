package org.g2d2.app.vm;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableStringValue;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.Restorer;
import org.g2d2.core.io.OperatorFiles;
import org.g2d2.core.operator.ConvolutionKernel;
import org.g2d2.core.operator.MaskSpec;
import org.g2d2.core.operator.MeasurementNoise;
import org.g2d2.core.operator.OperatorSpec;

/**
 * The degradation panel's state: the operator A (blur σ and size, or downsampling ×2 / ×4), the
 * measurement noise σ_y and the mode. The spec and its validation come from core's
 * {@link OperatorSpec}.
 */
public final class DegradationModel {

    private final ObjectProperty<OperatorSpec.Kind> kind = new SimpleObjectProperty<>(OperatorSpec.Kind.BLUR);
    private final DoubleProperty blurSigma = new SimpleDoubleProperty(1.5);
    private final IntegerProperty blurSize = new SimpleIntegerProperty(9);
    private final IntegerProperty scale = new SimpleIntegerProperty(2);
    private final ObjectProperty<ConvolutionKernel> kernel = new SimpleObjectProperty<>();
    private final ObjectProperty<MaskSpec> mask = new SimpleObjectProperty<>();
    private final ObservableList<KernelChoice> kernels = FXCollections.observableArrayList();
    private final DoubleProperty gain = new SimpleDoubleProperty(1.5);
    private final DoubleProperty noiseSigma = new SimpleDoubleProperty(0.05);
    private final ObjectProperty<Restorer.Mode> mode = new SimpleObjectProperty<>(Restorer.Mode.SIMULATE);
    private final ObjectBinding<Object> spec;
    private final StringBinding error;

    public DegradationModel() {
        spec = Bindings.createObjectBinding(this::build, kind, blurSigma, blurSize, scale, kernel, mask, gain);
        error = Bindings.createStringBinding(() -> {
            Object s = spec.get();
            if (s instanceof String msg) {
                return msg;
            }
            try {
                MeasurementNoise.validate(noiseSigma.get());
                return null;
            } catch (InvalidInputException e) {
                return e.getMessage();
            }
        }, spec, noiseSigma);
    }

    public ObjectProperty<OperatorSpec.Kind> kindProperty() {
        return kind;
    }

    public DoubleProperty blurSigmaProperty() {
        return blurSigma;
    }

    public IntegerProperty blurSizeProperty() {
        return blurSize;
    }

    public IntegerProperty scaleProperty() {
        return scale;
    }

    /** The kernel of the kernel operator (null until one is chosen). */
    public ObjectProperty<ConvolutionKernel> kernelProperty() {
        return kernel;
    }

    /** A kernel offered in the operator list: its file (for the thumbnail) and its weights. */
    public record KernelChoice(Path file, ConvolutionKernel kernel) {
        @Override
        public String toString() {
            return kernel.name();
        }
    }

    /** The kernels to choose from (the shipped motion kernels), in file-name order. */
    public ObservableList<KernelChoice> kernels() {
        return kernels;
    }

    /**
     * Offers every kernel image in {@code folder}; one that does not read is left out (the list is a
     * convenience, a file chosen by hand reports its own error). The first becomes the kernel when none is set.
     */
    public void loadKernels(Path folder) {
        List<KernelChoice> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
                    .sorted().toList()) {
                try {
                    found.add(new KernelChoice(f, OperatorFiles.readKernel(f)));
                } catch (InvalidInputException e) {
                    // not a kernel: skipped
                }
            }
        } catch (IOException e) {
            return;
        }
        kernels.setAll(found);
        if (kernel.get() == null && !found.isEmpty()) {
            kernel.set(found.get(0).kernel());
        }
    }

    /** A kernel file chosen by the user; throws {@link InvalidInputException} when it is not a valid kernel. */
    public void useKernelFile(Path file) {
        kernel.set(OperatorFiles.readKernel(file));
    }

    /** The inpainting mask (null until one is painted, loaded or simulated). */
    public ObjectProperty<MaskSpec> maskProperty() {
        return mask;
    }

    /** The saturation operator's exposure gain. */
    public DoubleProperty gainProperty() {
        return gain;
    }

    public DoubleProperty noiseSigmaProperty() {
        return noiseSigma;
    }

    public ObjectProperty<Restorer.Mode> modeProperty() {
        return mode;
    }

    /** Null when the operator and noise are valid, else what is wrong. */
    public ObservableStringValue error() {
        return error;
    }

    /** Changes whenever the operator does (for listeners that refresh the preview). */
    public ObjectBinding<Object> specBinding() {
        return spec;
    }

    /** The operator; throws {@link InvalidInputException} when invalid. */
    public OperatorSpec spec() {
        Object s = spec.get();
        if (s instanceof String msg) {
            throw new InvalidInputException(msg);
        }
        return (OperatorSpec) s;
    }

    public void load(OperatorSpec s, double noise, Restorer.Mode m) {
        kind.set(s.kind());
        if (s.kernel() != null) {
            kernel.set(s.kernel());
        }
        if (s.mask() != null) {
            mask.set(s.mask());
        }
        if (s.kind() == OperatorSpec.Kind.SATURATE) {
            gain.set(s.gain());
        }
        if (s.kind() == OperatorSpec.Kind.BLUR || s.kind() == OperatorSpec.Kind.SATURATE) {
            blurSigma.set(s.blurSigma());
            blurSize.set(s.blurSize());
        }
        if (s.kind() == OperatorSpec.Kind.SR || s.kind() == OperatorSpec.Kind.SR_BOX) {
            scale.set(s.scale());
        }
        noiseSigma.set(noise);
        mode.set(m);
    }

    public JsonObject toState() {
        JsonObject o = new JsonObject();
        o.addProperty("kind", kind.get().id());
        o.addProperty("blurSigma", blurSigma.get());
        o.addProperty("blurSize", blurSize.get());
        o.addProperty("scale", scale.get());
        o.addProperty("noiseSigma", noiseSigma.get());
        o.addProperty("gain", gain.get());
        o.addProperty("mode", mode.get().name().toLowerCase(java.util.Locale.ROOT));
        return o;
    }

    /** Restores {@link #toState()}; a value that no longer parses leaves the default. */
    public void fromState(JsonObject o) {
        try {
            kind.set(OperatorSpec.Kind.parse(o.get("kind").getAsString()));
            blurSigma.set(o.get("blurSigma").getAsDouble());
            blurSize.set(o.get("blurSize").getAsInt());
            scale.set(o.get("scale").getAsInt());
            noiseSigma.set(o.get("noiseSigma").getAsDouble());
            mode.set(Restorer.Mode.parse(o.get("mode").getAsString()));
            if (o.has("gain")) {
                gain.set(o.get("gain").getAsDouble());
            }
        } catch (RuntimeException e) {
            // stale or hand-edited settings: keep what is valid so far
        }
    }

    private Object build() {
        try {
            return switch (kind.get()) {
                case BLUR -> OperatorSpec.blur(blurSigma.get(), blurSize.get());
                case SR, SR_BOX -> new OperatorSpec(kind.get(), 0, 0, scale.get());
                case IDENTITY -> OperatorSpec.identity();
                case KERNEL -> kernel.get() == null ? "choose a blur kernel" : OperatorSpec.convolution(kernel.get());
                case INPAINT -> mask.get() == null ? "paint, load or simulate a mask of the missing pixels"
                        : OperatorSpec.inpaint(mask.get());
                case SATURATE -> OperatorSpec.saturate(blurSigma.get(), blurSize.get(), gain.get());
            };
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }
}
