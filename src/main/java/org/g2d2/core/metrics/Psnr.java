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

    /**
     * PSNR over the pixels where {@code include} (one plane, row-major) is true, in every channel:
     * inpainting's score in the hole. NaN when no pixel is included.
     */
    public static double over(Image a, Image b, boolean[] include) {
        Ssim.requireSameShape(a, b);
        int plane = a.height() * a.width();
        if (include.length != plane) {
            throw new IllegalArgumentException("region has " + include.length + " pixels; the image " + plane);
        }
        double mse = 0;
        int n = 0;
        for (int i = 0; i < a.data().length; i++) {
            if (include[i % plane]) {
                double d = Ssim.unit(a.data()[i]) - Ssim.unit(b.data()[i]);
                mse += d * d;
                n++;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        mse /= n;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(1 / mse);
    }
}
