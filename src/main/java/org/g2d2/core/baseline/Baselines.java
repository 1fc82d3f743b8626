package org.g2d2.core.baseline;

import org.g2d2.core.operator.InpaintingMask;
import org.g2d2.core.operator.LinearMap;
import org.g2d2.core.operator.SeparableMatrix;
import java.util.List;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.operator.OperatorSpec;

/**
 * The classical baselines for a task, with their parameters: the unrestored y, Wiener and
 * Richardson–Lucy for blur (Gaussian, any kernel, or over-exposed with the clip ignored), bicubic
 * and iterative back-projection for super-resolution, harmonic and biharmonic fills for inpainting.
 *
 * @param wienerNsr Wiener's noise-to-signal ratio
 * @param rlIterations Richardson–Lucy's iteration count
 * @param ibpSmoothness back-projection's smoothness weight β
 * @param tuned whether the values came from a search on training images (else defaults)
 */
public record Baselines(double wienerNsr, int rlIterations, double ibpSmoothness, boolean tuned) {

    /** Untuned defaults: nsr from the noise level (σ_y² over a signal variance of about 1/4). */
    public static Baselines defaults(double noiseSigma) {
        return new Baselines(Math.max(1e-4, noiseSigma * noiseSigma / 0.25), 20,
                IterativeBackProjection.DEFAULTS.smoothness(), false);
    }

    /** Values chosen by grid search on {@code training} (only the searches the task needs are run). */
    public static Baselines tune(OperatorSpec spec, double noiseSigma, List<org.g2d2.core.Image> training, long seed) {
        Baselines d = defaults(noiseSigma);
        BaselineTuning t = new BaselineTuning(spec, noiseSigma, training, seed);
        return switch (spec.kind()) {
            case BLUR, KERNEL, SATURATE -> new Baselines(t.tuneWiener().best(), t.tuneRichardsonLucy().best(),
                    d.ibpSmoothness(), true);
            case SR, SR_BOX -> new Baselines(d.wienerNsr(), d.rlIterations(), t.tuneBackProjection(spec.scale()).best(),
                    true);
            case IDENTITY, INPAINT -> d;
        };
    }

    /** Whether the task has a parameter to tune (harmonic inpainting has none). */
    public static boolean tunable(OperatorSpec spec) {
        return spec.kind() != OperatorSpec.Kind.IDENTITY && spec.kind() != OperatorSpec.Kind.INPAINT;
    }

    /** The baselines for {@code spec}'s task on {@code height} × {@code width} images. */
    public List<ClassicalRestorer> forTask(OperatorSpec spec, int height, int width) {
        return switch (spec.kind()) {
            case BLUR, KERNEL, SATURATE -> {
                LinearMap a = spec.linearPart(height, width);
                yield List.of(new Unrestored(), linearised(spec, new WienerDeconvolution(a, wienerNsr)),
                        linearised(spec, new RichardsonLucy(a, rlIterations)));
            }
            case SR, SR_BOX -> List.of(new BicubicUpsampling(spec.scale(), height / spec.scale(), width / spec.scale()),
                    new IterativeBackProjection((SeparableMatrix) spec.linearPart(height, width), spec.scale(),
                            IterativeBackProjection.DEFAULTS.withSmoothness(ibpSmoothness)));
            case INPAINT -> {
                InpaintingMask mask = spec.maskAt(height, width);
                yield List.of(new Unrestored(), new HarmonicInpainting(mask, false), new HarmonicInpainting(mask, true));
            }
            case IDENTITY -> throw new InvalidInputException("no classical baselines for the identity operator; "
                    + "allowed tasks: blur, sr, kernel, inpaint, saturate");
        };
    }

    /** For over-exposure, the linear restorer with the gain divided out (the clip ignored); else itself. */
    static ClassicalRestorer linearised(OperatorSpec spec, ClassicalRestorer linear) {
        return spec.kind() == OperatorSpec.Kind.SATURATE ? new GainUndone(linear, spec.gain()) : linear;
    }
}
