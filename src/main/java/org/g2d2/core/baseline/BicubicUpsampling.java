package org.g2d2.core.baseline;

import org.g2d2.core.operator.SeparableMatrix;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.operator.ResamplingMatrices;

/**
 * Bicubic upsampling by an integer factor with Keys' cubic convolution kernel (a = −0.5): output
 * pixel i samples the input at (i + 0.5)/s − 0.5 (pixel centres aligned, as in the usual
 * "half-pixel" convention), from the 4 × 4 nearest input pixels, edges replicated.
 */
public final class BicubicUpsampling implements ClassicalRestorer {

    private final int scale;
    private final SeparableMatrix upsampler;

    /** @param scale s ≥ 1; {@code lowHeight} × {@code lowWidth} is the measurement's size */
    public BicubicUpsampling(int scale, int lowHeight, int lowWidth) {
        if (scale < 1 || scale > 16) {
            throw new InvalidInputException("upsampling scale must be from 1 to 16; found " + scale);
        }
        this.scale = scale;
        this.upsampler = new SeparableMatrix(matrix(lowHeight, scale), lowHeight * scale, lowHeight,
                matrix(lowWidth, scale), lowWidth * scale, lowWidth);
    }

    @Override
    public String name() {
        return "bicubic";
    }

    @Override
    public String parameters() {
        return "scale=" + scale + " keys a=" + ResamplingMatrices.KEYS_A;
    }

    /** The upsampling as a separable matrix (it is also IBP's back-projection). */
    public SeparableMatrix upsampler() {
        return upsampler;
    }

    @Override
    public Image restore(Image y) {
        return upsampler.apply(y).clamped();
    }

    /** The (n·s × n) interpolation matrix. */
    static double[] matrix(int n, int scale) {
        int out = n * scale;
        double[] m = new double[out * n];
        for (int i = 0; i < out; i++) {
            double u = (i + 0.5) / scale - 0.5;
            int j0 = (int) Math.floor(u);
            for (int k = -1; k <= 2; k++) {
                int j = Math.max(0, Math.min(n - 1, j0 + k));
                m[i * n + j] += ResamplingMatrices.keys(u - (j0 + k));
            }
        }
        return m;
    }
}
