package org.g2d2.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.g2d2.core.Image;
import org.junit.jupiter.api.Test;

class InverseProblemTest {

    private static float[] residual(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] r = new float[n];
        for (int i = 0; i < n; i++) {
            r[i] = (float) (rng.nextDouble() - 0.5);
        }
        return r;
    }

    private static InverseProblem problem(int bh, int bw) {
        return new InverseProblem(null, new Image(1, 1, 1, new float[1]), 0.05, bh, bw);
    }

    @Test
    void blockMisfitIsTheSumOfTheBlocksNormsAndPaddingAddsNothing() {
        float[] r = residual(2 * 10 * 7, 1);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray res = m.create(r, new Shape(1, 2, 10, 7));
            double expected = 0;
            // blocks of 4x4 over 10x7: rows 0-3, 4-7, 8-9; cols 0-3, 4-6; both channels in a block
            int[][] rows = {{0, 4}, {4, 8}, {8, 10}};
            int[][] cols = {{0, 4}, {4, 7}};
            for (int[] rr : rows) {
                for (int[] cc : cols) {
                    double sq = 0;
                    for (int c = 0; c < 2; c++) {
                        for (int y = rr[0]; y < rr[1]; y++) {
                            for (int x = cc[0]; x < cc[1]; x++) {
                                double v = r[(c * 10 + y) * 7 + x];
                                sq += v * v;
                            }
                        }
                    }
                    expected += Math.sqrt(sq);
                }
            }
            assertThat(problem(4, 4).misfit(res).getFloat()).isCloseTo((float) expected, within(1e-4f));
        }
    }

    @Test
    void oneBlockOrNoneIsThePlainNorm() {
        float[] r = residual(64, 2);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray res = m.create(r, new Shape(1, 1, 8, 8));
            float plain = res.norm().getFloat();
            assertThat(problem(0, 0).misfit(res).getFloat()).isEqualTo(plain);
            assertThat(problem(8, 8).misfit(res).getFloat()).isEqualTo(plain);
            assertThat(new InverseProblem(null, new Image(1, 1, 1, new float[1]), 0.05).misfit(res).getFloat())
                    .isEqualTo(plain);
            // split in four, the sum of norms exceeds the norm of the whole
            assertThat(problem(4, 4).misfit(res).getFloat()).isGreaterThan(plain);
        }
    }
}
