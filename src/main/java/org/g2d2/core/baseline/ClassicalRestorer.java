package org.g2d2.core.baseline;

import org.g2d2.core.Image;

/**
 * A classical (prior-free, learning-free) restoration method for a fixed operator, noise level
 * and image size: it maps a measurement y to an estimate x̂ in [−1, 1].
 */
public interface ClassicalRestorer {

    /** A short identifier for tables and file names, e.g. "wiener". */
    String name();

    /** The method's parameters in one line, e.g. "nsr=0.01". */
    String parameters();

    /** x̂ from y; the result is clamped to [−1, 1]. */
    Image restore(Image measurement);
}
