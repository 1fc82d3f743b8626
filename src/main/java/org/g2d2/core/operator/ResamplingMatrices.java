package org.g2d2.core.operator;

/** The 1-D matrices that blur and downsampling are built from (row-major, out × in). */
public final class ResamplingMatrices {

    /** Keys' cubic convolution parameter, as in the paper's bicubic downsampling. */
    public static final double KEYS_A = -0.5;

    private ResamplingMatrices() {
    }

    public static float[] identity(int n) {
        float[] m = new float[n * n];
        for (int i = 0; i < n; i++) {
            m[i * n + i] = 1f;
        }
        return m;
    }

    /** A normalised Gaussian of odd {@code size} taps and standard deviation {@code sigma}, reflect padding. */
    public static float[] gaussianBlur(int n, int size, double sigma) {
        int radius = size / 2;
        double[] taps = new double[size];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            taps[k + radius] = Math.exp(-0.5 * k * k / (sigma * sigma));
            sum += taps[k + radius];
        }
        float[] m = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = -radius; k <= radius; k++) {
                m[i * n + reflect(i + k, n)] += (float) (taps[k + radius] / sum);
            }
        }
        return m;
    }

    /** Index into [0, n) mirrored at the edges without repeating the edge sample (PyTorch's "reflect"). */
    static int reflect(int j, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int r = Math.floorMod(j, period);
        return r < n ? r : period - r;
    }

    /**
     * Antialiased bicubic downsampling by an integer factor: the Keys kernel stretched by the
     * factor, taps outside the image dropped and the rest renormalised.
     */
    public static float[] bicubicDown(int n, int factor) {
        int out = n / factor;
        float[] m = new float[out * n];
        for (int i = 0; i < out; i++) {
            double centre = (i + 0.5) * factor - 0.5;
            double sum = 0;
            double[] w = new double[n];
            for (int j = 0; j < n; j++) {
                w[j] = keys((j - centre) / factor);
                sum += w[j];
            }
            for (int j = 0; j < n; j++) {
                m[i * n + j] = (float) (w[j] / sum);
            }
        }
        return m;
    }

    /** Box average over each block of {@code factor} samples. */
    public static float[] boxDown(int n, int factor) {
        int out = n / factor;
        float[] m = new float[out * n];
        for (int i = 0; i < out; i++) {
            for (int j = i * factor; j < (i + 1) * factor; j++) {
                m[i * n + j] = 1f / factor;
            }
        }
        return m;
    }

    /** Keys' cubic convolution kernel with a = −0.5. */
    public static double keys(double x) {
        double a = KEYS_A;
        double t = Math.abs(x);
        if (t <= 1) {
            return ((a + 2) * t - (a + 3)) * t * t + 1;
        }
        if (t < 2) {
            return ((a * t - 5 * a) * t + 8 * a) * t - 4 * a;
        }
        return 0;
    }
}
