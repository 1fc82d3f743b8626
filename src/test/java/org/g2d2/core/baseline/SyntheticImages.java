package org.g2d2.core.baseline;

import org.g2d2.core.Image;

/** Smooth synthetic test images in [−1, 1]. */
public final class SyntheticImages {

    private SyntheticImages() {
    }

    /** A few Gaussian blobs over a gentle diagonal gradient; {@code variant} moves the blobs. */
    public static Image blobs(int size, int variant) {
        float[] d = new float[size * size];
        double[][] centres = {{0.3, 0.35, 0.12}, {0.65, 0.6, 0.18}, {0.5, 0.8, 0.08}};
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double u = (double) x / size;
                double v = (double) y / size;
                double val = -0.8 + 0.4 * (u + v) / 2;
                for (double[] c : centres) {
                    double cx = (c[0] + 0.07 * variant) % 1.0;
                    double cy = (c[1] + 0.05 * variant) % 1.0;
                    double r2 = (u - cx) * (u - cx) + (v - cy) * (v - cy);
                    val += 1.2 * Math.exp(-r2 / (2 * c[2] * c[2]));
                }
                d[y * size + x] = (float) Math.max(-1, Math.min(1, val));
            }
        }
        return new Image(1, size, size, d);
    }

    /** A bright rectangle and a grey disc with hard edges on a dark background, like a clothing item. */
    static Image shapes(int size) {
        float[] d = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double v = -0.9;
                if (x >= size / 5 && x < size / 2 && y >= size / 6 && y < 5 * size / 6) {
                    v = 0.7;
                }
                double dx = x - 0.7 * size;
                double dy = y - 0.45 * size;
                if (dx * dx + dy * dy < size * size / 30.0) {
                    v = 0.1;
                }
                d[y * size + x] = (float) v;
            }
        }
        return new Image(1, size, size, d);
    }

    /** A linear ramp from −0.8 to 0.8 along x plus a small one along y. */
    static Image ramp(int size) {
        float[] d = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                d[y * size + x] = (float) (-0.8 + 1.4 * x / (size - 1) + 0.2 * y / (size - 1));
            }
        }
        return new Image(1, size, size, d);
    }

    static double residualNorm(Image y, Image ax) {
        double s = 0;
        for (int i = 0; i < y.data().length; i++) {
            double d = y.data()[i] - ax.data()[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
