package org.g2d2.core.colour;

import org.g2d2.core.Image;
import org.g2d2.core.baseline.Baselines;
import org.g2d2.core.baseline.BicubicUpsampling;
import org.g2d2.core.baseline.ClassicalRestorer;
import org.g2d2.core.operator.OperatorSpec;

/**
 * Restores a chroma plane of a measurement with the classical method for the task: Wiener
 * deconvolution for blur (Richardson–Lucy needs positive values, chroma is signed), the harmonic
 * fill for inpainting, bicubic
 * upsampling for super-resolution, the measurement itself for the identity. Chroma is smooth in
 * most pictures and the eye is less sensitive to its detail, so this is where a grey prior's
 * effort is not needed.
 */
public final class ChromaRestorer {

    private final OperatorSpec spec;
    private final double noiseSigma;
    private final int height;
    private final int width;
    private ClassicalRestorer classical;

    /** @param height the restored image's rows; {@code width} its columns */
    public ChromaRestorer(OperatorSpec spec, double noiseSigma, int height, int width) {
        this.spec = spec;
        this.noiseSigma = noiseSigma;
        this.height = height;
        this.width = width;
    }

    /** The method's name for run records. */
    public String method() {
        return switch (spec.kind()) {
            case BLUR, KERNEL, SATURATE -> "wiener";
            case SR, SR_BOX -> "bicubic";
            case INPAINT -> "harmonic";
            case IDENTITY -> "measurement";
        };
    }

    /** x̂ of one chroma plane from its measurement. */
    public Image restore(Image measuredPlane) {
        return switch (spec.kind()) {
            case BLUR, KERNEL, SATURATE, INPAINT -> {
                if (classical == null) {
                    // Wiener with the default nsr for every blur, the harmonic fill for holes
                    classical = Baselines.defaults(noiseSigma).forTask(spec, height, width).get(1);
                }
                yield classical.restore(measuredPlane);
            }
            case SR, SR_BOX -> new BicubicUpsampling(spec.scale(), height / spec.scale(), width / spec.scale())
                    .restore(measuredPlane);
            case IDENTITY -> measuredPlane;
        };
    }
}
