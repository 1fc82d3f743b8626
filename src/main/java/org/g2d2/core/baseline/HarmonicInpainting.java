package org.g2d2.core.baseline;

import org.g2d2.core.Image;
import org.g2d2.core.operator.InpaintingMask;

/**
 * Harmonic inpainting: the missing pixels solve Laplace's equation Δu = 0 with the known pixels
 * as boundary values, so each missing pixel is the mean of its 4-neighbours inside the image (the
 * smoothest fill, it interpolates linearly across thin holes and blurs across wide ones). The
 * system over the missing pixels, deg(p) u_p − Σ_{q missing} u_q = Σ_{q known} y_q, is symmetric
 * positive definite whenever some pixel is known, and is solved by conjugate gradients.
 *
 * <p>With {@code biharmonic}, Δ²u = 0 instead (the least-squares fill min ‖L u‖² over the missing
 * pixels, L the image's graph Laplacian): it continues gradients into the hole rather than
 * flattening them.
 */
public final class HarmonicInpainting implements ClassicalRestorer {

    private final InpaintingMask mask;
    private final boolean biharmonic;

    public HarmonicInpainting(InpaintingMask mask, boolean biharmonic) {
        this.mask = mask;
        this.biharmonic = biharmonic;
    }

    @Override
    public String name() {
        return biharmonic ? "biharmonic" : "harmonic";
    }

    @Override
    public String parameters() {
        return mask.missingCount() + " missing pixels";
    }

    @Override
    public Image restore(Image y) {
        int h = mask.height();
        int w = mask.width();
        int plane = h * w;
        float[] out = y.data().clone();
        for (int c = 0; c < y.channels(); c++) {
            double[] known = new double[plane];
            for (int p = 0; p < plane; p++) {
                known[p] = mask.known()[p] ? y.data()[c * plane + p] : 0;
            }
            // u = unknowns embedded in the image (zero at known pixels); solve S u = b over them
            double[] b = negate(restrict(biharmonic ? laplacian(laplacian(known, h, w), h, w) : laplacian(known, h, w)));
            double[] u = ConjugateGradient.solve(v -> restrict(biharmonic ? laplacian(laplacian(v, h, w), h, w)
                    : laplacian(v, h, w)), b, new double[plane], 4 * plane, 1e-8);
            for (int p = 0; p < plane; p++) {
                if (!mask.known()[p]) {
                    out[c * plane + p] = (float) u[p];
                }
            }
        }
        return new Image(y.channels(), h, w, out).clamped();
    }

    /** Zero at the known pixels: the product stays within the unknowns' subspace. */
    private double[] restrict(double[] v) {
        double[] r = v.clone();
        for (int p = 0; p < r.length; p++) {
            if (mask.known()[p]) {
                r[p] = 0;
            }
        }
        return r;
    }

    private static double[] negate(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = -v[i];
        }
        return r;
    }

    /** L v = deg(p) v_p − Σ neighbours, 4-neighbours inside the image (positive semi-definite, symmetric). */
    static double[] laplacian(double[] v, int h, int w) {
        double[] out = new double[v.length];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                int p = i * w + j;
                double s = 0;
                int deg = 0;
                if (i > 0) {
                    s += v[p - w];
                    deg++;
                }
                if (i < h - 1) {
                    s += v[p + w];
                    deg++;
                }
                if (j > 0) {
                    s += v[p - 1];
                    deg++;
                }
                if (j < w - 1) {
                    s += v[p + 1];
                    deg++;
                }
                out[p] = deg * v[p] - s;
            }
        }
        return out;
    }
}
