package org.g2d2.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The 1-D matrices entry by entry, against weights worked out by hand. */
class OperatorWeightsTest {

    @Test
    void gaussianTapsAreNormalisedAndReflectedAtTheBorder() {
        // size 5, σ = 1: taps e^{−k²/2} = 1, 0.60653066, 0.13533528 summing to 2.48373187
        double sum = 1 + 2 * Math.exp(-0.5) + 2 * Math.exp(-2);
        double w0 = 1 / sum;
        double w1 = Math.exp(-0.5) / sum;
        double w2 = Math.exp(-2) / sum;
        float[] m = ResamplingMatrices.gaussianBlur(9, 5, 1.0);
        double[] interior = {w2, w1, w0, w1, w2};
        for (int j = 0; j < 9; j++) {
            double expected = j >= 2 && j <= 6 ? interior[j - 2] : 0;
            assertThat((double) m[4 * 9 + j]).as("row 4 column %d", j).isCloseTo(expected, within(1e-7));
        }
        // row 0: taps −1 and −2 reflect onto 1 and 2 (the edge sample is not repeated)
        assertThat((double) m[0]).isCloseTo(w0, within(1e-7));
        assertThat((double) m[1]).isCloseTo(2 * w1, within(1e-7));
        assertThat((double) m[2]).isCloseTo(2 * w2, within(1e-7));
        assertThat(m[3]).isZero();
        // the last row mirrors the first
        assertThat((double) m[8 * 9 + 8]).isCloseTo(w0, within(1e-7));
        assertThat((double) m[8 * 9 + 7]).isCloseTo(2 * w1, within(1e-7));
        assertThat((double) m[8 * 9 + 6]).isCloseTo(2 * w2, within(1e-7));
    }

    @Test
    void gaussianOfOneTapIsTheIdentity() {
        assertThat(ResamplingMatrices.gaussianBlur(3, 1, 2.0)).containsExactly(ResamplingMatrices.identity(3));
    }

    @Test
    void identityHasOnesOnTheDiagonalOnly() {
        assertThat(ResamplingMatrices.identity(3)).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1);
        assertThat(ResamplingMatrices.identity(1)).containsExactly(1);
    }

    @Test
    void boxAveragesEachBlock() {
        assertThat(ResamplingMatrices.boxDown(4, 2)).containsExactly(0.5f, 0.5f, 0, 0, 0, 0, 0.5f, 0.5f);
    }

    @Test
    void keysKernelAtKnownPoints() {
        assertThat(ResamplingMatrices.keys(0)).isEqualTo(1);
        assertThat(ResamplingMatrices.keys(0.5)).isCloseTo(0.5625, within(1e-12));
        assertThat(ResamplingMatrices.keys(-0.5)).isCloseTo(0.5625, within(1e-12));
        assertThat(ResamplingMatrices.keys(1)).isCloseTo(0, within(1e-12));
        assertThat(ResamplingMatrices.keys(1.5)).isCloseTo(-0.0625, within(1e-12));
        assertThat(ResamplingMatrices.keys(2)).isCloseTo(0, within(1e-12));
        assertThat(ResamplingMatrices.keys(2.5)).isZero();
    }

    @Test
    void bicubicByFourAtTheBorderFoldsTheMirroredTaps() {
        // 32 → 8, row 0 centred at 1.5: every tap j in −6..9 weighs keys((j − 1.5)/4)/4 (the weights sum to 4)
        float[] m = ResamplingMatrices.bicubicDown(32, 4);
        double[] expected = new double[32];
        for (int j = -6; j <= 9; j++) {
            int folded = j < 0 ? -j - 1 : j;
            expected[folded] += ResamplingMatrices.keys((j - 1.5) / 4) / 4;
        }
        for (int j = 0; j < 32; j++) {
            assertThat((double) m[j]).as("column %d", j).isCloseTo(expected[j], within(1e-6));
        }
        assertThat(m[10]).isZero();
    }
}
