package org.g2d2.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.g2d2.core.Image;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static Image constant(float v, int size) {
        float[] d = new float[size * size];
        Arrays.fill(d, v);
        return new Image(1, size, size, d);
    }

    @Test
    void psnrOfAKnownMeanSquaredError() {
        // [-1,1] values 0.0 and 0.2 are 0.5 and 0.6 on [0,1]: MSE 0.01, PSNR 20 dB
        assertThat(Psnr.compute(constant(0f, 16), constant(0.2f, 16))).isCloseTo(20.0, within(1e-4));
        assertThat(Psnr.compute(constant(0f, 16), constant(0f, 16))).isInfinite();
    }

    @Test
    void ssimOfConstantImagesIsTheLuminanceTerm() {
        // no variance: SSIM = (2ab + C1) / (a² + b² + C1) with a = 0.25, b = 0.75 on [0,1]
        double a = 0.25;
        double b = 0.75;
        double c1 = 1e-4;
        double expected = (2 * a * b + c1) / (a * a + b * b + c1);
        assertThat(Ssim.compute(constant(-0.5f, 20), constant(0.5f, 20))).isCloseTo(expected, within(1e-9));
    }

    @Test
    void ssimIsOneForIdenticalAndFallsWithNoise() {
        SplittableRandom rng = new SplittableRandom(1);
        float[] d = new float[32 * 32];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) Math.sin(i * 0.1);
        }
        Image x = new Image(1, 32, 32, d);
        assertThat(Ssim.compute(x, x)).isCloseTo(1.0, within(1e-9));
        float[] noisy = d.clone();
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] += (float) (0.8 * (rng.nextDouble() - 0.5));
        }
        double s = Ssim.compute(x, new Image(1, 32, 32, noisy));
        assertThat(s).isBetween(0.2, 0.95);
    }

    @Test
    void ssimOfAnInvertedZeroMeanPatternIsStronglyNegative() {
        // equal means, equal variances, correlation −1: SSIM = (C2 − 2σ²)/(2σ² + C2) < 0 at every window
        float[] d = new float[16 * 16];
        for (int i = 0; i < d.length; i++) {
            d[i] = ((i / 16 + i % 16) % 2 == 0) ? 0.5f : -0.5f;
        }
        float[] inv = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            inv[i] = -d[i];
        }
        assertThat(Ssim.compute(new Image(1, 16, 16, d), new Image(1, 16, 16, inv))).isLessThan(-0.9);
    }
}
