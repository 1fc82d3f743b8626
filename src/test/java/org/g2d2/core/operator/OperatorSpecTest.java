package org.g2d2.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import java.util.SplittableRandom;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * Operator settings as files keep them (JSON both ways), as people read them, which matrices each
 * kind builds, that an operator frees its arrays, and the seeded measurement noise.
 */
class OperatorSpecTest {

    private static final OperatorSpec[] ALL = {OperatorSpec.blur(1.25, 7), OperatorSpec.superResolution(4),
        new OperatorSpec(OperatorSpec.Kind.SR_BOX, 0, 0, 2), OperatorSpec.identity()};

    @Test
    void everyKindSurvivesJsonExactly() {
        for (OperatorSpec spec : ALL) {
            assertThat(OperatorSpec.fromJson(spec.toJson())).isEqualTo(spec);
        }
        JsonObject box = ALL[2].toJson();
        assertThat(box.get("kind").getAsString()).isEqualTo("sr-box");
        assertThat(box.get("scale").getAsInt()).isEqualTo(2);
        JsonObject blur = ALL[0].toJson();
        assertThat(blur.get("blurSigma").getAsDouble()).isEqualTo(1.25);
        assertThat(blur.get("blurSize").getAsInt()).isEqualTo(7);
        assertThat(OperatorSpec.Kind.parse("SR-Box")).isEqualTo(OperatorSpec.Kind.SR_BOX);
    }

    @Test
    void jsonThatIsIncompleteOrOutOfRangeSaysWhy() {
        JsonObject missing = ALL[0].toJson();
        missing.remove("blurSize");
        assertThatThrownBy(() -> OperatorSpec.fromJson(missing)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("are incomplete; they need kind, blurSigma, blurSize");
        JsonObject even = ALL[0].toJson();
        even.addProperty("blurSize", 8);
        // the range check's own message, not "incomplete"
        assertThatThrownBy(() -> OperatorSpec.fromJson(even)).isInstanceOf(InvalidInputException.class)
                .hasMessage("blur size must be an odd number of pixels from 1 to 201; found 8");
        JsonObject unknown = ALL[0].toJson();
        unknown.addProperty("kind", "motion");
        assertThatThrownBy(() -> OperatorSpec.fromJson(unknown)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("operator 'motion' is unknown; allowed: blur, sr, sr-box");
    }

    @Test
    void descriptionsNameTheKindAndItsParameters() {
        assertThat(ALL[0].describe()).isEqualTo("blur sigma=1.25 7x7");
        assertThat(ALL[1].describe()).isEqualTo("sr x4 bicubic");
        assertThat(ALL[2].describe()).isEqualTo("sr x2 box");
        assertThat(ALL[3].describe()).isEqualTo("identity");
    }

    @Test
    void theBoxKindAveragesBlocksOnBothAxesAndTheBicubicKindDoesNot() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] x = new float[4 * 8];
            SplittableRandom rng = new SplittableRandom(2);
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextDouble();
            }
            NDArray in = m.create(x, new Shape(1, 1, 4, 8));
            try (ForwardOperator box = ALL[2].create(m, 4, 8);
                 ForwardOperator cubic = OperatorSpec.superResolution(2).create(m, 4, 8)) {
                float[] boxed = box.apply(in).toFloatArray();
                assertThat(boxed).hasSize(2 * 4);
                for (int r = 0; r < 2; r++) {
                    for (int c = 0; c < 4; c++) {
                        double mean = (x[2 * r * 8 + 2 * c] + x[2 * r * 8 + 2 * c + 1] + x[(2 * r + 1) * 8 + 2 * c]
                                + x[(2 * r + 1) * 8 + 2 * c + 1]) / 4;
                        assertThat((double) boxed[r * 4 + c]).isCloseTo(mean, within(1e-6));
                    }
                }
                float[] bicubic = cubic.apply(in).toFloatArray();
                assertThat(bicubic).hasSize(2 * 4);
                assertThat(maxDifference(bicubic, boxed)).isGreaterThan(0.01);
            }
        }
    }

    @Test
    void closingAnOperatorFreesItsMatrices() {
        try (NDManager m = NDManager.newBaseManager()) {
            int before = m.getManagedArrays().size();
            ForwardOperator op = ALL[0].create(m, 8, 8);
            assertThat(m.getManagedArrays().size()).isGreaterThan(before);
            op.close();
            assertThat(m.getManagedArrays().size()).isEqualTo(before);
        }
    }

    @Test
    void noiseIsSigmaTimesTheSeededNormalDrawsAddedToTheImage() {
        Image zero = new Image(1, 2, 3, new float[6]);
        Image y = MeasurementNoise.add(zero, 0.5, 42);
        SplittableRandom replica = new SplittableRandom(42);
        for (int i = 0; i < 6; i++) {
            assertThat(y.data()[i]).isEqualTo((float) (0.5 * MeasurementNoise.gaussian(replica)));
        }
        // the ends of the allowed range are allowed; σ = 0 leaves the image as it is
        Image ramp = new Image(1, 1, 3, new float[] {-1, 0, 1});
        assertThat(MeasurementNoise.add(ramp, 0, 7).data()).containsExactly(-1, 0, 1);
        assertThat(MeasurementNoise.add(ramp, 1, 7).data()).hasSize(3);
        assertThatThrownBy(() -> MeasurementNoise.add(ramp, -0.01, 7)).isInstanceOf(InvalidInputException.class)
                .hasMessage("noise sigma must be in [0, 1] on the [-1, 1] scale; found -0.01");
        assertThatThrownBy(() -> MeasurementNoise.add(ramp, 1.5, 7)).isInstanceOf(InvalidInputException.class);
    }

    private static double maxDifference(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }
}
