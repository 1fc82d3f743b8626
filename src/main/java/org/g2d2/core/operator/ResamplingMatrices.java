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
     * Antialiased bicubic downsampling by an integer factor, as the reference resizer does it: the
     * Keys kernel stretched by the factor, weights normalised over the whole support, and taps that
     * fall outside the image mirrored back in with the edge sample repeated ({@link #symmetric}).
     */
    public static float[] bicubicDown(int n, int factor) {
        int out = n / factor;
        int radius = 2 * factor;                                   // the stretched kernel's support
        float[] m = new float[out * n];
        for (int i = 0; i < out; i++) {
            double centre = (i + 0.5) * factor - 0.5;
            int first = (int) Math.floor(centre - radius);
            int last = (int) Math.ceil(centre + radius);
            double sum = 0;
            for (int j = first; j <= last; j++) {
                sum += keys((j - centre) / factor);
            }
            for (int j = first; j <= last; j++) {
                m[i * n + symmetric(j, n)] += (float) (keys((j - centre) / factor) / sum);
            }
        }
        return m;
    }

    /** Index into [0, n) mirrored at the edges repeating the edge sample (… 1 0 | 0 1 … n−1 | n−1 n−2 …). */
    static int symmetric(int j, int n) {
        int r = Math.floorMod(j, 2 * n);
        return r < n ? r : 2 * n - 1 - r;
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
