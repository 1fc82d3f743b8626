package org.g2d2.core.baseline;

import org.g2d2.core.operator.LinearMap;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;

/**
 * Richardson–Lucy deconvolution: the multiplicative EM iteration for Poisson data,
 * u ← u · Aᵀ(y / A u) / Aᵀ1, run on images shifted to [0, 1] (it needs non-negative values; the
 * operator's rows sum to one, so A((x + 1)/2) = (A x + 1)/2 and the shift is exact). Noisy
 * measurement values below zero are clipped to zero. The number of iterations is the only
 * regulariser: few iterations stay smooth, many sharpen and amplify noise.
 *
 * @see BaselineTuning#tuneRichardsonLucy for choosing the iterations on training images
 */
public final class RichardsonLucy implements ClassicalRestorer {

    /** Keeps A u away from zero where the image is black. */
    private static final double FLOOR = 1e-4;

    private final LinearMap operator;
    private final int iterations;
    private final Image adjointOfOnes;

    /** @param iterations the number of EM updates, 1 … 10000 */
    public RichardsonLucy(LinearMap operator, int iterations) {
        if (iterations < 1 || iterations > 10_000) {
            throw new InvalidInputException("Richardson-Lucy iterations must be from 1 to 10000; found " + iterations);
        }
        this.operator = operator;
        this.iterations = iterations;
        float[] ones = new float[operator.outHeight() * operator.outWidth()];
        java.util.Arrays.fill(ones, 1f);
        this.adjointOfOnes = operator.adjoint(new Image(1, operator.outHeight(), operator.outWidth(), ones));
    }

    @Override
    public String name() {
        return "richardson-lucy";
    }

    @Override
    public String parameters() {
        return "iterations=" + iterations;
    }

    public int iterations() {
        return iterations;
    }

    @Override
    public Image restore(Image y) {
        int channels = y.channels();
        float[] y01 = new float[y.data().length];
        for (int i = 0; i < y01.length; i++) {
            y01[i] = Math.max(0f, (y.data()[i] + 1) / 2);
        }
        Image data = new Image(channels, y.height(), y.width(), y01);
        // start from a flat image at the measurement's mean: RL keeps the total intensity
        double mean = 0;
        for (float v : y01) {
            mean += v;
        }
        mean = Math.max(mean / y01.length, FLOOR);
        int plane = operator.inHeight() * operator.inWidth();
        float[] u = new float[channels * plane];
        java.util.Arrays.fill(u, (float) mean);
        for (int k = 0; k < iterations; k++) {
            Image au = operator.apply(new Image(channels, operator.inHeight(), operator.inWidth(), u));
            float[] ratio = new float[au.data().length];
            for (int i = 0; i < ratio.length; i++) {
                ratio[i] = (float) (data.data()[i] / Math.max(au.data()[i], FLOOR));
            }
            Image back = operator.adjoint(new Image(channels, y.height(), y.width(), ratio));
            for (int i = 0; i < u.length; i++) {
                u[i] = (float) (u[i] * back.data()[i] / Math.max(adjointOfOnes.data()[i % plane], FLOOR));
            }
        }
        float[] x = new float[u.length];
        for (int i = 0; i < u.length; i++) {
            x[i] = 2 * u[i] - 1;
        }
        return new Image(channels, operator.inHeight(), operator.inWidth(), x).clamped();
    }
}
