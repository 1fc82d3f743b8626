package org.g2d2.core.operator;

import org.g2d2.core.Image;

/**
 * A separable linear map on plain Java images, X ↦ R · X · Cᵀ per channel, with R (H' × H) and
 * C (W' × W) row-major. It is the same operator as {@code SeparableOperator} (built from the same
 * {@link ResamplingMatrices}), but in doubles and without a tensor engine, so the classical
 * baselines stay small and exact.
 */
public record SeparableMatrix(double[] rows, int outHeight, int inHeight, double[] cols, int outWidth, int inWidth)
        implements LinearMap {

    public SeparableMatrix {
        if (rows.length != outHeight * inHeight || cols.length != outWidth * inWidth) {
            throw new IllegalArgumentException("matrix sizes do not match " + outHeight + "x" + inHeight + " and "
                    + outWidth + "x" + inWidth);
        }
    }

    /** The forward operator A of {@code spec} for {@code height} × {@code width} images, when it is separable. */
    public static SeparableMatrix of(OperatorSpec spec, int height, int width) {
        if (spec.linearPart(height, width) instanceof SeparableMatrix s) {
            return s;
        }
        throw new IllegalArgumentException(spec.describe() + " is not a separable operator");
    }

    /** A Gaussian blur of odd {@code size} taps, reflect padding (as {@link ResamplingMatrices#gaussianBlur}). */
    public static SeparableMatrix gaussianBlur(int height, int width, int size, double sigma) {
        return new SeparableMatrix(toDouble(ResamplingMatrices.gaussianBlur(height, size, sigma)), height, height,
                toDouble(ResamplingMatrices.gaussianBlur(width, size, sigma)), width, width);
    }

    /** Downsampling by {@code scale}: box average or antialiased bicubic. */
    public static SeparableMatrix downsampling(int height, int width, int scale, boolean box) {
        return new SeparableMatrix(
                toDouble(box ? ResamplingMatrices.boxDown(height, scale) : ResamplingMatrices.bicubicDown(height, scale)),
                height / scale, height,
                toDouble(box ? ResamplingMatrices.boxDown(width, scale) : ResamplingMatrices.bicubicDown(width, scale)),
                width / scale, width);
    }

    public static SeparableMatrix identity(int height, int width) {
        return new SeparableMatrix(toDouble(ResamplingMatrices.identity(height)), height, height,
                toDouble(ResamplingMatrices.identity(width)), width, width);
    }

    /** The same map as a tensor operator on {@code manager}'s device. */
    public SeparableOperator toOperator(ai.djl.ndarray.NDManager manager) {
        return new SeparableOperator(manager, toFloat(rows), outHeight, inHeight, toFloat(cols), outWidth, inWidth);
    }

    @Override
    public Image adjoint(Image y) {
        return transpose().apply(y);
    }

    /** The transposed operator Aᵀ: Y ↦ Rᵀ · Y · C. */
    public SeparableMatrix transpose() {
        return new SeparableMatrix(transpose(rows, outHeight, inHeight), inHeight, outHeight,
                transpose(cols, outWidth, inWidth), inWidth, outWidth);
    }

    @Override
    public Image apply(Image x) {
        if (x.height() != inHeight || x.width() != inWidth) {
            throw new IllegalArgumentException("operator takes " + inHeight + "x" + inWidth + " images; got "
                    + x.height() + "x" + x.width());
        }
        int plane = inHeight * inWidth;
        int outPlane = outHeight * outWidth;
        float[] out = new float[x.channels() * outPlane];
        double[] tmp = new double[inHeight * outWidth];
        for (int c = 0; c < x.channels(); c++) {
            int base = c * plane;
            // X · Cᵀ first (H × W'), then R · (…)
            for (int i = 0; i < inHeight; i++) {
                for (int j = 0; j < outWidth; j++) {
                    double s = 0;
                    for (int k = 0; k < inWidth; k++) {
                        s += x.data()[base + i * inWidth + k] * cols[j * inWidth + k];
                    }
                    tmp[i * outWidth + j] = s;
                }
            }
            for (int i = 0; i < outHeight; i++) {
                for (int j = 0; j < outWidth; j++) {
                    double s = 0;
                    for (int k = 0; k < inHeight; k++) {
                        s += rows[i * inHeight + k] * tmp[k * outWidth + j];
                    }
                    out[c * outPlane + i * outWidth + j] = (float) s;
                }
            }
        }
        return new Image(x.channels(), outHeight, outWidth, out);
    }

    static float[] toFloat(double[] m) {
        float[] f = new float[m.length];
        for (int i = 0; i < m.length; i++) {
            f[i] = (float) m[i];
        }
        return f;
    }

    static double[] toDouble(float[] m) {
        double[] d = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            d[i] = m[i];
        }
        return d;
    }

    public static double[] transpose(double[] m, int r, int c) {
        double[] t = new double[m.length];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                t[j * r + i] = m[i * c + j];
            }
        }
        return t;
    }
}
