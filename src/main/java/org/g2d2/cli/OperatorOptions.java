package org.g2d2.cli;

import org.g2d2.core.operator.OperatorSpec;
import picocli.CommandLine.Option;

/** The degradation options shared by commands: which operator, and its parameters. */
public final class OperatorOptions extends OperatorParameters {

    @Option(names = "--operator", defaultValue = "blur",
            description = "blur, sr (antialiased bicubic), sr-box, identity, kernel (--kernel FILE), inpaint "
                    + "(a --mask option) or saturate (clip(gain * blur)). Default: ${DEFAULT-VALUE}.")
    String kind;

    /** The validated operator settings. */
    public OperatorSpec spec() {
        return spec(kind);
    }
}
