package org.g2d2.core.operator;

import org.g2d2.core.Image;

/**
 * Convolution with a 2-D kernel on plain Java images, (k ∗ x)(i, j) = Σ k(a, b) x(i + r − a, j + s − b)
 * with the image mirrored at its borders as the Gaussian blur is ("reflect", the edge sample not
 * repeated). The same map as {@link KernelOperator}; its adjoint scatters instead of gathers.
 */
public final class KernelMatrix implements LinearMap {

    private final ConvolutionKernel kernel;
    private final int height;
    private final int width;

    public KernelMatrix(ConvolutionKernel kernel, int height, int width) {
        this.kernel = kernel;
        this.height = height;
        this.width = width;
    }

    @Override
    public Image apply(Image x) {
        return run(x, false);
    }

    @Override
    public Image adjoint(Image y) {
        return run(y, true);
    }

    private Image run(Image in, boolean adjoint) {
        LinearMap.requireSize(in, height, width);
        int r = kernel.height() / 2;
        int s = kernel.width() / 2;
        int plane = height * width;
        float[] out = new float[in.data().length];
        double[] acc = new double[plane];
        for (int c = 0; c < in.channels(); c++) {
            java.util.Arrays.fill(acc, 0);
            for (int i = 0; i < height; i++) {
                for (int j = 0; j < width; j++) {
                    double v = adjoint ? in.data()[c * plane + i * width + j] : 0;
                    for (int a = 0; a < kernel.height(); a++) {
                        int row = ResamplingMatrices.reflect(i + r - a, height);
                        for (int b = 0; b < kernel.width(); b++) {
                            int src = row * width + ResamplingMatrices.reflect(j + s - b, width);
                            if (adjoint) {
                                acc[src] += kernel.at(a, b) * v;
                            } else {
                                acc[i * width + j] += kernel.at(a, b) * in.data()[c * plane + src];
                            }
                        }
                    }
                }
            }
            for (int p = 0; p < plane; p++) {
                out[c * plane + p] = (float) acc[p];
            }
        }
        return new Image(in.channels(), height, width, out);
    }

    @Override
    public int inHeight() {
        return height;
    }

    @Override
    public int inWidth() {
        return width;
    }

    @Override
    public int outHeight() {
        return height;
    }

    @Override
    public int outWidth() {
        return width;
    }
}
