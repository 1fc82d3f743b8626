package org.g2d2.app.vm;

import org.g2d2.core.Image;
import org.g2d2.core.Restorer;

/**
 * A finished restoration with what is needed to save or repeat it.
 *
 * @param input the image handed to the restorer (truth in simulate mode, y in measured mode)
 * @param device the device that ran it ("cpu", "gpu(0)")
 */
public record RunResult(RunSpec spec, Image input, Restorer.Outcome outcome, String device) {
}
