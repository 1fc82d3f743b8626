package org.g2d2.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.g2d2.core.Image;
import org.g2d2.core.metrics.Psnr;
import org.g2d2.core.operator.InpaintingMask;
import org.g2d2.core.operator.KernelMatrix;
import org.g2d2.core.operator.MotionKernels;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.operator.SeparableMatrix;
import org.junit.jupiter.api.Test;

/** Harmonic and biharmonic fills, and Wiener / Richardson–Lucy with a general kernel. */
class InpaintingBaselinesTest {

    /** A plane a + b·i + c·j, harmonic and biharmonic alike. */
    private static Image ramp(int h, int w) {
        float[] v = new float[h * w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                v[i * w + j] = (float) (-0.8 + 0.05 * i + 0.03 * j);
            }
        }
        return new Image(1, h, w, v);
    }

    @Test
    void aLinearRampIsFilledExactlyAndKnownPixelsStay() {
        Image truth = ramp(20, 20);
        InpaintingMask mask = InpaintingMask.box(20, 20, 8, new SplittableRandom(2));
        Image y = new org.g2d2.core.operator.MaskMatrix(mask).apply(truth);
        for (boolean bi : new boolean[] {false, true}) {
            Image x = new HarmonicInpainting(mask, bi).restore(y);
            for (int p = 0; p < truth.data().length; p++) {
                assertThat((double) x.data()[p]).as("pixel %d (%s)", p, bi ? "biharmonic" : "harmonic")
                        .isCloseTo(truth.data()[p], Offset.offset(1e-4));
            }
        }
    }

    @Test
    void harmonicFillBeatsLeavingTheHoleEmptyOnASmoothImage() {
        Image truth = SyntheticImages.blobs(32, 3);
        InpaintingMask mask = InpaintingMask.randomPixels(32, 32, 0.5, new SplittableRandom(5));
        Image y = new org.g2d2.core.operator.MaskMatrix(mask).apply(truth);
        boolean[] hole = mask.inverted().known();
        double empty = Psnr.over(truth, y, hole);
        double harmonic = Psnr.over(truth, new HarmonicInpainting(mask, false).restore(y), hole);
        double biharmonic = Psnr.over(truth, new HarmonicInpainting(mask, true).restore(y), hole);
        assertThat(harmonic).isGreaterThan(empty + 10);
        assertThat(biharmonic).isGreaterThan(empty + 10);
    }

    @Test
    void wienerByConjugateGradientsEqualsTheExactSeparableFilter() {
        Image truth = SyntheticImages.blobs(16, 1);
        OperatorSpec gauss = OperatorSpec.blur(1.2, 7);
        SeparableMatrix separable = (SeparableMatrix) gauss.linearPart(16, 16);
        float[] taps = new float[49];
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                taps[i * 7 + j] = (float) Math.exp(-0.5 * ((i - 3) * (i - 3) + (j - 3) * (j - 3)) / 1.44);
            }
        }
        KernelMatrix general = new KernelMatrix(new org.g2d2.core.operator.ConvolutionKernel("g", 7, 7, taps), 16, 16);
        Image y = separable.apply(truth);
        Image exact = new WienerDeconvolution(separable, 0.01).restore(y);
        Image iterative = new WienerDeconvolution(general, 0.01).restore(y);
        for (int p = 0; p < exact.data().length; p++) {
            assertThat((double) iterative.data()[p]).isCloseTo(exact.data()[p], Offset.offset(1e-3));
        }
    }

    @Test
    void motionDeblurringBaselinesImproveOnTheBlurredImage() {
        Image truth = SyntheticImages.blobs(32, 2);
        KernelMatrix a = new KernelMatrix(MotionKernels.line(9, 45), 32, 32);
        Image y = a.apply(truth);
        double blurred = Psnr.compute(truth, y);
        assertThat(Psnr.compute(truth, new WienerDeconvolution(a, 1e-3).restore(y))).isGreaterThan(blurred + 1);
        assertThat(Psnr.compute(truth, new RichardsonLucy(a, 50).restore(y))).isGreaterThan(blurred + 1);
    }
}
