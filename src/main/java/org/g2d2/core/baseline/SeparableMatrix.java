package org.g2d2.core.baseline;

import org.g2d2.core.Image;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.operator.ResamplingMatrices;

/**
 * A separable linear map on plain Java images, X ↦ R · X · Cᵀ per channel, with R (H' × H) and
 * C (W' × W) row-major. It is the same operator as {@code SeparableOperator} (built from the same
 * {@link ResamplingMatrices}), but in doubles and without a tensor engine, so the classical
 * baselines stay small and exact.
 */
public record SeparableMatrix(double[] rows, int outHeight, int inHeight, double[] cols, int outWidth, int inWidth) {

    public SeparableMatrix {
        if (rows.length != outHeight * inHeight || cols.length != outWidth * inWidth) {
            throw new IllegalArgumentException("matrix sizes do not match " + outHeight + "x" + inHeight + " and "
                    + outWidth + "x" + inWidth);
        }
    }

    /** The forward operator A of {@code spec} for {@code height} × {@code width} images. */
    public static SeparableMatrix of(OperatorSpec spec, int height, int width) {
        return switch (spec.kind()) {
            case BLUR -> new SeparableMatrix(
                    toDouble(ResamplingMatrices.gaussianBlur(height, spec.blurSize(), spec.blurSigma())), height, height,
                    toDouble(ResamplingMatrices.gaussianBlur(width, spec.blurSize(), spec.blurSigma())), width, width);
            case SR, SR_BOX -> {
                int s = spec.scale();
                if (height % s != 0 || width % s != 0) {
                    throw new org.g2d2.core.InvalidInputException("a " + height + "x" + width
                            + " image cannot be downsampled by " + s + "; its sides must be multiples of the scale");
                }
                boolean box = spec.kind() == OperatorSpec.Kind.SR_BOX;
                yield new SeparableMatrix(
                        toDouble(box ? ResamplingMatrices.boxDown(height, s) : ResamplingMatrices.bicubicDown(height, s)),
                        height / s, height,
                        toDouble(box ? ResamplingMatrices.boxDown(width, s) : ResamplingMatrices.bicubicDown(width, s)),
                        width / s, width);
            }
            case IDENTITY -> new SeparableMatrix(toDouble(ResamplingMatrices.identity(height)), height, height,
                    toDouble(ResamplingMatrices.identity(width)), width, width);
        };
    }

    /** The transposed operator Aᵀ: Y ↦ Rᵀ · Y · C. */
    public SeparableMatrix transpose() {
        return new SeparableMatrix(transpose(rows, outHeight, inHeight), inHeight, outHeight,
                transpose(cols, outWidth, inWidth), inWidth, outWidth);
    }

    /** A(x) for every channel of {@code x}. */
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

    static double[] toDouble(float[] m) {
        double[] d = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            d[i] = m[i];
        }
        return d;
    }

    static double[] transpose(double[] m, int r, int c) {
        double[] t = new double[m.length];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                t[j * r + i] = m[i * c + j];
            }
        }
        return t;
    }
}
