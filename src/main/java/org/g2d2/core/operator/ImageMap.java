package org.g2d2.core.operator;

import org.g2d2.core.Image;

/**
 * A degradation on plain Java images, without a tensor engine: what the classical baselines and
 * the metrics use. It is the same map as the {@link ForwardOperator} its spec builds.
 */
public interface ImageMap {

    /** A(x) for every channel of {@code x}. */
    Image apply(Image x);
}
