package org.g2d2.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StepScheduleTest {

    private static SamplerSettings settings(int steps, double kl, double klDecay, double lr, double lrDecay) {
        return new SamplerSettings(steps, 1, kl, klDecay, 1.0, lr, lrDecay, 0.3, "star", 0.95, 0);
    }

    @Test
    void decaysByTenToTheWeightFromFirstToLastStep() {
        // N = 3: u = 0, 1/2, 1, so the factors are 10^{w/2}, 1, 10^{-w/2}
        StepSchedule s = new StepSchedule(settings(3, 3e-4, 2, 10, 4));
        assertThat(s.lr(0)).isCloseTo(1000, within(1e-9));
        assertThat(s.lr(1)).isCloseTo(10, within(1e-12));
        assertThat(s.lr(2)).isCloseTo(0.1, within(1e-12));
        assertThat(s.kl(0)).isCloseTo(3e-3, within(1e-15));
        assertThat(s.kl(1)).isCloseTo(3e-4, within(1e-15));
        assertThat(s.kl(2)).isCloseTo(3e-5, within(1e-15));
    }

    @Test
    void intermediateStepsFollowTheExponent() {
        // N = 5, w_lr = 1, w_kl = -2 (a growing KL weight): u = 1/4 gives 10^{1/4} and 10^{-1/2}
        StepSchedule s = new StepSchedule(settings(5, 1e-3, -2, 2, 1));
        assertThat(s.lr(1)).isCloseTo(2 * Math.pow(10, 0.25), within(1e-12));
        assertThat(s.kl(1)).isCloseTo(1e-3 * Math.pow(10, -0.5), within(1e-15));
        assertThat(s.kl(4)).isCloseTo(1e-2, within(1e-15));
    }

    @Test
    void zeroWeightKeepsTheRateAndOneStepUsesTheEarlyValue() {
        StepSchedule flat = new StepSchedule(settings(4, 5e-4, 0, 7, 0));
        for (int j = 0; j < 4; j++) {
            assertThat(flat.lr(j)).isEqualTo(7);
            assertThat(flat.kl(j)).isEqualTo(5e-4);
        }
        StepSchedule single = new StepSchedule(settings(1, 1e-3, 2, 10, 2));
        assertThat(single.lr(0)).isCloseTo(100, within(1e-9));
        assertThat(single.kl(0)).isCloseTo(1e-2, within(1e-15));
    }
}
