package org.g2d2.core.model.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import org.g2d2.core.TorchRuntime;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.junit.jupiter.api.Test;

/** The decoder's engine shortcuts keep its maths: nearest ×2 upsampling, the sub-pixel fold, NNPACK off. */
class DecoderUpsampleTest {

    @Test
    void upsamplingCopiesEachValueToA2x2BlockAndItsGradientSumsTheBlock() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = m.randomNormal(new Shape(2, 3, 4, 5));
            NDArray weights = m.randomNormal(new Shape(2, 3, 8, 10));
            x.setRequiresGradient(true);
            NDArray up;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                up = VqTokenizer.upsample(x);
                gc.backward(up.mul(weights).sum());
            }
            assertThat(up.getShape()).isEqualTo(new Shape(2, 3, 8, 10));
            float[] xs = x.toFloatArray();
            float[] ups = up.toFloatArray();
            float[] ws = weights.toFloatArray();
            float[] grad = x.getGradient().toFloatArray();
            for (int plane = 0; plane < 6; plane++) {
                for (int i = 0; i < 8; i++) {
                    for (int j = 0; j < 10; j++) {
                        assertThat(ups[plane * 80 + i * 10 + j]).isEqualTo(xs[plane * 20 + (i / 2) * 5 + j / 2]);
                    }
                }
                for (int i = 0; i < 4; i++) {
                    for (int j = 0; j < 5; j++) {
                        int o = plane * 80 + 2 * i * 10 + 2 * j;
                        float block = ws[o] + ws[o + 1] + ws[o + 10] + ws[o + 11];
                        assertThat(grad[plane * 20 + i * 5 + j]).isCloseTo(block, org.assertj.core.api.Assertions.within(1e-5f));
                    }
                }
            }
        }
    }

    @Test
    void theFixedWeightDecoderMatchesUpsampleThenConvolveInValueAndInputGradient() {
        try (ModelPack pack = ModelPackLoader.load(Path.of("models", "fashion-mnist"), Device.cpu());
                NDManager m = pack.manager().newSubManager()) {
            VqTokenizer fixed = (VqTokenizer) pack.models().decoder();
            VqTokenizer plain = new VqTokenizer(fixed.config(), fixed.params());
            NDArray x = m.randomNormal(new Shape(2, pack.grid().embeddingDim(), pack.grid().height(), pack.grid().width()));
            NDArray weights = m.randomNormal(new Shape(2, 1, 32, 32));
            float[][] a = valueAndGradient(fixed, x, weights);
            float[][] b = valueAndGradient(plain, x, weights);
            assertThat(a[0]).hasSize(2 * 32 * 32);
            assertThat(a[0]).containsExactly(b[0], org.assertj.core.api.Assertions.within(2e-5f));
            assertThat(a[1]).containsExactly(b[1], org.assertj.core.api.Assertions.within(2e-5f));
            // the two paths really differ in their ops: exact equality everywhere would mean one path
            assertThat(java.util.Arrays.equals(a[0], b[0]) && java.util.Arrays.equals(a[1], b[1])).isFalse();
        }
    }

    private static float[][] valueAndGradient(VqTokenizer tokenizer, NDArray input, NDArray weights) {
        NDArray x = input.duplicate();
        x.setRequiresGradient(true);
        NDArray y;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            y = tokenizer.decode(x);
            gc.backward(y.mul(weights).sum());
        }
        return new float[][] {y.toFloatArray(), x.getGradient().toFloatArray()};
    }

    @Test
    void loadingAPackTurnsNnpackOff() throws Exception {
        try (ModelPack pack = ModelPackLoader.load(Path.of("models", "fashion-mnist"), Device.cpu())) {
            assertThat(TorchRuntime.nnpackEnabled()).isFalse();
        }
    }
}
