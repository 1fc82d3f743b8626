package org.g2d2.core.operator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Inpainting's A x = M ⊙ x as a tensor operator: self-adjoint, zero where a pixel is missing. */
public final class MaskOperator implements ForwardOperator {

    private final InpaintingMask mask;
    private final NDArray weights;

    public MaskOperator(NDManager manager, InpaintingMask mask) {
        this.mask = mask;
        this.weights = manager.create(mask.weights(), new Shape(1, 1, mask.height(), mask.width()));
    }

    @Override
    public NDArray apply(NDArray x) {
        return x.mul(weights);
    }

    @Override
    public NDArray adjoint(NDArray y) {
        return y.mul(weights);
    }

    @Override
    public int[] outputSize(int height, int width) {
        if (height != mask.height() || width != mask.width()) {
            throw new IllegalArgumentException("mask is " + mask.height() + "x" + mask.width() + "; got " + height + "x"
                    + width);
        }
        return new int[] {height, width};
    }

    @Override
    public void close() {
        weights.close();
    }
}
