package org.g2d2.core.metrics;

import org.g2d2.core.Image;

/**
 * Structural similarity (Wang, Bovik, Sheikh &amp; Simoncelli 2004): an 11×11 Gaussian window with
 * σ = 1.5, K1 = 0.01, K2 = 0.03, dynamic range 1 on the [0, 1] scale, averaged over the positions
 * where the window fits inside the image ("valid", as in the authors' code) and over channels.
 * Images smaller than the window use the largest odd window that fits.
 */
public final class Ssim {

    private static final int WINDOW = 11;
    private static final double SIGMA = 1.5;
    private static final double C1 = 0.01 * 0.01;
    private static final double C2 = 0.03 * 0.03;

    private Ssim() {
    }

    public static double compute(Image a, Image b) {
        requireSameShape(a, b);
        int h = a.height();
        int w = a.width();
        int size = Math.min(WINDOW, Math.min(h, w));
        if (size % 2 == 0) {
            size--;
        }
        double[] window = gaussianWindow(size);
        int hv = h - size + 1;
        int wv = w - size + 1;
        double total = 0;
        for (int c = 0; c < a.channels(); c++) {
            for (int y0 = 0; y0 < hv; y0++) {
                for (int x0 = 0; x0 < wv; x0++) {
                    double mx = 0;
                    double my = 0;
                    double sxx = 0;
                    double syy = 0;
                    double sxy = 0;
                    for (int dy = 0; dy < size; dy++) {
                        for (int dx = 0; dx < size; dx++) {
                            double g = window[dy * size + dx];
                            double x = unit(a.get(c, y0 + dy, x0 + dx));
                            double y = unit(b.get(c, y0 + dy, x0 + dx));
                            mx += g * x;
                            my += g * y;
                            sxx += g * x * x;
                            syy += g * y * y;
                            sxy += g * x * y;
                        }
                    }
                    double vx = sxx - mx * mx;
                    double vy = syy - my * my;
                    double cov = sxy - mx * my;
                    total += ((2 * mx * my + C1) * (2 * cov + C2)) / ((mx * mx + my * my + C1) * (vx + vy + C2));
                }
            }
        }
        return total / ((double) a.channels() * hv * wv);
    }

    private static double[] gaussianWindow(int size) {
        double[] g = new double[size * size];
        int r = size / 2;
        double sum = 0;
        for (int y = -r; y <= r; y++) {
            for (int x = -r; x <= r; x++) {
                double v = Math.exp(-(x * x + y * y) / (2 * SIGMA * SIGMA));
                g[(y + r) * size + x + r] = v;
                sum += v;
            }
        }
        for (int i = 0; i < g.length; i++) {
            g[i] /= sum;
        }
        return g;
    }

    /** [−1, 1] to [0, 1], clamped. */
    static double unit(float v) {
        return Math.max(0, Math.min(1, (v + 1) * 0.5));
    }

    static void requireSameShape(Image a, Image b) {
        if (a.channels() != b.channels() || a.height() != b.height() || a.width() != b.width()) {
            throw new IllegalArgumentException("images differ in shape: " + a.channels() + "x" + a.height() + "x"
                    + a.width() + " vs " + b.channels() + "x" + b.height() + "x" + b.width());
        }
    }
}
