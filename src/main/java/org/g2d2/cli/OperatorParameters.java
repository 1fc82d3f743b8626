package org.g2d2.cli;

import java.nio.file.Path;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.io.OperatorFiles;
import org.g2d2.core.operator.MaskSpec;
import org.g2d2.core.operator.MeasurementNoise;
import org.g2d2.core.operator.OperatorSpec;
import picocli.CommandLine.Option;

/**
 * The parameters of a degradation, shared by every command that degrades: blur width and kernel
 * size, the down-sampling factor, a kernel file, an inpainting mask, the exposure gain and the
 * measurement noise σ_y. {@link OperatorOptions} adds the choice of operator; {@code eval} chooses
 * it with its task instead.
 */
class OperatorParameters {

    @Option(names = "--blur-sigma", defaultValue = "1.5", description = "Gaussian blur std in pixels. Default: ${DEFAULT-VALUE}.")
    double blurSigma;

    @Option(names = "--blur-size", defaultValue = "9", description = "Odd blur kernel size in pixels. Default: ${DEFAULT-VALUE}.")
    int blurSize;

    @Option(names = "--scale", defaultValue = "4", description = "Downsampling factor for sr: 2 or 4. Default: ${DEFAULT-VALUE}.")
    int scale;

    @Option(names = "--kernel", paramLabel = "FILE", description = "Blur kernel for the kernel operator: a grey "
            + "image (PNG) or a text matrix (.txt/.csv); odd sides up to 63; normalised to sum 1.")
    Path kernel;

    @Option(names = "--mask", paramLabel = "FILE", description = "Inpainting mask image, white = known pixel, the "
            + "image's size.")
    Path mask;

    @Option(names = "--mask-box", paramLabel = "N", description = "Simulated mask: an NxN hole at a random position.")
    Integer maskBox;

    @Option(names = "--mask-random", paramLabel = "F", description = "Simulated mask: each pixel missing with "
            + "probability F (0 < F < 1).")
    Double maskRandom;

    @Option(names = "--mask-scribbles", paramLabel = "N", description = "Simulated mask: N random scribbles.")
    Integer maskScribbles;

    @Option(names = "--mask-seed", defaultValue = "0", paramLabel = "S", description = "Seed of a simulated mask "
            + "(eval draws one per image from it). Default: ${DEFAULT-VALUE}.")
    long maskSeed;

    @Option(names = "--gain", defaultValue = "1.5", paramLabel = "G", description = "Exposure gain g > 1 of the "
            + "saturate operator: y = clip(g * blur(x)) on [0, 1]. Default: ${DEFAULT-VALUE}.")
    double gain;

    @Option(names = "--noise", defaultValue = "0.05", description = "Measurement noise sigma_y on the [-1, 1] scale. "
            + "Default: ${DEFAULT-VALUE}.")
    double noise;

    public double noise() {
        return noise;
    }

    /** The validated operator of kind {@code kindId}, reading its kernel or mask file where it has one. */
    OperatorSpec spec(String kindId) {
        MeasurementNoise.validate(noise);
        OperatorSpec.Kind k = OperatorSpec.Kind.parse(kindId);
        if (kernel != null && k != OperatorSpec.Kind.KERNEL) {
            throw new InvalidInputException("--kernel applies to the kernel operator only; found " + k.id());
        }
        MaskSpec m = maskSpec();
        if (m != null && k != OperatorSpec.Kind.INPAINT) {
            throw new InvalidInputException("--mask options apply to the inpaint operator only; found " + k.id());
        }
        return switch (k) {
            case KERNEL -> {
                if (kernel == null) {
                    throw new InvalidInputException("the kernel operator needs --kernel FILE");
                }
                yield OperatorSpec.convolution(OperatorFiles.readKernel(kernel));
            }
            case INPAINT -> OperatorSpec.inpaint(m);
            case SATURATE -> OperatorSpec.saturate(blurSigma, blurSize, gain);
            case SR, SR_BOX -> new OperatorSpec(k, blurSigma, blurSize, scale);
            case BLUR, IDENTITY -> new OperatorSpec(k, blurSigma, blurSize, 1);
        };
    }

    private MaskSpec maskSpec() {
        int given = (mask != null ? 1 : 0) + (maskBox != null ? 1 : 0) + (maskRandom != null ? 1 : 0)
                + (maskScribbles != null ? 1 : 0);
        if (given > 1) {
            throw new InvalidInputException("choose one mask: --mask, --mask-box, --mask-random or --mask-scribbles; "
                    + "found " + given);
        }
        if (mask != null) {
            return MaskSpec.given(OperatorFiles.readMask(mask));
        }
        if (maskBox != null) {
            return MaskSpec.box(maskBox, maskSeed);
        }
        if (maskRandom != null) {
            return MaskSpec.random(maskRandom, maskSeed);
        }
        return maskScribbles == null ? null : MaskSpec.scribbles(maskScribbles, maskSeed);
    }
}
