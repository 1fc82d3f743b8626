package org.g2d2.core.operator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import org.g2d2.core.Image;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.baseline.SyntheticImages;
import org.g2d2.core.operator.ForwardOperator;
import org.junit.jupiter.api.Test;

class SeparableMatrixTest {

    @Test
    void matchesTheTensorOperatorTheSamplerUses() {
        Image x = SyntheticImages.blobs(32, 1);
        for (OperatorSpec spec : new OperatorSpec[] {OperatorSpec.blur(1.5, 9), OperatorSpec.superResolution(4)}) {
            Image plain = SeparableMatrix.of(spec, 32, 32).apply(x);
            try (NDManager m = NDManager.newBaseManager(); ForwardOperator op = spec.create(m, 32, 32)) {
                Image tensor = Image.of(op.apply(x.toNDArray(m)));
                assertThat(plain.height()).isEqualTo(tensor.height());
                for (int i = 0; i < plain.data().length; i++) {
                    assertThat(plain.data()[i]).isCloseTo(tensor.data()[i], org.assertj.core.data.Offset.offset(1e-5f));
                }
            }
        }
    }

    @Test
    void transposeIsTheAdjoint() {
        SeparableMatrix a = SeparableMatrix.of(OperatorSpec.superResolution(2), 8, 8);
        Image x = SyntheticImages.blobs(8, 0);
        Image y = SyntheticImages.blobs(4, 2);
        double lhs = dot(a.apply(x), y);
        double rhs = dot(x, a.transpose().apply(y));
        assertThat(lhs).isCloseTo(rhs, org.assertj.core.data.Offset.offset(1e-4));
    }

    private static double dot(Image a, Image b) {
        double s = 0;
        for (int i = 0; i < a.data().length; i++) {
            s += a.data()[i] * b.data()[i];
        }
        return s;
    }
}
