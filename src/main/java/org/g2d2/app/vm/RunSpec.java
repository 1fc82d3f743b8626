package org.g2d2.app.vm;

import org.g2d2.core.Image;
import org.g2d2.core.Restorer;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.SamplerSettings;

/** Everything a run was started with, captured on the UI thread before the work leaves it. */
public record RunSpec(InputSource source, Restorer.Mode mode, OperatorSpec operator, double noiseSigma,
                      SamplerSettings settings) {

    /** The size the run restores at. */
    public SizeModel.Size restoredSize() {
        Image in = source.image();
        return SizeModel.restoredSize(mode, operator, in.height(), in.width());
    }
}
