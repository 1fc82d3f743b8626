package org.g2d2.core.operator;

import org.g2d2.core.Image;

/**
 * Convolution with a 2-D kernel on plain Java images, (k ∗ x)(i, j) = Σ k(a, b) x(i + r − a, j + s − b)
 * with the image mirrored at its borders as the Gaussian blur is ("reflect", the edge sample not
 * repeated). The same map as {@link KernelOperator}; its adjoint scatters instead of gathers.
 */
public final class KernelMatrix implements LinearMap {

    private final int height;
    private final int width;
    // the kernel's non-zero taps (motion kernels are mostly zeros) and, per output pixel row / column,
    // the mirrored source index of each tap: the inner loop is then lookups and multiply-adds
    private final float[] tapWeight;
    private final int[][] tapRow;
    private final int[][] tapCol;

    public KernelMatrix(ConvolutionKernel kernel, int height, int width) {
        this.height = height;
        this.width = width;
        int r = kernel.height() / 2;
        int s = kernel.width() / 2;
        int taps = 0;
        for (float v : kernel.weights()) {
            taps += v != 0 ? 1 : 0;
        }
        tapWeight = new float[taps];
        tapRow = new int[height][taps];
        tapCol = new int[width][taps];
        int t = 0;
        for (int a = 0; a < kernel.height(); a++) {
            for (int b = 0; b < kernel.width(); b++) {
                if (kernel.at(a, b) == 0) {
                    continue;
                }
                tapWeight[t] = kernel.at(a, b);
                for (int i = 0; i < height; i++) {
                    tapRow[i][t] = ResamplingMatrices.reflect(i + r - a, height);
                }
                for (int j = 0; j < width; j++) {
                    tapCol[j][t] = ResamplingMatrices.reflect(j + s - b, width);
                }
                t++;
            }
        }
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
        int plane = height * width;
        float[] data = in.data();
        float[] out = new float[data.length];
        double[] acc = new double[plane];
        for (int c = 0; c < in.channels(); c++) {
            java.util.Arrays.fill(acc, 0);
            int base = c * plane;
            for (int i = 0; i < height; i++) {
                int[] rows = tapRow[i];
                for (int j = 0; j < width; j++) {
                    int[] cols = tapCol[j];
                    if (adjoint) {
                        double v = data[base + i * width + j];
                        for (int t = 0; t < tapWeight.length; t++) {
                            acc[rows[t] * width + cols[t]] += tapWeight[t] * v;
                        }
                    } else {
                        double sum = 0;
                        for (int t = 0; t < tapWeight.length; t++) {
                            sum += tapWeight[t] * data[base + rows[t] * width + cols[t]];
                        }
                        acc[i * width + j] = sum;
                    }
                }
            }
            for (int p = 0; p < plane; p++) {
                out[base + p] = (float) acc[p];
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
