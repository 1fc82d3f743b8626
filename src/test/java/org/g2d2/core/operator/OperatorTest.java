package org.g2d2.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.g2d2.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class OperatorTest {

    @Test
    void bicubicDownByTwoHasKeysWeightsInTheInterior() {
        float[] m = ResamplingMatrices.bicubicDown(16, 2);
        // row 4 is centred at input 8.5: taps 5..12 at distances ±0.25, ±0.75, ±1.25, ±1.75 (in output pixels)
        double[] expected = {-0.01171875, -0.03515625, 0.11328125, 0.43359375, 0.43359375, 0.11328125,
            -0.03515625, -0.01171875};
        for (int j = 0; j < 8; j++) {
            assertThat((double) m[4 * 16 + 5 + j]).isCloseTo(expected[j], within(1e-6));
        }
        assertThat(m[4 * 16 + 4]).isZero();
        assertThat(m[4 * 16 + 13]).isZero();
    }

    @Test
    void bicubicDownMirrorsBorderTapsRepeatingTheEdgeSample() {
        float[] m = ResamplingMatrices.bicubicDown(16, 2);
        // row 0 is centred at input 0.5: taps -3..4 carry the interior weights; -1, -2, -3 fold onto 0, 1, 2
        double[] first = {0.11328125 + 0.43359375, -0.03515625 + 0.43359375, -0.01171875 + 0.11328125,
            -0.03515625, -0.01171875};
        for (int j = 0; j < first.length; j++) {
            assertThat((double) m[j]).as("row 0 column %d", j).isCloseTo(first[j], within(1e-6));
            // the last row is the first one mirrored
            assertThat((double) m[7 * 16 + 15 - j]).as("row 7 column %d", 15 - j).isCloseTo(first[j], within(1e-6));
        }
        for (int j = first.length; j < 16; j++) {
            assertThat(m[j]).as("row 0 column %d", j).isZero();
        }
    }

    @Test
    void symmetricPaddingRepeatsTheEdgeSample() {
        assertThat(ResamplingMatrices.symmetric(-1, 5)).isEqualTo(0);
        assertThat(ResamplingMatrices.symmetric(-2, 5)).isEqualTo(1);
        assertThat(ResamplingMatrices.symmetric(5, 5)).isEqualTo(4);
        assertThat(ResamplingMatrices.symmetric(6, 5)).isEqualTo(3);
        assertThat(ResamplingMatrices.symmetric(10, 5)).isEqualTo(0);
        assertThat(ResamplingMatrices.symmetric(-12, 5)).isEqualTo(1);
        assertThat(ResamplingMatrices.symmetric(3, 1)).isEqualTo(0);
    }

    @Test
    void everyRowAveragesSoConstantsStayConstant() {
        float[][] matrices = {ResamplingMatrices.bicubicDown(32, 4), ResamplingMatrices.boxDown(32, 2),
            ResamplingMatrices.gaussianBlur(32, 9, 1.5), ResamplingMatrices.gaussianBlur(8, 61, 3.0)};
        int[] columns = {32, 32, 32, 8};
        for (int k = 0; k < matrices.length; k++) {
            int cols = columns[k];
            int rows = matrices[k].length / cols;
            for (int i = 0; i < rows; i++) {
                double sum = 0;
                for (int j = 0; j < cols; j++) {
                    sum += matrices[k][i * cols + j];
                }
                assertThat(sum).as("matrix %d row %d", k, i).isCloseTo(1.0, within(1e-5));
            }
        }
    }

    @Test
    void reflectPaddingMirrorsWithoutRepeatingTheEdge() {
        assertThat(ResamplingMatrices.reflect(-1, 5)).isEqualTo(1);
        assertThat(ResamplingMatrices.reflect(-2, 5)).isEqualTo(2);
        assertThat(ResamplingMatrices.reflect(5, 5)).isEqualTo(3);
        assertThat(ResamplingMatrices.reflect(9, 5)).isEqualTo(1);
        assertThat(ResamplingMatrices.reflect(-30, 5)).isBetween(0, 4);
    }

    @Test
    void adjointSatisfiesTheInnerProductIdentityAndGradientsFlow() {
        try (NDManager m = NDManager.newBaseManager()) {
            SplittableRandom rng = new SplittableRandom(1);
            for (OperatorSpec spec : new OperatorSpec[] {OperatorSpec.blur(1.5, 9), OperatorSpec.superResolution(4),
                new OperatorSpec(OperatorSpec.Kind.SR_BOX, 0, 0, 2), OperatorSpec.identity()}) {
                try (ForwardOperator op = spec.create(m, 32, 32)) {
                    int[] out = op.outputSize(32, 32);
                    NDArray x = random(m, rng, 1, 2, 32, 32);
                    NDArray y = random(m, rng, 1, 2, out[0], out[1]);
                    NDArray ax = op.apply(x);
                    assertThat(ax.getShape()).isEqualTo(new Shape(1, 2, out[0], out[1]));
                    double lhs = ax.mul(y).sum().getFloat();
                    double rhs = x.mul(op.adjoint(y)).sum().getFloat();
                    assertThat(lhs).as(spec.describe()).isCloseTo(rhs, within(1e-3 * Math.max(1, Math.abs(lhs))));
                    x.setRequiresGradient(true);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(op.apply(x).mul(y).sum());
                    }
                    // d<Ax, y>/dx = Aᵀy
                    NDArray expected = op.adjoint(y);
                    assertThat(x.getGradient().sub(expected).abs().max().getFloat()).isLessThan(1e-5f);
                }
            }
        }
    }

    @Test
    void blurSmoothsAStepEdge() {
        try (NDManager m = NDManager.newBaseManager(); ForwardOperator op = OperatorSpec.blur(1.5, 9).create(m, 8, 8)) {
            float[] img = new float[64];
            for (int i = 0; i < 64; i++) {
                img[i] = (i % 8) < 4 ? -1f : 1f;
            }
            float[] out = op.apply(m.create(img, new Shape(1, 1, 8, 8))).toFloatArray();
            assertThat(out[3]).isBetween(-0.9f, 0f);
            assertThat(out[4]).isBetween(0f, 0.9f);
            assertThat(out[0]).isLessThan(out[3]);
        }
    }

    @Test
    void invalidSettingsSayWhatIsAllowed() {
        assertThatThrownBy(() -> OperatorSpec.blur(1.5, 8)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("odd").hasMessageContaining("found 8");
        assertThatThrownBy(() -> OperatorSpec.blur(Double.NaN, 9)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> OperatorSpec.superResolution(3)).hasMessageContaining("2 or 4");
        assertThatThrownBy(() -> OperatorSpec.Kind.parse("motion")).hasMessageContaining("blur, sr, sr-box, identity");
        assertThatThrownBy(() -> MeasurementNoise.validate(-0.1)).hasMessageContaining("[0, 1]");
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> OperatorSpec.superResolution(4).create(m, 30, 30))
                    .hasMessageContaining("multiples of the scale");
        }
    }

    @Test
    void noiseHasTheRequestedSpreadAndIsSeeded() {
        org.g2d2.core.Image zero = new org.g2d2.core.Image(1, 100, 100, new float[10000]);
        org.g2d2.core.Image a = MeasurementNoise.add(zero, 0.05, 3);
        double sq = 0;
        for (float v : a.data()) {
            sq += v * v;
        }
        assertThat(Math.sqrt(sq / 10000)).isCloseTo(0.05, within(0.002));
        assertThat(MeasurementNoise.add(zero, 0.05, 3).data()).containsExactly(a.data());
    }

    private static NDArray random(NDManager m, SplittableRandom rng, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        long[] dims = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            dims[i] = shape[i];
        }
        return m.create(v, new Shape(dims));
    }
}
