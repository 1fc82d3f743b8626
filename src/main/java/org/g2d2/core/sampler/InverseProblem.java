package org.g2d2.core.sampler;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import org.g2d2.core.Image;
import org.g2d2.core.operator.ForwardOperator;

/**
 * What the sampler solves: find x with y ≈ A(x), y measured with noise of standard deviation σ_y.
 *
 * @param operator A, built for the image's size on the pack's device
 * @param measurement y, on the [−1, 1] scale
 * @param noiseSigma σ_y
 * @param blockHeight with {@code blockWidth}: the misfit is the sum of the L2 norms of blocks of
 *     y of this size (0: one block, the paper's plain norm over all of y)
 */
public record InverseProblem(ForwardOperator operator, Image measurement, double noiseSigma, int blockHeight,
                             int blockWidth) {

    /** The paper's misfit: the plain norm over the whole measurement. */
    public InverseProblem(ForwardOperator operator, Image measurement, double noiseSigma) {
        this(operator, measurement, noiseSigma, 0, 0);
    }

    /**
     * ‖y − A(x̂)‖₂ (not squared) from the residual (1, C, H', W'); with blocks, Σ_b ‖r_b‖ over blocks
     * of the pack's measurement size (the last ones padded with zeros), so that every block weighs
     * its residual as one image of the pack's size would — however large the image.
     */
    public NDArray misfit(NDArray residual) {
        Shape s = residual.getShape();
        long h = s.get(2);
        long w = s.get(3);
        if (blockHeight <= 0 || blockWidth <= 0 || (h <= blockHeight && w <= blockWidth)) {
            return residual.norm();
        }
        long rows = (h + blockHeight - 1) / blockHeight;
        long cols = (w + blockWidth - 1) / blockWidth;
        NDArray r = padWithZeros(residual, 2, rows * blockHeight - h);
        r = padWithZeros(r, 3, cols * blockWidth - w);
        return r.reshape(s.get(0), s.get(1), rows, blockHeight, cols, blockWidth).square()
                .sum(new int[] {0, 1, 3, 5}).sqrt().sum();
    }

    private static NDArray padWithZeros(NDArray a, int axis, long extra) {
        if (extra == 0) {
            return a;
        }
        long[] shape = a.getShape().getShape().clone();
        shape[axis] = extra;
        return NDArrays.concat(new NDList(a, a.getManager().zeros(new Shape(shape), a.getDataType())), axis);
    }
}
