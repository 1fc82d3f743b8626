package org.g2d2.cli;

import org.g2d2.core.operator.MeasurementNoise;
import org.g2d2.core.operator.OperatorSpec;
import picocli.CommandLine.Option;

/** The degradation options shared by commands: which operator, and its parameters. */
public final class OperatorOptions extends OperatorParameters {

    @Option(names = "--operator", defaultValue = "blur",
            description = "blur, sr (antialiased bicubic), sr-box or identity. Default: ${DEFAULT-VALUE}.")
    String kind;

    /** The validated operator settings. */
    public OperatorSpec spec() {
        MeasurementNoise.validate(noise);
        OperatorSpec.Kind k = OperatorSpec.Kind.parse(kind);
        return new OperatorSpec(k, blurSigma, blurSize, k == OperatorSpec.Kind.SR || k == OperatorSpec.Kind.SR_BOX ? scale : 1);
    }
}
