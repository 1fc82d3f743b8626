package org.g2d2.core.operator;

import java.util.SplittableRandom;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;

/** Additive white Gaussian noise σ_y·n on the [−1, 1] scale, drawn from a seed. */
public final class MeasurementNoise {

    private MeasurementNoise() {
    }

    public static void validate(double sigma) {
        if (!Double.isFinite(sigma) || sigma < 0 || sigma > 1) {
            throw new InvalidInputException("noise sigma must be in [0, 1] on the [-1, 1] scale; found " + sigma);
        }
    }

    /** y = A(x) + σ·n. */
    public static Image add(Image clean, double sigma, long seed) {
        validate(sigma);
        SplittableRandom rng = new SplittableRandom(seed);
        float[] out = clean.data().clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += (float) (sigma * gaussian(rng));
        }
        return new Image(clean.channels(), clean.height(), clean.width(), out);
    }

    /** A standard normal draw (Marsaglia's polar method): reproducible across JVMs. */
    static double gaussian(SplittableRandom rng) {
        double u;
        double v;
        double s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
