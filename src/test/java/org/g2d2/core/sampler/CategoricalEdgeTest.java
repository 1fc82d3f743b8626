package org.g2d2.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Ties, exact mass boundaries and rows that do not sum to one. */
class CategoricalEdgeTest {

    private static float[] rows(int n, double... p) {
        float[] out = new float[n * p.length];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < p.length; i++) {
                out[r * p.length + i] = (float) Math.log(p[i]);
            }
        }
        return out;
    }

    private static int[] counts(int[] codes, int k) {
        int[] c = new int[k];
        for (int code : codes) {
            c[code]++;
        }
        return c;
    }

    @Test
    void argmaxBreaksTiesTowardsTheFirstCode() {
        assertThat(Categorical.argmax(new float[] {-1f, -1f, -2f, -3f, -0.5f, -0.5f}, 3)).containsExactly(0, 1);
    }

    @Test
    void truncationTakesTiedCodesInOrder() {
        // 0.5 first, then the first of the two 0.25s reaches 0.6: code 2 is never drawn
        int[] c = counts(Categorical.draw(rows(2000, 0.25, 0.5, 0.25), 3, 0.6, new SplittableRandom(1)), 3);
        assertThat(c[2]).isZero();
        assertThat(c[0]).isBetween(500, 830);       // a third of the draws
        assertThat(c[1]).isBetween(1170, 1500);
    }

    @Test
    void truncationStopsOnceTheMassIsReached() {
        float[] row = rows(1, 0.5, 0.25, 0.25);
        double two = Math.exp(row[0]) + Math.exp(row[1]);                 // the kept mass, exactly as summed
        int[] c = counts(Categorical.draw(rows(2000, 0.5, 0.25, 0.25), 3, two, new SplittableRandom(2)), 3);
        assertThat(c[2]).isZero();
        assertThat(c[0]).isBetween(1170, 1500);
    }

    @Test
    void rowsBelowTheMassKeepEveryCode() {
        // p sums to 0.4 < topMass: all codes are kept and drawn in proportion
        int[] c = counts(Categorical.draw(rows(2000, 0.1, 0.3), 2, 0.9, new SplittableRandom(3)), 2);
        assertThat(c[0]).isBetween(350, 650);
        assertThat(c[1]).isBetween(1350, 1650);
    }

    @Test
    void untruncatedDrawsNormaliseRowsThatDoNotSumToOne() {
        // p = (0.5, 1.5): code 0 a quarter of the time, not half
        int[] c = counts(Categorical.draw(rows(4000, 0.5, 1.5), 2, 1.0, new SplittableRandom(4)), 2);
        assertThat(c[0]).isBetween(850, 1150);
        int[] small = counts(Categorical.draw(rows(4000, 0.05, 0.15), 2, 1.0, new SplittableRandom(5)), 2);
        assertThat(small[0]).isBetween(850, 1150);
    }
}
