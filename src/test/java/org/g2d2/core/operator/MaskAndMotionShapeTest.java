package org.g2d2.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.g2d2.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The shapes the simulated masks and the motion kernels promise: where the pixels and the weights go. */
class MaskAndMotionShapeTest {

    @Test
    void aHorizontalMotionKernelIsAnEvenLineThroughTheCentreRow() {
        ConvolutionKernel k = MotionKernels.line(7, 0);
        assertThat(k.height()).isEqualTo(9);
        assertThat(k.width()).isEqualTo(9);
        assertThat(k.name()).isEqualTo("motion-7px-0deg.png");
        int c = 4;
        double row = 0;
        for (int col = 0; col < 9; col++) {
            row += k.at(c, col);
            // the path spans t in [-3, 3] around the centre, nothing beyond
            if (Math.abs(col - c) > 3) {
                assertThat(k.at(c, col)).as("col " + col).isZero();
            } else {
                assertThat(k.at(c, col)).as("col " + col).isGreaterThan(0f);
            }
            assertThat(k.at(c, col)).isCloseTo(k.at(c, 8 - col), within(1e-6f));
        }
        assertThat(row).isCloseTo(1.0, within(1e-5));
        // the inner pixels of a uniform path carry equal weight
        assertThat(k.at(c, c)).isCloseTo(k.at(c, c + 1), within(1e-3f));
        assertThat(k.at(c, c + 3)).isLessThan(k.at(c, c + 2));
    }

    @Test
    void aVerticalKernelIsTheHorizontalOneTransposed() {
        ConvolutionKernel h = MotionKernels.line(9, 0);
        ConvolutionKernel v = MotionKernels.line(9, 90);
        for (int r = 0; r < h.height(); r++) {
            for (int col = 0; col < h.width(); col++) {
                assertThat(v.at(r, col)).as(r + "," + col).isCloseTo(h.at(col, r), within(1e-5f));
            }
        }
    }

    @Test
    void aDiagonalKernelRisesToTheRightAndIsPointSymmetric() {
        ConvolutionKernel k = MotionKernels.line(9, 45);
        int side = k.height();
        int c = side / 2;
        double onAntiDiagonal = 0;
        for (int r = 0; r < side; r++) {
            for (int col = 0; col < side; col++) {
                assertThat(k.at(r, col)).isCloseTo(k.at(side - 1 - r, side - 1 - col), within(1e-5f));
                if (Math.abs(r + col - 2 * c) <= 1) {
                    onAntiDiagonal += k.at(r, col);
                }
            }
        }
        // counter-clockwise from the x axis: up and to the right, so rows fall as columns grow
        assertThat(onAntiDiagonal).isGreaterThan(0.99);
        assertThat(k.at(c - 2, c + 2)).isGreaterThan(0f);
        assertThat(k.at(c + 2, c + 2)).isZero();
    }

    @Test
    void motionLengthsOutsideTheRangeAreRefusedWithTheRange() {
        assertThatThrownBy(() -> MotionKernels.line(0.5, 0)).hasMessageContaining("from 1 to 61 pixels; found 0.5");
        assertThatThrownBy(() -> MotionKernels.line(62, 0)).hasMessageContaining("found 62");
        assertThat(MotionKernels.line(61, 0).width()).isEqualTo(63);
        assertThat(MotionKernels.line(1, 30).width()).isEqualTo(3);
        assertThat(MotionKernels.fileName(9.4, 44.6)).isEqualTo("motion-9px-45deg.png");
        assertThat(MotionKernels.SHIPPED).hasSize(4);
    }

    @Test
    void aBoxHoleIsOneSquareOfTheGivenSideInsideTheImageAndTheSeedPlacesIt() {
        InpaintingMask m = InpaintingMask.box(20, 30, 6, new SplittableRandom(3));
        assertThat(m.missingCount()).isEqualTo(36);
        assertThat(m.knownCount()).isEqualTo(20 * 30 - 36);
        int top = Integer.MAX_VALUE;
        int bottom = -1;
        int left = Integer.MAX_VALUE;
        int right = -1;
        for (int r = 0; r < 20; r++) {
            for (int col = 0; col < 30; col++) {
                if (!m.isKnown(r, col)) {
                    top = Math.min(top, r);
                    bottom = Math.max(bottom, r);
                    left = Math.min(left, col);
                    right = Math.max(right, col);
                }
            }
        }
        assertThat(bottom - top).isEqualTo(5);
        assertThat(right - left).isEqualTo(5);
        assertThat(m).isEqualTo(InpaintingMask.box(20, 30, 6, new SplittableRandom(3)));
        boolean moved = false;
        for (long seed = 4; seed < 10 && !moved; seed++) {
            moved = !m.equals(InpaintingMask.box(20, 30, 6, new SplittableRandom(seed)));
        }
        assertThat(moved).isTrue();
        // a hole as wide as the image leaves nothing around it, and is refused
        assertThatThrownBy(() -> InpaintingMask.box(20, 30, 20, new SplittableRandom(1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("from 1 to one less than the image's "
                        + "shorter side (19)");
        assertThatThrownBy(() -> InpaintingMask.box(20, 30, 0, new SplittableRandom(1)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(InpaintingMask.box(2, 2, 1, new SplittableRandom(1)).missingCount()).isEqualTo(1);
    }

    @Test
    void randomPixelsMissAtTheFractionAndAlwaysKeepOne() {
        InpaintingMask half = InpaintingMask.randomPixels(64, 64, 0.5, new SplittableRandom(7));
        assertThat(half.missingCount() / 4096.0).isBetween(0.45, 0.55);
        InpaintingMask most = InpaintingMask.randomPixels(64, 64, 0.9, new SplittableRandom(7));
        assertThat(most.missingCount() / 4096.0).isBetween(0.87, 0.93);
        // one pixel, almost surely missing: the draw keeps one known
        assertThat(InpaintingMask.randomPixels(1, 1, 0.999999, new SplittableRandom(1)).knownCount()).isEqualTo(1);
        assertThatThrownBy(() -> InpaintingMask.randomPixels(4, 4, 0, new SplittableRandom(1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("found 0.0");
        assertThatThrownBy(() -> InpaintingMask.randomPixels(4, 4, 1, new SplittableRandom(1)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void scribblesAreThickConnectedStrokesAndTheirCountIsBounded() {
        InpaintingMask one = InpaintingMask.scribbles(32, 32, 1, new SplittableRandom(5));
        // a walk of 16 unit steps, 2 pixels thick: more than a dot, far less than the image
        assertThat(one.missingCount()).isBetween(8, 2 * 2 * 17);
        // every missing pixel touches another (a stroke, not scattered dots)
        for (int r = 0; r < 32; r++) {
            for (int c = 0; c < 32; c++) {
                if (!one.isKnown(r, c)) {
                    boolean touches = false;
                    for (int dr = -1; dr <= 1; dr++) {
                        for (int dc = -1; dc <= 1; dc++) {
                            int rr = r + dr;
                            int cc = c + dc;
                            if ((dr != 0 || dc != 0) && rr >= 0 && rr < 32 && cc >= 0 && cc < 32
                                    && !one.isKnown(rr, cc)) {
                                touches = true;
                            }
                        }
                    }
                    assertThat(touches).as(r + "," + c).isTrue();
                }
            }
        }
        assertThat(InpaintingMask.scribbles(32, 32, 8, new SplittableRandom(5)).missingCount())
                .isGreaterThan(one.missingCount());
        assertThatThrownBy(() -> InpaintingMask.scribbles(32, 32, 0, new SplittableRandom(1)))
                .hasMessageContaining("from 1 to 100 strokes; found 0");
        assertThatThrownBy(() -> InpaintingMask.scribbles(32, 32, 101, new SplittableRandom(1)))
                .hasMessageContaining("found 101");
        assertThatThrownBy(() -> InpaintingMask.scribbles(4, 4, 100, new SplittableRandom(1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cover the whole 4x4 image");
    }

    @Test
    void aMaskIsItsOwnCopyWeighsKnownPixelsOneAndInvertsAndEncodesBothWays() {
        boolean[] known = {true, false, true, true, false, true};
        InpaintingMask m = new InpaintingMask(2, 3, known);
        known[0] = false;
        assertThat(m.isKnown(0, 0)).isTrue();
        assertThat(m.isKnown(0, 1)).isFalse();
        assertThat(m.isKnown(1, 1)).isFalse();
        assertThat(m.isKnown(1, 2)).isTrue();
        assertThat(m.weights()).containsExactly(1f, 0f, 1f, 1f, 0f, 1f);
        InpaintingMask inv = m.inverted();
        assertThat(inv.weights()).containsExactly(0f, 1f, 0f, 0f, 1f, 0f);
        assertThat(inv.inverted()).isEqualTo(m).hasSameHashCodeAs(m);
        assertThat(inv).isNotEqualTo(m);
        assertThat(new InpaintingMask(3, 2, m.known())).isNotEqualTo(m);
        assertThat(InpaintingMask.decode(2, 3, m.encode())).isEqualTo(m);
        assertThat(m.toString()).isEqualTo("mask 3x2 (2 missing)");
        assertThatThrownBy(() -> new InpaintingMask(2, 3, new boolean[5])).hasMessageContaining("needs 6 values; found 5");
        assertThatThrownBy(() -> new InpaintingMask(2, 3, new boolean[6])).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("all black");
    }
}
