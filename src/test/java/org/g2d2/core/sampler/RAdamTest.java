package org.g2d2.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RAdamTest {

    /**
     * Values worked out by hand from the RAdam update (betas 0.9/0.999, eps 1e-8, lr 0.5) for one
     * parameter starting at 1.0: momentum SGD while ρ_t ≤ 5 (t ≤ 5), the rectified step from t = 6.
     */
    @Test
    void matchesHandComputedTrajectory() {
        float[] p = {1.0f};
        float[] grads = {1.0f, -2.0f, 0.5f, 3.0f, 1.0f, -1.0f, 2.0f, 0.25f};
        double[] expected = {0.5, 0.7894736842105263, 0.8798795882695669, 0.5078237580863741,
            0.10452469335047027, 0.10122166535015234, 0.09425729912172645, 0.08647028501322816};
        RAdam opt = RAdam.withDefaults(1);
        for (int t = 0; t < grads.length; t++) {
            opt.step(p, new float[] {grads[t]}, 0.5);
            assertThat((double) p[0]).as("after step %d", t + 1).isCloseTo(expected[t], within(2e-6));
        }
        assertThat(opt.steps()).isEqualTo(8);
    }

    @Test
    void updatesEveryCoordinateIndependently() {
        float[] p = {0f, 0f};
        RAdam opt = RAdam.withDefaults(2);
        opt.step(p, new float[] {1f, -1f}, 0.1);
        assertThat(p[0]).isCloseTo(-0.1f, within(1e-6f));
        assertThat(p[1]).isCloseTo(0.1f, within(1e-6f));
    }
}
