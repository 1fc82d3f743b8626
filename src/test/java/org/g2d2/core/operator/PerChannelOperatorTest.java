package org.g2d2.core.operator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.g2d2.core.Image;
import org.junit.jupiter.api.Test;

/**
 * A colour image is degraded channel by channel: every operator of the family, in both its tensor
 * and its plain form, gives on each channel of an RGB image exactly what it gives on that channel
 * alone as a grey image (issue 12).
 */
class PerChannelOperatorTest {

    private static final int H = 24;
    private static final int W = 20;

    private static List<OperatorSpec> family() {
        return List.of(
                OperatorSpec.blur(1.5, 9),
                OperatorSpec.superResolution(4),
                new OperatorSpec(OperatorSpec.Kind.SR_BOX, 0, 0, 2),
                OperatorSpec.convolution(MotionKernels.line(7, 30)),
                OperatorSpec.inpaint(MaskSpec.random(0.3, 5)),
                OperatorSpec.saturate(1.0, 5, 1.6));
    }

    private static Image rgb(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[3 * H * W];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (2 * r.nextDouble() - 1);
        }
        return new Image(3, H, W, v);
    }

    private static Image channel(Image x, int c) {
        int plane = x.height() * x.width();
        return new Image(1, x.height(), x.width(), Arrays.copyOfRange(x.data(), c * plane, (c + 1) * plane));
    }

    private static void assertSame(Image colourResult, int c, Image greyResult, String what) {
        Image part = channel(colourResult, c);
        assertThat(part.height()).isEqualTo(greyResult.height());
        assertThat(part.width()).isEqualTo(greyResult.width());
        for (int i = 0; i < part.data().length; i++) {
            assertThat((double) part.data()[i]).as("%s, channel %d, value %d", what, c, i)
                    .isCloseTo(greyResult.data()[i], Offset.offset(1e-5));
        }
    }

    @Test
    void tensorOperatorsActOnEachChannelAsOnAGreyImage() {
        Image x = rgb(1);
        for (OperatorSpec spec : family()) {
            try (NDManager m = NDManager.newBaseManager(); ForwardOperator op = spec.create(m, H, W)) {
                Image colour = Image.of(op.apply(x.toNDArray(m)));
                assertThat(colour.channels()).as(spec.describe()).isEqualTo(3);
                Image colourAdjoint = Image.of(op.adjoint(colour.toNDArray(m)));
                for (int c = 0; c < 3; c++) {
                    Image grey = Image.of(op.apply(channel(x, c).toNDArray(m)));
                    assertSame(colour, c, grey, spec.describe() + " forward");
                    Image greyAdjoint = Image.of(op.adjoint(channel(colour, c).toNDArray(m)));
                    assertSame(colourAdjoint, c, greyAdjoint, spec.describe() + " adjoint");
                }
            }
        }
    }

    @Test
    void plainOperatorsActOnEachChannelAsOnAGreyImage() {
        Image x = rgb(2);
        for (OperatorSpec spec : family()) {
            ImageMap map = spec.model(H, W);
            Image colour = map.apply(x);
            assertThat(colour.channels()).as(spec.describe()).isEqualTo(3);
            for (int c = 0; c < 3; c++) {
                assertSame(colour, c, map.apply(channel(x, c)), spec.describe() + " plain");
            }
        }
    }

    @Test
    void theChannelsAreNotMixed() {
        // only the green channel varies: red and blue must come out as the operator makes a blank
        // grey image (zero, or the saturation's clipped offset), whatever green holds
        float[] v = new float[3 * H * W];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = H * W; i < 2 * H * W; i++) {
            v[i] = (float) r.nextDouble();
        }
        Image green = new Image(3, H, W, v);
        Image blank = new Image(1, H, W, new float[H * W]);
        for (OperatorSpec spec : family()) {
            ImageMap map = spec.model(H, W);
            Image y = map.apply(green);
            Image ofBlank = map.apply(blank);
            for (int c : new int[] {0, 2}) {
                assertThat(channel(y, c).data()).as("%s leaks into channel %d", spec.describe(), c)
                        .containsExactly(ofBlank.data());
            }
            assertThat(channel(y, 1).data()).as(spec.describe()).isNotEqualTo(ofBlank.data());
        }
    }
}
