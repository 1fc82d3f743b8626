package org.g2d2.core.metrics;

import org.g2d2.core.Image;

/** Peak signal-to-noise ratio on the [0, 1] scale (images in [−1, 1] are mapped and clamped first). */
public final class Psnr {

    private Psnr() {
    }

    /** PSNR in dB; +∞ for identical images. */
    public static double compute(Image a, Image b) {
        Ssim.requireSameShape(a, b);
        double mse = 0;
        float[] x = a.data();
        float[] y = b.data();
        for (int i = 0; i < x.length; i++) {
            double d = Ssim.unit(x[i]) - Ssim.unit(y[i]);
            mse += d * d;
        }
        mse /= x.length;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(1 / mse);
    }
}
