package org.g2d2.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.g2d2.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The schedules and processes at their edges: one training step, one inference step, t = 0, names. */
class ScheduleEdgesTest {

    @Test
    void aScheduleOfOneTrainingStepGoesStraightFromAllMaskedToClean() {
        MaskSchedule one = MaskSchedule.of("cosine", 1);
        assertThat(one.trainSteps()).isEqualTo(1);
        assertThat(one.type()).isEqualTo("cosine");
        assertThat(one.timesteps(1)).containsExactly(1, 0);
        assertThat(one.maskedCount(10, 1)).isEqualTo(10);
        assertThat(one.maskedCount(10, 0)).isZero();
        assertThatThrownBy(() -> MaskSchedule.of("linear", 0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("mask schedule needs at least 1 training step; found 0");
    }

    @Test
    void oneInferenceStepIsTToZeroAndZeroStepsAreRefused() {
        MaskSchedule s = MaskSchedule.of("linear", 100);
        assertThat(s.type()).isEqualTo("linear");
        assertThat(s.timesteps(1)).containsExactly(100, 0);
        assertThatThrownBy(() -> s.timesteps(0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("steps must be between 1 and 100 (T_train); found 0");
    }

    @Test
    void theMaskedCountRoundsToTheNearestToken() {
        MaskSchedule s = MaskSchedule.of("linear", 8);
        // 10 tokens × 3/8 = 3.75 → 4; × 1/8 = 1.25 → 1
        assertThat(s.maskedCount(10, 3)).isEqualTo(4);
        assertThat(s.maskedCount(10, 1)).isEqualTo(1);
    }

    @Test
    void onlyTheStarShapedProcessTruncatesItsDrawAndEachKnowsItsName() {
        MaskSchedule s = MaskSchedule.of("linear", 10);
        NoiseProcess star = NoiseProcess.of("star", s);
        NoiseProcess markov = NoiseProcess.of("markov", s);
        assertThat(star.truncatesDraw()).isTrue();
        assertThat(markov.truncatesDraw()).isFalse();
        assertThat(star.name()).isEqualTo("star");
        assertThat(markov.name()).isEqualTo("markov");
        assertThatThrownBy(() -> NoiseProcess.of("uniform", s)).isInstanceOf(InvalidInputException.class)
                .hasMessage("noise process 'uniform' is unknown; allowed: star, markov");
    }

    @Test
    void theMarkovProcessAtTimeZeroUnmasksEverything() {
        // γ̄(0) = 0: no division by it; every masked token takes its draw
        NoiseProcess markov = NoiseProcess.of("markov", MaskSchedule.of("linear", 10));
        int[] zt = {9, 9, 1, 9};
        int[] z0 = {4, 5, 6, 7};
        assertThat(markov.step(zt, 0, 0, z0, 9, new SplittableRandom(1))).containsExactly(4, 5, 1, 7);
        // and from T to a time with nothing left masked, likewise
        assertThat(markov.step(zt, 10, 0, z0, 9, new SplittableRandom(1))).containsExactly(4, 5, 1, 7);
    }

    @Test
    void theStarShapedProcessMasksEveryPositionEquallyOften() {
        NoiseProcess star = NoiseProcess.of("star", MaskSchedule.of("linear", 4));
        int[] z0 = new int[8];
        int[] hits = new int[8];
        SplittableRandom rng = new SplittableRandom(11);
        for (int r = 0; r < 4000; r++) {
            int[] zs = star.step(z0, 4, 1, z0, 3, rng);      // round(8 × 1/4) = 2 masked
            for (int n = 0; n < 8; n++) {
                if (zs[n] == 3) {
                    hits[n]++;
                }
            }
        }
        // each position masked with probability 2/8: 1000 of 4000, within a few standard deviations (27)
        assertThat(Arrays.stream(hits).min().getAsInt()).isGreaterThan(900);
        assertThat(Arrays.stream(hits).max().getAsInt()).isLessThan(1100);
    }
}
