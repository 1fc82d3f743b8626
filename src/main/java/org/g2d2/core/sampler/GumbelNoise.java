package org.g2d2.core.sampler;

import java.util.SplittableRandom;

/** Gumbel(0, 1) noise g = −log(−log(u + 1e−30) + 1e−30), u ~ U(0, 1), from a seeded generator. */
public final class GumbelNoise {

    private static final double TINY = 1e-30;

    private GumbelNoise() {
    }

    /** Fills {@code out} with fresh noise scaled by {@code 1/τ}. */
    public static void fill(float[] out, double invTemperature, SplittableRandom rng) {
        for (int i = 0; i < out.length; i++) {
            double u = rng.nextDouble();
            out[i] = (float) (-Math.log(-Math.log(u + TINY) + TINY) * invTemperature);
        }
    }
}
