package org.g2d2.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class RAdamTest {

    /**
     * Values worked out by hand from the RAdam update (betas 0.9/0.999, eps 1e-8, lr 0.5) for one
     * parameter starting at 1.0: momentum SGD while ρ_t ≤ 5 (t ≤ 5), the rectified step from t = 6.
     */
    @Test
    void matchesHandComputedTrajectory() {
        float[] grads = {1.0f, -2.0f, 0.5f, 3.0f, 1.0f, -1.0f, 2.0f, 0.25f};
        double[] expected = {0.5, 0.7894736842105263, 0.8798795882695669, 0.5078237580863741,
            0.10452469335047027, 0.10122166535015234, 0.09425729912172645, 0.08647028501322816};
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = m.create(new float[] {1.0f});
            RAdam opt = RAdam.withDefaults();
            for (int t = 0; t < grads.length; t++) {
                try (NDManager it = m.newSubManager()) {
                    opt.step(p, it.create(new float[] {grads[t]}), 0.5);
                }
                assertThat((double) p.getFloat()).as("after step %d", t + 1).isCloseTo(expected[t], within(2e-6));
            }
            assertThat(opt.steps()).isEqualTo(8);
        }
    }

    @Test
    void updatesEveryCoordinateIndependentlyAndLeavesTemporariesWithTheGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = m.create(new float[] {0f, 0f});
            RAdam opt = RAdam.withDefaults();
            opt.step(p, m.create(new float[] {1f, -1f}), 0.1);
            int held = m.getManagedArrays().size();
            try (NDManager it = m.newSubManager()) {
                opt.step(p, it.create(new float[] {1f, -1f}), 0.1);
            }
            assertThat(m.getManagedArrays()).hasSize(held);
            assertThat(p.toFloatArray()[0]).isCloseTo(-0.2f, within(1e-5f));
            assertThat(p.toFloatArray()[1]).isCloseTo(0.2f, within(1e-5f));
        }
    }
}
