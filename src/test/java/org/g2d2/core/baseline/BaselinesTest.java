package org.g2d2.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.metrics.Psnr;
import org.g2d2.core.operator.MeasurementNoise;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.operator.SeparableMatrix;
import org.junit.jupiter.api.Test;

class BaselinesTest {

    private static final OperatorSpec BLUR = OperatorSpec.blur(1.5, 9);

    @Test
    void jacobiEigenReconstructsTheGramMatrix() {
        SeparableMatrix a = SeparableMatrix.of(BLUR, 12, 12);
        double[] g = SymmetricEigen.gram(a.rows(), 12, 12);
        SymmetricEigen e = SymmetricEigen.of(g, 12);
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 12; j++) {
                double s = 0;
                for (int k = 0; k < 12; k++) {
                    s += e.vectors()[i * 12 + k] * e.values()[k] * e.vectors()[j * 12 + k];
                }
                assertThat(s).isCloseTo(g[i * 12 + j], org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void wienerAndRichardsonLucyImproveOnTheBlurredInput() {
        Image truth = SyntheticImages.shapes(32);
        SeparableMatrix a = SeparableMatrix.of(BLUR, 32, 32);
        Image y = MeasurementNoise.add(a.apply(truth), 0.01, 7);
        double blurred = Psnr.compute(truth, y);
        double wiener = Psnr.compute(truth, new WienerDeconvolution(a, 1e-3).restore(y));
        double rl = Psnr.compute(truth, new RichardsonLucy(a, 40).restore(y));
        assertThat(wiener).isGreaterThan(blurred + 2);
        assertThat(rl).isGreaterThan(blurred + 2);
    }

    @Test
    void wienerWithTinyNsrInvertsANoiselessBlur() {
        Image truth = SyntheticImages.blobs(16, 1);
        SeparableMatrix a = SeparableMatrix.of(OperatorSpec.blur(0.8, 3), 16, 16);
        Image restored = new WienerDeconvolution(a, 1e-9).restore(a.apply(truth));
        assertThat(Psnr.compute(truth, restored)).isGreaterThan(50);
    }

    @Test
    void bicubicUpsamplingOfADownsampledRampIsCloseToTheRamp() {
        Image truth = SyntheticImages.ramp(32);
        SeparableMatrix down = SeparableMatrix.of(OperatorSpec.superResolution(4), 32, 32);
        Image up = new BicubicUpsampling(4, 8, 8).restore(down.apply(truth));
        assertThat(up.height()).isEqualTo(32);
        assertThat(Psnr.compute(truth, up)).isGreaterThan(30);
        // away from the borders the Keys kernel reproduces a linear ramp almost exactly
        assertThat(Math.abs(up.get(0, 16, 16) - truth.get(0, 16, 16))).isLessThan(0.02f);
    }

    @Test
    void backProjectionExplainsTheMeasurementBetterThanBicubic() {
        Image truth = SyntheticImages.blobs(32, 2);
        SeparableMatrix a = SeparableMatrix.of(OperatorSpec.superResolution(4), 32, 32);
        Image y = a.apply(truth);
        Image bicubic = new BicubicUpsampling(4, 8, 8).restore(y);
        Image ibp = new IterativeBackProjection(a, 4, IterativeBackProjection.DEFAULTS).restore(y);
        double rBicubic = SyntheticImages.residualNorm(y, a.apply(bicubic));
        double rIbp = SyntheticImages.residualNorm(y, a.apply(ibp));
        assertThat(rIbp).isLessThan(0.5 * rBicubic);
        assertThat(Psnr.compute(truth, ibp)).isGreaterThan(Psnr.compute(truth, bicubic));
    }

    @Test
    void tuningPicksMoreRegularisationForMoreNoise() {
        List<Image> training = List.of(SyntheticImages.blobs(24, 0), SyntheticImages.blobs(24, 1),
                SyntheticImages.blobs(24, 3));
        double quiet = new BaselineTuning(BLUR, 0.002, training, 1).tuneWiener().best();
        BaselineTuning noisyTuning = new BaselineTuning(BLUR, 0.1, training, 1);
        BaselineTuning.Result<Double> noisy = noisyTuning.tuneWiener();
        assertThat(noisy.best()).isGreaterThan(quiet);
        assertThat(noisy.scores()).hasSize(BaselineTuning.NSR_GRID.size());
        double bestScore = noisy.scores().stream().mapToDouble(BaselineTuning.Score::meanPsnr).max().orElseThrow();
        assertThat(noisy.scores().stream().filter(s -> s.value().equals(noisy.best())).findFirst().orElseThrow()
                .meanPsnr()).isEqualTo(bestScore);
        assertThat(noisyTuning.tuneRichardsonLucy().best()).isLessThanOrEqualTo(
                new BaselineTuning(BLUR, 0.002, training, 1).tuneRichardsonLucy().best());
    }

    @Test
    void baselinesForEachTask() {
        Baselines b = Baselines.defaults(0.05);
        assertThat(b.forTask(BLUR, 32, 32)).extracting(ClassicalRestorer::name)
                .containsExactly("unrestored", "wiener", "richardson-lucy");
        assertThat(b.forTask(OperatorSpec.superResolution(2), 32, 32)).extracting(ClassicalRestorer::name)
                .containsExactly("bicubic", "ibp");
        assertThatThrownBy(() -> new WienerDeconvolution(SeparableMatrix.of(BLUR, 8, 8), 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("found 0");
    }
}
