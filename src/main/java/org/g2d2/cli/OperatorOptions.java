package org.g2d2.cli;

import org.g2d2.core.operator.MeasurementNoise;
import org.g2d2.core.operator.OperatorSpec;
import picocli.CommandLine.Option;

/** The degradation options shared by commands. */
public final class OperatorOptions {

    @Option(names = "--operator", defaultValue = "blur",
            description = "blur, sr (antialiased bicubic), sr-box or identity. Default: ${DEFAULT-VALUE}.")
    String kind;

    @Option(names = "--blur-sigma", defaultValue = "1.5", description = "Gaussian blur std in pixels. Default: ${DEFAULT-VALUE}.")
    double blurSigma;

    @Option(names = "--blur-size", defaultValue = "9", description = "Odd blur kernel size in pixels. Default: ${DEFAULT-VALUE}.")
    int blurSize;

    @Option(names = "--scale", defaultValue = "4", description = "Downsampling factor for sr: 2 or 4. Default: ${DEFAULT-VALUE}.")
    int scale;

    @Option(names = "--noise", defaultValue = "0.05", description = "Measurement noise sigma_y on the [-1, 1] scale. "
            + "Default: ${DEFAULT-VALUE}.")
    double noise;

    /** The validated operator settings. */
    public OperatorSpec spec() {
        MeasurementNoise.validate(noise);
        OperatorSpec.Kind k = OperatorSpec.Kind.parse(kind);
        return new OperatorSpec(k, blurSigma, blurSize, k == OperatorSpec.Kind.SR || k == OperatorSpec.Kind.SR_BOX ? scale : 1);
    }

    public double noise() {
        return noise;
    }
}
