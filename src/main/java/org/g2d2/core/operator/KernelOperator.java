package org.g2d2.core.operator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * Convolution with any 2-D kernel as a tensor operator: the image is mirrored at its borders by a
 * separable padding map (the same "reflect" border as the Gaussian blur) and then correlated with
 * the flipped kernel by conv2d, so gradients flow through both. The adjoint runs the two backwards:
 * a full correlation with the kernel itself (conv2d with zero padding), then the padding's transpose,
 * which folds the mirrored border back onto the pixels it copied.
 */
public final class KernelOperator implements ForwardOperator {

    private final int height;
    private final int width;
    private final SeparableOperator padding;
    private final NDArray flipped;
    private final NDArray kernel;
    private final NDArray noBias;
    private final Shape fullPadding;

    public KernelOperator(NDManager manager, ConvolutionKernel k, int height, int width) {
        this.height = height;
        this.width = width;
        int r = k.height() / 2;
        int s = k.width() / 2;
        this.padding = new SeparableOperator(manager, reflectPadding(height, r), height + 2 * r, height,
                reflectPadding(width, s), width + 2 * s, width);
        float[] f = new float[k.weights().length];
        for (int i = 0; i < f.length; i++) {
            f[i] = k.weights()[f.length - 1 - i];
        }
        this.flipped = manager.create(f, new Shape(1, 1, k.height(), k.width()));
        this.kernel = manager.create(k.weights(), new Shape(1, 1, k.height(), k.width()));
        this.noBias = manager.zeros(new Shape(1));
        this.fullPadding = new Shape(2L * r, 2L * s);
    }

    /** The (n + 2r) × n map that mirrors a row of n samples by r on each side. */
    static float[] reflectPadding(int n, int r) {
        float[] m = new float[(n + 2 * r) * n];
        for (int i = 0; i < n + 2 * r; i++) {
            m[i * n + ResamplingMatrices.reflect(i - r, n)] = 1f;
        }
        return m;
    }

    @Override
    public NDArray apply(NDArray x) {
        return perChannel(padding.apply(x), flipped, new Shape(0, 0), x.getShape());
    }

    @Override
    public NDArray adjoint(NDArray y) {
        Shape s = y.getShape();
        Shape padded = new Shape(s.get(0), s.get(1), height + fullPadding.get(0), width + fullPadding.get(1));
        return padding.adjoint(perChannel(y, kernel, fullPadding, padded));
    }

    // every channel of every image through the same single-channel kernel
    private NDArray perChannel(NDArray x, NDArray weight, Shape pad, Shape outShape) {
        Shape s = x.getShape();
        NDArray flat = x.reshape(s.get(0) * s.get(1), 1, s.get(2), s.get(3));
        NDArray out = Conv2d.conv2d(flat, weight, noBias, new Shape(1, 1), pad, new Shape(1, 1), 1).singletonOrThrow();
        return out.reshape(outShape.get(0), outShape.get(1), out.getShape().get(2), out.getShape().get(3));
    }

    @Override
    public int[] outputSize(int h, int w) {
        if (h != height || w != width) {
            throw new IllegalArgumentException("operator built for " + height + "x" + width + " images; got " + h + "x"
                    + w);
        }
        return new int[] {height, width};
    }

    @Override
    public void close() {
        padding.close();
        flipped.close();
        kernel.close();
        noBias.close();
    }
}
