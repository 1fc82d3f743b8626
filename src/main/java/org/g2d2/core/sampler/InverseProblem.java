package org.g2d2.core.sampler;

import org.g2d2.core.Image;
import org.g2d2.core.operator.ForwardOperator;

/**
 * What the sampler solves: find x with y ≈ A(x), y measured with noise of standard deviation σ_y.
 *
 * @param operator A, built for the pack's image size on the pack's device
 * @param measurement y, on the [−1, 1] scale
 * @param noiseSigma σ_y
 */
public record InverseProblem(ForwardOperator operator, Image measurement, double noiseSigma) {
}
