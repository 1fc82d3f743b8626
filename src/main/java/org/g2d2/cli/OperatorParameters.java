package org.g2d2.cli;

import picocli.CommandLine.Option;

/**
 * The parameters of a degradation, shared by every command that degrades: blur width and kernel
 * size, the down-sampling factor, and the measurement noise σ_y. {@link OperatorOptions} adds the
 * choice of operator; {@code eval} chooses it with its task instead.
 */
class OperatorParameters {

    @Option(names = "--blur-sigma", defaultValue = "1.5", description = "Gaussian blur std in pixels. Default: ${DEFAULT-VALUE}.")
    double blurSigma;

    @Option(names = "--blur-size", defaultValue = "9", description = "Odd blur kernel size in pixels. Default: ${DEFAULT-VALUE}.")
    int blurSize;

    @Option(names = "--scale", defaultValue = "4", description = "Downsampling factor for sr: 2 or 4. Default: ${DEFAULT-VALUE}.")
    int scale;

    @Option(names = "--noise", defaultValue = "0.05", description = "Measurement noise sigma_y on the [-1, 1] scale. "
            + "Default: ${DEFAULT-VALUE}.")
    double noise;

    public double noise() {
        return noise;
    }
}
