package org.g2d2.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class GumbelNoiseTest {

    private static final Shape SHAPE = new Shape(64, 512);

    @Test
    void hasTheStandardGumbelMomentsAndQuantiles() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] g = new GumbelNoise(11, SHAPE).next(m).toFloatArray();
            double mean = 0;
            for (float v : g) {
                mean += v;
            }
            mean /= g.length;
            double var = 0;
            int belowZero = 0;
            for (float v : g) {
                var += (v - mean) * (v - mean);
                belowZero += v < 0 ? 1 : 0;
            }
            var /= g.length - 1;
            // Euler–Mascheroni constant, π²/6, and P(g < 0) = exp(−1); 32,768 draws give ~0.01 error
            assertThat(mean).isCloseTo(0.5772, within(0.03));
            assertThat(var).isCloseTo(Math.PI * Math.PI / 6, within(0.06));
            assertThat((double) belowZero / g.length).isCloseTo(Math.exp(-1), within(0.01));
            for (float v : g) {
                assertThat(Float.isFinite(v)).isTrue();
            }
        }
    }

    @Test
    void sameSeedRepeatsAndEachCallIsFresh() {
        try (NDManager m = NDManager.newBaseManager()) {
            GumbelNoise a = new GumbelNoise(5, SHAPE);
            GumbelNoise b = new GumbelNoise(5, SHAPE);
            NDArray first = a.next(m);
            float[] firstValues = first.toFloatArray();
            float[] second = a.next(m).toFloatArray();
            assertThat(b.next(m).toFloatArray()).containsExactly(firstValues);
            assertThat(second).isNotEqualTo(firstValues);
            // the staging buffer was refilled by the second call; the first array must not alias it
            assertThat(first.toFloatArray()).containsExactly(firstValues);
            assertThat(new GumbelNoise(6, SHAPE).next(m).toFloatArray()).isNotEqualTo(firstValues);
        }
    }
}
