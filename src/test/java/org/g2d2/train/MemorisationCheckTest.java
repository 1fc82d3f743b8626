package org.g2d2.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.g2d2.core.Image;
import org.junit.jupiter.api.Test;

/** The nearest-neighbour check finds copies (mirrored ones too) and measures new images against the yardstick. */
class MemorisationCheckTest {

    private static Image random(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[3 * 8 * 8];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return new Image(3, 8, 8, v);
    }

    @Test
    void aCopyOrAMirroredCopyIsFoundAtDistanceZero() {
        List<Image> training = List.of(random(1), random(2), random(3));
        MemorisationCheck.Match copy = MemorisationCheck.nearest(training.get(1), training);
        assertThat(copy.index()).isEqualTo(1);
        assertThat(copy.mirrored()).isFalse();
        assertThat(copy.rmse()).isZero();
        MemorisationCheck.Match mirrored = MemorisationCheck.nearest(MemorisationCheck.mirror(training.get(2)), training);
        assertThat(mirrored.index()).isEqualTo(2);
        assertThat(mirrored.mirrored()).isTrue();
        assertThat(mirrored.rmse()).isZero();
    }

    @Test
    void distancesAreRmseOnTheUnitScaleAndNewImagesSitFarFromCopies() {
        float[] black = new float[3 * 8 * 8];
        java.util.Arrays.fill(black, -1f);
        float[] grey = new float[3 * 8 * 8];
        // 0.25 on [0, 1] above black
        java.util.Arrays.fill(grey, -0.5f);
        assertThat(MemorisationCheck.rmse(new Image(3, 8, 8, black), new Image(3, 8, 8, grey), false))
                .isCloseTo(0.25, within(1e-9));
        List<Image> training = List.of(random(1), random(2), random(3));
        MemorisationCheck.Result r = MemorisationCheck.check(List.of(training.get(0), random(9)), training,
                List.of(random(10), random(11), random(12)));
        assertThat(r.nearest().get(0).rmse()).isZero();
        // uniform noise against uniform noise: about sqrt(1/6) ≈ 0.41 on [0, 1]
        assertThat(r.heldOutMedian()).isBetween(0.3, 0.5);
        assertThat(r.nearest().get(1).rmse()).isBetween(0.3, 0.5);
    }
}
