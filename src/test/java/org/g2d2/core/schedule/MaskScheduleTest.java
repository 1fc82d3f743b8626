package org.g2d2.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.g2d2.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class MaskScheduleTest {

    @Test
    void endpointsAndShapes() {
        MaskSchedule lin = MaskSchedule.of("linear", 100);
        MaskSchedule cos = MaskSchedule.of("cosine", 100);
        assertThat(lin.gammaBar(0)).isZero();
        assertThat(lin.gammaBar(100)).isEqualTo(1.0);
        assertThat(lin.gammaBar(25)).isCloseTo(0.25, within(1e-12));
        assertThat(cos.gammaBar(50)).isCloseTo(1 - Math.cos(Math.PI / 4), within(1e-12));
        for (int t = 1; t <= 100; t++) {
            assertThat(cos.gammaBar(t)).isGreaterThan(cos.gammaBar(t - 1));
        }
    }

    @Test
    void timestepsRunFromTToZeroEvenlySpaced() {
        MaskSchedule s = MaskSchedule.of("linear", 100);
        assertThat(s.timesteps(4)).containsExactly(100, 75, 50, 25, 0);
        assertThat(s.timesteps(3)).containsExactly(100, 67, 33, 0);
        int[] all = s.timesteps(100);
        assertThat(all).hasSize(101);
        for (int i = 0; i < 100; i++) {
            assertThat(all[i]).isEqualTo(100 - i);
        }
    }

    @Test
    void refusesStepsBeyondTrainingSteps() {
        MaskSchedule s = MaskSchedule.of("linear", 100);
        assertThatThrownBy(() -> s.timesteps(101)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("between 1 and 100").hasMessageContaining("101");
        assertThatThrownBy(() -> MaskSchedule.of("sqrt", 100)).hasMessageContaining("linear, cosine");
    }

    @Test
    void starShapedMasksExactlyTheScheduledCountAndReturnsZ0AtZero() {
        MaskSchedule s = MaskSchedule.of("cosine", 100);
        NoiseProcess star = NoiseProcess.of("star", s);
        int[] z0 = new int[64];
        for (int i = 0; i < 64; i++) {
            z0[i] = i % 7;
        }
        SplittableRandom rng = new SplittableRandom(3);
        for (int t : new int[] {90, 60, 30, 10}) {
            int[] zs = star.step(z0, 100, t, z0, 99, rng);
            long masked = java.util.Arrays.stream(zs).filter(v -> v == 99).count();
            assertThat(masked).isEqualTo(Math.round(64 * s.gammaBar(t)));
            for (int n = 0; n < 64; n++) {
                assertThat(zs[n]).isIn(99, z0[n]);
            }
        }
        assertThat(star.step(z0, 5, 0, z0, 99, rng)).containsExactly(z0);
    }

    @Test
    void markovKeepsCommittedTokensAndUnmasksAtTheScheduledRate() {
        MaskSchedule s = MaskSchedule.of("linear", 100);
        NoiseProcess markov = NoiseProcess.of("markov", s);
        int mask = 50;
        int[] zt = new int[10000];
        int[] z0 = new int[10000];
        for (int n = 0; n < zt.length; n++) {
            zt[n] = n % 2 == 0 ? mask : 3;
            z0[n] = 7;
        }
        int[] zs = markov.step(zt, 80, 60, z0, mask, new SplittableRandom(4));
        int unmasked = 0;
        for (int n = 0; n < zt.length; n++) {
            if (zt[n] != mask) {
                assertThat(zs[n]).isEqualTo(3);
            } else if (zs[n] != mask) {
                assertThat(zs[n]).isEqualTo(7);
                unmasked++;
            }
        }
        // (γ̄(80) − γ̄(60)) / γ̄(80) = 0.25 of the 5000 masked positions
        assertThat(unmasked / 5000.0).isCloseTo(0.25, within(0.025));
        int[] end = markov.step(zt, 20, 0, z0, mask, new SplittableRandom(5));
        for (int n = 0; n < zt.length; n++) {
            assertThat(end[n]).isEqualTo(zt[n] == mask ? 7 : 3);
        }
    }
}
