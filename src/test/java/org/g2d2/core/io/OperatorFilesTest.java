package org.g2d2.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.g2d2.core.operator.ConvolutionKernel;
import org.g2d2.core.operator.InpaintingMask;
import org.g2d2.core.operator.MotionKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorFilesTest {

    @TempDir
    Path dir;

    @Test
    void theShippedKernelsAreTheGeneratedOnesReadBackToWithinOneGreyLevel() {
        for (double[] m : MotionKernels.SHIPPED) {
            ConvolutionKernel made = MotionKernels.line(m[0], m[1]);
            ConvolutionKernel read = OperatorFiles.readKernel(Path.of("assets/kernels", made.name()));
            assertThat(read.width()).isEqualTo(made.width());
            float max = 0;
            for (float v : made.weights()) {
                max = Math.max(max, v);
            }
            for (int i = 0; i < made.weights().length; i++) {
                // the PNG stores weight / max in 8 bits; grey levels are linear, not gamma-encoded
                assertThat(read.weights()[i]).isCloseTo(made.weights()[i], Offset.offset(max / 200f));
            }
        }
    }

    @Test
    void aTextKernelIsReadAndNormalised() throws Exception {
        Path f = dir.resolve("k.csv");
        Files.writeString(f, "# a 3x1 box\n1, 1, 1\n");
        ConvolutionKernel k = OperatorFiles.readKernel(f);
        assertThat(k.height()).isEqualTo(1);
        assertThat(k.weights()).containsExactly(1 / 3f, 1 / 3f, 1 / 3f);
    }

    @Test
    void aMaskSurvivesWritingAndReading() throws Exception {
        InpaintingMask m = InpaintingMask.scribbles(20, 30, 3, new java.util.SplittableRandom(1));
        Path f = dir.resolve("m.png");
        ImageFiles.writePng(f, OperatorFiles.maskImage(m));
        assertThat(OperatorFiles.readMask(f)).isEqualTo(m);
    }
}
