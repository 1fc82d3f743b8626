package org.g2d2.core.baseline;

import org.g2d2.core.operator.SeparableMatrix;
import java.util.Locale;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;

/**
 * Iterative back-projection (Irani &amp; Peleg 1991) with a smoothness term: start from the bicubic
 * upsampling x₀ = U y, then repeat x ← x + step · (U (y − A x) + β Δx). The first term projects
 * the measurement residual back through the upsampler U; the second is a discrete Laplacian
 * (Neumann borders), i.e. a gradient step on (β/2)‖∇x‖², which damps the ringing that pure
 * back-projection builds up where the measurement says nothing (above the low-res Nyquist rate).
 */
public final class IterativeBackProjection implements ClassicalRestorer {

    /**
     * Settings, validated on creation.
     *
     * @param iterations number of updates
     * @param step the update step (1 is plain back-projection)
     * @param smoothness β ≥ 0, the weight of the Laplacian term
     */
    public record Settings(int iterations, double step, double smoothness) {
        public Settings {
            if (iterations < 0 || iterations > 10_000) {
                throw new InvalidInputException("back-projection iterations must be from 0 to 10000; found "
                        + iterations);
            }
            if (!Double.isFinite(step) || step <= 0 || step > 2) {
                throw new InvalidInputException("back-projection step must be in (0, 2]; found " + step);
            }
            if (!Double.isFinite(smoothness) || smoothness < 0 || smoothness > 0.25) {
                throw new InvalidInputException("back-projection smoothness must be in [0, 0.25]; found " + smoothness);
            }
        }

        public Settings withSmoothness(double beta) {
            return new Settings(iterations, step, beta);
        }
    }

    /** 30 plain back-projection steps with a mild smoothness term. */
    public static final Settings DEFAULTS = new Settings(30, 1.0, 0.02);

    private final SeparableMatrix operator;
    private final BicubicUpsampling bicubic;
    private final Settings settings;

    public IterativeBackProjection(SeparableMatrix operator, int scale, Settings settings) {
        this.operator = operator;
        this.bicubic = new BicubicUpsampling(scale, operator.outHeight(), operator.outWidth());
        this.settings = settings;
        if (bicubic.upsampler().outHeight() != operator.inHeight() || bicubic.upsampler().outWidth() != operator.inWidth()) {
            throw new InvalidInputException("back-projection scale " + scale + " does not match the operator "
                    + operator.inHeight() + "x" + operator.inWidth() + " -> " + operator.outHeight() + "x"
                    + operator.outWidth());
        }
    }

    @Override
    public String name() {
        return "ibp";
    }

    @Override
    public String parameters() {
        return String.format(Locale.ROOT, "iterations=%d step=%.2f beta=%.3g", settings.iterations(), settings.step(),
                settings.smoothness());
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public Image restore(Image y) {
        SeparableMatrix up = bicubic.upsampler();
        Image x = up.apply(y);
        float[] v = x.data().clone();
        int c = x.channels();
        int h = x.height();
        int w = x.width();
        for (int k = 0; k < settings.iterations(); k++) {
            Image current = new Image(c, h, w, v);
            Image ax = operator.apply(current);
            float[] r = new float[ax.data().length];
            for (int i = 0; i < r.length; i++) {
                r[i] = y.data()[i] - ax.data()[i];
            }
            Image back = up.apply(new Image(c, y.height(), y.width(), r));
            float[] lap = laplacian(current);
            float[] next = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                next[i] = (float) (v[i] + settings.step() * (back.data()[i] + settings.smoothness() * lap[i]));
            }
            v = next;
        }
        return new Image(c, h, w, v).clamped();
    }

    /** The 5-point Laplacian with mirrored (zero-flux) borders. */
    static float[] laplacian(Image x) {
        int h = x.height();
        int w = x.width();
        float[] out = new float[x.data().length];
        for (int c = 0; c < x.channels(); c++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    float centre = x.get(c, i, j);
                    float up = x.get(c, Math.max(i - 1, 0), j);
                    float down = x.get(c, Math.min(i + 1, h - 1), j);
                    float left = x.get(c, i, Math.max(j - 1, 0));
                    float right = x.get(c, i, Math.min(j + 1, w - 1));
                    out[(c * h + i) * w + j] = up + down + left + right - 4 * centre;
                }
            }
        }
        return out;
    }
}
