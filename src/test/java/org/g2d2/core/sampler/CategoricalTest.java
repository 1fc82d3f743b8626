package org.g2d2.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CategoricalTest {

    @Test
    void truncatedDrawNeverPicksTheTail() {
        // masses 0.6, 0.3, 0.06, 0.04: top mass 0.85 keeps only the first two codes
        float[] row = {(float) Math.log(0.6), (float) Math.log(0.3), (float) Math.log(0.06), (float) Math.log(0.04)};
        SplittableRandom rng = new SplittableRandom(1);
        int[] counts = new int[4];
        for (int i = 0; i < 20000; i++) {
            counts[Categorical.draw(row, 4, 0.85, rng)[0]]++;
        }
        assertThat(counts[2] + counts[3]).isZero();
        assertThat(counts[0] / 20000.0).isCloseTo(2 / 3.0, within(0.02));
    }

    @Test
    void untruncatedDrawFollowsTheDistribution() {
        float[] row = {(float) Math.log(0.6), (float) Math.log(0.3), (float) Math.log(0.06), (float) Math.log(0.04)};
        SplittableRandom rng = new SplittableRandom(2);
        int[] counts = new int[4];
        for (int i = 0; i < 40000; i++) {
            counts[Categorical.draw(row, 4, 1.0, rng)[0]]++;
        }
        assertThat(counts[3] / 40000.0).isCloseTo(0.04, within(0.006));
        assertThat(counts[1] / 40000.0).isCloseTo(0.3, within(0.015));
    }

    @Test
    void argmaxPicksTheLargestPerRow() {
        assertThat(Categorical.argmax(new float[] {0f, 3f, 1f, 9f, 2f, 1f}, 3)).containsExactly(1, 0);
    }
}
