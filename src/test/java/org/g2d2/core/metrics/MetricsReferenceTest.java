package org.g2d2.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.g2d2.core.Image;
import org.junit.jupiter.api.Test;

/**
 * Metrics against values from an independent implementation (NumPy / SciPy in double precision,
 * computed once and written here; SSIM agrees to 1e-7, the float rounding of the pixel values): SSIM on non-square, even-sized and two-channel images whose values leave [−1, 1],
 * and Student's t CDF, quantile, incomplete beta and log-gamma off the tabulated points.
 */
class MetricsReferenceTest {

    /** amp·sin(0.37y + 0.011x² + phase + 0.5c), rounded to float. */
    private static Image pattern(int c, int h, int w, double phase, double amp) {
        float[] d = new float[c * h * w];
        for (int k = 0; k < c; k++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    d[(k * h + y) * w + x] = (float) (amp * Math.sin(0.37 * y + 0.011 * x * x + phase + 0.5 * k));
                }
            }
        }
        return new Image(c, h, w, d);
    }

    private static double ssim(int c, int h, int w) {
        return Ssim.compute(pattern(c, h, w, 0, 0.9), pattern(c, h, w, 0.3, 1.2));
    }

    @Test
    void ssimMatchesAReferenceOnValidWindowsOfEveryShape() {
        assertThat(ssim(1, 14, 13)).isCloseTo(0.9055938207609305, within(1e-7));   // 4 × 3 windows of 11
        assertThat(ssim(1, 8, 10)).isCloseTo(0.7404184911015788, within(1e-7));    // window 7 (8 is even)
        assertThat(ssim(2, 12, 12)).isCloseTo(0.9197376754412669, within(1e-7));   // two channels, clamped values
    }

    @Test
    void metricsRefuseImagesOfDifferentShapes() {
        assertThatThrownBy(() -> Ssim.compute(pattern(1, 8, 8, 0, 1), pattern(1, 8, 9, 0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1x8x8 vs 1x8x9");
        assertThatThrownBy(() -> Psnr.compute(pattern(1, 8, 8, 0, 1), pattern(2, 8, 8, 0, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Psnr.compute(pattern(1, 8, 8, 0, 1), pattern(1, 9, 8, 0, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void psnrClampsToTheUnitRange() {
        // 2.0 clamps to 1.0 ([0, 1] value 1): against 0.0 (0.5) the MSE is 0.25, PSNR 6.02 dB
        Image high = new Image(1, 1, 2, new float[] {2f, 1f});
        Image mid = new Image(1, 1, 2, new float[] {0f, 0f});
        assertThat(Psnr.compute(high, mid)).isCloseTo(10 * Math.log10(4), within(1e-9));
        Image low = new Image(1, 1, 2, new float[] {-3f, -1f});
        assertThat(Psnr.compute(low, mid)).isCloseTo(10 * Math.log10(4), within(1e-9));
    }

    @Test
    void studentTCdfOffTheTables() {
        assertThat(StudentT.cdf(0.5, 3)).isCloseTo(0.6742760175759245, within(1e-10));
        assertThat(StudentT.cdf(-1.7, 7)).isCloseTo(0.0664644483912776, within(1e-10));
        assertThat(StudentT.cdf(2.5, 1)).isCloseTo(0.8788810584091566, within(1e-10));
        assertThat(StudentT.cdf(4.0, 30)).isCloseTo(0.9998090771819581, within(1e-10));
        assertThat(StudentT.cdf(-0.2, 2.5)).isCloseTo(0.42830484201451274, within(1e-10));
    }

    @Test
    void studentTQuantileOffTheTables() {
        assertThat(StudentT.quantile(0.9, 3)).isCloseTo(1.637744353696209, within(1e-9));
        assertThat(StudentT.quantile(0.6, 10)).isCloseTo(0.2601848294920803, within(1e-9));
        assertThat(StudentT.quantile(0.999, 2)).isCloseTo(22.327124770119866, within(1e-8));
        assertThat(StudentT.quantile(0.05, 5)).isCloseTo(-2.015048373333024, within(1e-9));
        assertThat(StudentT.quantile(0.5, 4)).isCloseTo(0, within(1e-11));
        for (double[] bad : new double[][] {{0, 3}, {1, 3}, {Double.NaN, 3}, {0.5, 0}, {0.5, Double.NaN}}) {
            assertThatThrownBy(() -> StudentT.quantile(bad[0], bad[1]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("found p=");
        }
    }

    @Test
    void incompleteBetaOnBothSidesOfTheSymmetrySwitch() {
        assertThat(StudentT.regularizedBeta(0.2, 2, 3)).isCloseTo(0.1808, within(1e-12));
        assertThat(StudentT.regularizedBeta(0.9, 2, 3)).isCloseTo(0.9963, within(1e-12));
        assertThat(StudentT.regularizedBeta(0.5, 0.5, 0.5)).isCloseTo(0.5, within(1e-12));
        assertThat(StudentT.regularizedBeta(0.3, 5, 0.5)).isCloseTo(0.0006913033857629756, within(1e-14));
        assertThat(StudentT.regularizedBeta(0, 2, 3)).isZero();
        assertThat(StudentT.regularizedBeta(-0.1, 2, 3)).isZero();
        assertThat(StudentT.regularizedBeta(1, 2, 3)).isEqualTo(1);
        assertThat(StudentT.regularizedBeta(1.5, 2, 3)).isEqualTo(1);
    }

    @Test
    void logGammaIncludingTheReflectedRange() {
        assertThat(StudentT.logGamma(0.3)).isCloseTo(1.0957979948180756, within(1e-12));
        assertThat(StudentT.logGamma(0.5)).isCloseTo(0.5723649429247, within(1e-12));
        assertThat(StudentT.logGamma(1.0)).isCloseTo(0, within(1e-12));
        assertThat(StudentT.logGamma(2.5)).isCloseTo(0.2846828704729192, within(1e-12));
        assertThat(StudentT.logGamma(7.25)).isCloseTo(7.0521854507385395, within(1e-11));
    }

    @Test
    void intervalLevelsAndBounds() {
        MeanInterval ci = MeanInterval.of(new double[] {1, 2, 3, 4, 5}, 0.8);
        // t(0.9, 4) = 1.5332: half-width 1.5332 · 1.5811 / √5 = 1.0841
        assertThat(ci.halfWidth()).isCloseTo(1.0841, within(1e-4));
        assertThat(ci.lower()).isCloseTo(3 - ci.halfWidth(), within(1e-12));
        for (double level : new double[] {0, 1, Double.NaN, -0.5}) {
            assertThatThrownBy(() -> MeanInterval.of(new double[] {1, 2}, level))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("found " + level);
        }
    }
}
