package org.g2d2.core.baseline;

import org.g2d2.core.operator.LinearMap;
import org.g2d2.core.operator.SeparableMatrix;
import java.util.Locale;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;

/**
 * Wiener deconvolution with a constant noise-to-signal ratio: x̂ = ȳ + (AᵀA + nsr·I)⁻¹ Aᵀ (y − ȳ),
 * with ȳ the measurement's mean (the filter models a zero-mean signal).
 *
 * <p>The classical Wiener filter X̂(ω) = H*(ω) Y(ω) / (|H(ω)|² + nsr) is this formula in the
 * basis that diagonalises the blur. With reflect padding the blur is not circulant, so an FFT
 * would wrap the borders around; instead the filter is applied in the operator's own exact
 * frequency basis: A = R ⊗ C is separable, so AᵀA = RᵀR ⊗ CᵀC, and the eigenvectors of the two
 * small Gram matrices (for a symmetric blur these are cosine-like modes) diagonalise it with
 * eigenvalues λ_i μ_j = |H|². The same code works for any separable operator. A general 2-D
 * kernel is not separable: there the same linear system (AᵀA + nsr·I) x = Aᵀ y is solved by
 * conjugate gradients with A and Aᵀ applied as they are.
 *
 * @see BaselineTuning#tuneWiener for choosing nsr on training images
 */
public final class WienerDeconvolution implements ClassicalRestorer {

    private final LinearMap operator;
    private final double nsr;
    private final SymmetricEigen rowEigen;
    private final SymmetricEigen colEigen;

    /** @param nsr the noise-to-signal power ratio, &gt; 0 (regularises the division by |H|²) */
    public WienerDeconvolution(LinearMap operator, double nsr) {
        if (!Double.isFinite(nsr) || nsr <= 0) {
            throw new InvalidInputException("Wiener noise-to-signal ratio must be a positive number; found " + nsr);
        }
        this.operator = operator;
        this.nsr = nsr;
        if (operator instanceof SeparableMatrix a) {
            // the two eigen-decompositions are done once: restoring is then four small matrix products
            this.rowEigen = SymmetricEigen.of(SymmetricEigen.gram(a.rows(), a.outHeight(), a.inHeight()), a.inHeight());
            this.colEigen = SymmetricEigen.of(SymmetricEigen.gram(a.cols(), a.outWidth(), a.inWidth()), a.inWidth());
        } else {
            this.rowEigen = null;
            this.colEigen = null;
        }
    }

    @Override
    public String name() {
        return "wiener";
    }

    @Override
    public String parameters() {
        return String.format(Locale.ROOT, "nsr=%.3g", nsr);
    }

    public double nsr() {
        return nsr;
    }

    @Override
    public Image restore(Image y) {
        // the filter assumes a zero-mean signal: deconvolve y minus its mean per channel, add the
        // mean back (A keeps constants: its rows sum to one); else a large nsr would pull a dark
        // background towards grey
        int yPlane = y.height() * y.width();
        double[] means = new double[y.channels()];
        float[] centred = new float[y.data().length];
        for (int c = 0; c < y.channels(); c++) {
            for (int i = 0; i < yPlane; i++) {
                means[c] += y.data()[c * yPlane + i];
            }
            means[c] /= yPlane;
            for (int i = 0; i < yPlane; i++) {
                centred[c * yPlane + i] = (float) (y.data()[c * yPlane + i] - means[c]);
            }
        }
        Image aty = operator.adjoint(new Image(y.channels(), y.height(), y.width(), centred));
        int h = operator.inHeight();
        int w = operator.inWidth();
        if (rowEigen == null) {
            return solveIteratively(aty, means);
        }
        double[] vr = rowEigen.vectors();
        double[] vc = colEigen.vectors();
        float[] out = new float[aty.data().length];
        double[] plane = new double[h * w];
        for (int c = 0; c < aty.channels(); c++) {
            for (int i = 0; i < h * w; i++) {
                plane[i] = aty.data()[c * h * w + i];
            }
            // Z = Vrᵀ (Aᵀy) Vc, divide by λ_i μ_j + nsr, then back: Vr Z Vcᵀ
            double[] z = multiply(transposeOf(vr, h), h, h, multiply(plane, h, w, vc, w), w);
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    z[i * w + j] /= rowEigen.values()[i] * colEigen.values()[j] + nsr;
                }
            }
            double[] x = multiply(vr, h, h, multiply(z, h, w, transposeOf(vc, w), w), w);
            for (int i = 0; i < h * w; i++) {
                out[c * h * w + i] = (float) (x[i] + means[c]);
            }
        }
        return new Image(aty.channels(), h, w, out).clamped();
    }

    /** (AᵀA + nsr·I) x = Aᵀ y per channel by conjugate gradients, for operators without a separable basis. */
    private Image solveIteratively(Image aty, double[] means) {
        int h = operator.inHeight();
        int w = operator.inWidth();
        int plane = h * w;
        float[] out = new float[aty.data().length];
        for (int c = 0; c < aty.channels(); c++) {
            double[] b = new double[plane];
            for (int i = 0; i < plane; i++) {
                b[i] = aty.data()[c * plane + i];
            }
            double[] x = ConjugateGradient.solve(v -> {
                Image ata = operator.adjoint(operator.apply(new Image(1, h, w, toFloat(v))));
                double[] r = new double[plane];
                for (int i = 0; i < plane; i++) {
                    r[i] = ata.data()[i] + nsr * v[i];
                }
                return r;
            }, b, new double[plane], 300, 1e-5);
            for (int i = 0; i < plane; i++) {
                out[c * plane + i] = (float) (x[i] + means[c]);
            }
        }
        return new Image(aty.channels(), h, w, out).clamped();
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private static double[] transposeOf(double[] square, int n) {
        return SeparableMatrix.transpose(square, n, n);
    }

    /** (r × k) · (k × c). */
    static double[] multiply(double[] a, int r, int k, double[] b, int c) {
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            for (int m = 0; m < k; m++) {
                double aim = a[i * k + m];
                if (aim == 0) {
                    continue;
                }
                for (int j = 0; j < c; j++) {
                    out[i * c + j] += aim * b[m * c + j];
                }
            }
        }
        return out;
    }
}
